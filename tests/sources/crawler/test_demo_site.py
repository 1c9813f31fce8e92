"""End to end against the demo world's ad site: its profile, its ground truth, its changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from tests.sources.crawler.conftest import World, crawl

from zicht.demo.images import phash_hex
from zicht.demo.site import RunningSite, serve_site
from zicht.demo.world import World as DemoWorld
from zicht.demo.world import generate
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.sources.crawler import identifiers
from zicht.sources.crawler.runner import crawl_in_subprocess
from zicht.store.tables import AdVersionRow, CrawledAdRow, DocumentRow, IdentifierRow

DAYS = 7


@pytest.fixture
def demo() -> Iterator[tuple[DemoWorld, RunningSite]]:
    world = generate(seed=11, n_ads=40, n_mutations=0, n_chats=0, n_registrations=0)
    site = serve_site(world, day=world.today - DAYS)
    yield world, site
    site.stop()


def test_demo_site_crawl_and_recrawl_follow_the_ground_truth(
    world: World, demo: tuple[DemoWorld, RunningSite]
) -> None:
    truth, site = demo
    d = world.deployment(site.url.split("//", 1)[1])
    first = crawl(d.id)  # no --profile: the demo profile is detected
    assert first.returncode == 0, first.stderr
    day0 = site.day
    online = {ad.id: ad for ad in truth.ads if ad.on(day0) is not None}
    with world.db.session() as s:
        docs = s.scalars(select(DocumentRow)).all()
        by_ad: dict[str, DocumentRow] = {}
        for doc in docs:
            assert doc.external_ref is not None
            by_ad[doc.external_ref.rsplit("/", 1)[1].split("#")[0]] = doc
        phones = set(
            s.scalars(select(IdentifierRow.pseudonym).where(IdentifierRow.kind == "phone"))
        )
    assert set(by_ad) == set(online)
    assert {doc.fields["profile"] for doc in docs} == {"demo"}
    for ad_id, ad in online.items():
        doc = by_ad[ad_id]
        snap = ad.on(day0)
        assert snap is not None
        assert doc.fields["city"] == snap.city and doc.fields["prices"] == [snap.price]
        assert doc.fields["images"] == [phash_hex(truth.image_bytes(i) or b"") for i in ad.images]
    # the site's own footer number is never taken for an advertiser's
    pseudonymiser = Pseudonymiser.from_settings()
    site_number = identifiers.normalise_phone(truth.site_phone)
    assert site_number and pseudonymiser.pseudonymise("phone", site_number).digest not in phones

    site.advance(DAYS)
    day1 = site.day
    second = crawl_in_subprocess("ana", d.id, recrawl=True)  # the demo's and web app's way
    assert second.status == "finished" and second.counts["pages"] > 0
    expected = {
        ad.id: (ad.on(day0), ad.on(day1))
        for ad in truth.ads
        if ad.on(day0) is not None or ad.on(day1) is not None
    }
    with world.db.session() as s:
        rows = s.execute(
            select(CrawledAdRow.url, AdVersionRow.change, AdVersionRow.run_id).join(
                AdVersionRow, AdVersionRow.ad_id == CrawledAdRow.id
            )
        ).all()
    recorded = {(url.rsplit("/", 1)[1], change) for url, change, run in rows if run == 2}
    for ad_id, (before, after) in expected.items():
        if before is None:
            assert (ad_id, "appeared") in recorded
        elif after is None:
            assert (ad_id, "disappeared") in recorded
        elif before != after:
            assert (ad_id, "changed") in recorded, (before, after)
        else:
            assert not any(a == ad_id for a, _ in recorded)
