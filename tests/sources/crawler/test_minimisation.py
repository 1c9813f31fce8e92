"""Minimisation: an ad field the deployment does not keep is never stored, not even hashed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from tests import factories
from tests.sources.crawler.conftest import MOCK_PROFILE, World, crawl, make_world
from tests.sources.crawler.mockserver import MockServer
from tests.sources.crawler.test_crawl import CONTRACT_KEYS, dump
from tests.sources.crawler.test_scope import deployment

from zicht.cli import main
from zicht.domain.deployment import AD_FIELDS, DEFAULT_AD_FIELDS, Minimisation
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.sources.crawler.context import CrawlContext
from zicht.sources.crawler.items import AdItem
from zicht.sources.crawler.minimise import ALWAYS
from zicht.sources.crawler.pipelines.gate import PrivacyGate
from zicht.sources.crawler.storage import store_batch
from zicht.store import Database
from zicht.store.tables import AdVersionRow, CrawledAdRow, DocumentRow, IdentifierRow

KINDS = {"phones": "phone", "emails": "email", "handles": "handle", "images": "image"}
ITEM = AdItem(
    url="http://ads.example.nl/ad/1",
    site="ads.example.nl",
    fetched_at=datetime(2026, 11, 23, tzinfo=UTC),
    profile="demo",
    title="Nieuw: Jasmijn bel 0612345678",
    text="Jasmijn, 21 jaar, bel 0612345678 of mail jasmijn@example.com, snap: jas_21",
    advertiser="Jasmijn de Vries",
    city="Utrecht",
    age=21,
    prices=[150],
    posted="2026-11-20",
    phones=["+31612345678"],
    emails=["jasmijn@example.com"],
    handles=["snapchat:jas_21"],
    images=["c3d4e5f6a7b8c9d0"],
)


def gate(keep: tuple[str, ...], raw: bool) -> PrivacyGate:
    d = deployment(minimisation=Minimisation(keep), raw_identifiers=raw)
    ctx = CrawlContext(deployment=d, actor="ana", org_name="Politie", run_id=1)
    return PrivacyGate(ctx, Pseudonymiser({"k1": "a test key of enough length"}, "k1"))


@settings(max_examples=60, deadline=None)
@given(
    keep=st.sets(st.sampled_from(AD_FIELDS), min_size=1).map(
        lambda s: tuple(f for f in AD_FIELDS if f in s)
    ),
    raw=st.booleans(),
)
def test_the_gate_passes_only_the_kept_fields(keep: tuple[str, ...], raw: bool) -> None:
    ad = gate(keep, raw).admit(replace(ITEM))
    assert (ad.title is not None) == ("title" in keep)
    assert (ad.text is not None) == ("text" in keep)
    assert set(ad.fields) == set(ALWAYS) | (
        {"advertiser", "city", "age", "prices", "posted", "images"} & set(keep)
    )
    assert {i.kind for i in ad.identifiers} == {KINDS[a] for a in KINDS if a in keep}
    assert set(ad.field_hashes) == set(keep)  # no keyed trace of a dropped field either
    assert all((i.raw_value is not None) == raw for i in ad.identifiers)
    if "advertiser" not in keep:
        assert "Jasmijn de Vries" not in repr(ad)
    if not raw:  # identifiers in kept free text become placeholders
        assert "0612345678" not in (ad.title or "") + (ad.text or "")
        assert "jasmijn@example.com" not in (ad.text or "")


def test_a_crawl_stores_nothing_the_deployment_does_not_keep(
    world: World, mock_site: MockServer, tmp_path: Path
) -> None:
    # Raw identifiers allowed, yet only the city and phone numbers kept: e-mail addresses,
    # handles, names and texts are on every page and must not reach the store.
    d = world.deployment(mock_site.domain, raw_identifiers=True, keep=["city", "phones"])
    result = crawl(d.id, "--profile", MOCK_PROFILE)
    assert result.returncode == 0, result.stderr
    ads = mock_site.site.ads
    with world.db.session() as s:
        docs = s.scalars(select(DocumentRow)).all()
        assert len(docs) == len(ads)
        assert all(doc.title is None and doc.text is None for doc in docs)
        assert all(set(doc.fields) == {"site", "profile", "city"} for doc in docs)
        assert set(s.scalars(select(IdentifierRow.kind))) == {"phone"}
        assert all(
            set(r.field_hashes) == {"city", "phones"} for r in s.scalars(select(CrawledAdRow))
        )
    everything = dump(world)
    assert "+316" in everything  # raw phone numbers were allowed and kept
    for ad in ads.values():
        for value in (f"Dame {ad.id}", ad.title, ad.text, ad.email, ad.handle):
            if value:
                assert value not in everything, value

    out = tmp_path / "ads.jsonl"
    assert main(["export", "ads", str(d.id), "-o", str(out), "--as", "ana"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == len(ads) and all(set(r) >= CONTRACT_KEYS for r in rows)
    assert all(r["text"] is None and r["emails"] == [] and r["images"] == [] for r in rows)
    assert {r["city"] for r in rows} == {ad.city for ad in ads.values()}


def test_hashes_of_fields_no_longer_kept_are_dropped_without_a_new_version(
    database: Database,
) -> None:
    """Ads crawled before minimisation hashed every field; the next visit is no change."""
    world = make_world(database)
    d = world.deployment("ads.example.nl")
    with database.session() as s:
        run_id = factories.crawl_run(s, d)
    keyring = Pseudonymiser({"k1": "a test key of enough length"}, "k1")

    def store(keep: tuple[str, ...]) -> dict[str, int]:
        ctx = CrawlContext(
            deployment=replace(d, minimisation=Minimisation(keep)),
            actor="ana",
            org_name="Politie",
            run_id=run_id,
        )
        with database.session() as s:
            return dict(store_batch(s, ctx, [PrivacyGate(ctx, keyring).admit(replace(ITEM))]))

    assert store(AD_FIELDS) == {"appeared": 1}
    assert store(DEFAULT_AD_FIELDS) == {"unchanged": 1}
    with database.session() as s:
        row = s.scalars(select(CrawledAdRow)).one()
        assert set(row.field_hashes) == set(DEFAULT_AD_FIELDS)  # the name's hash is gone
        assert s.scalar(select(func.count()).select_from(AdVersionRow)) == 1
