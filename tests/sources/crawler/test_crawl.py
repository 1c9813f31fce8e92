"""A crawl of the mock ad site: what is stored, what is not, and what the audit log says."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select, text
from tests.sources.crawler.conftest import MOCK_PROFILE, World, crawl
from tests.sources.crawler.mockserver import MockServer, phone_of

from zicht.cli import main
from zicht.domain.deployment import DEFAULT_AD_FIELDS
from zicht.privacy import audit
from zicht.store.tables import AuditRow, CrawlRunRow, DocumentRow, IdentifierRow

CONTRACT_KEYS = {
    "id",
    "url",
    "title",
    "text",
    "phones",
    "emails",
    "handles",
    "city",
    "age",
    "images",
    "first_seen",
    "last_seen",
}


def dump(world: World) -> str:
    """Every value in every table, as text: where a raw identifier must not appear."""
    out = []
    with world.db.engine.connect() as conn:
        tables = [
            r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        ]
        for table in tables:
            out += [repr(tuple(row)) for row in conn.execute(text(f'SELECT * FROM "{table}"'))]
    return "\n".join(out)


def test_crawl_stores_minimised_ads_with_pseudonyms_only(
    world: World, mock_site: MockServer, tmp_path: Path
) -> None:
    d = world.deployment(mock_site.domain)
    mock_site.site.reset_log()
    result = crawl(d.id, "--profile", MOCK_PROFILE)
    assert result.returncode == 0, result.stderr
    assert "finished (finished)" in result.stdout
    ads = mock_site.site.ads

    with world.db.session() as s:
        docs = s.scalars(select(DocumentRow).order_by(DocumentRow.id)).all()
        assert len(docs) == len(ads)
        assert all(doc.retain_until > doc.fetched_at for doc in docs)
        one = next(
            doc for doc in docs if doc.external_ref and doc.external_ref.endswith("/ad/3#v1")
        )
        assert one.fields["city"] == ads[3].city and one.fields["age"] == ads[3].age
        assert one.fields["prices"] == [ads[3].price] and len(one.fields["images"]) == 2
        assert "advertiser" not in one.fields  # the strict default drops names
        assert "[phone]" in (one.text or "")
        kinds = dict(
            s.execute(select(IdentifierRow.kind, func.count()).group_by(IdentifierRow.kind)).all()
        )
        assert kinds["phone"] == len(ads) and kinds["image"] == 2 * len(ads)
        assert s.scalar(select(func.count()).where(IdentifierRow.raw_value.is_not(None))) == 0
        # every stored page is in the audit log, and the chain still verifies
        stored = s.scalars(select(AuditRow.record_id).where(AuditRow.action == "crawl.store")).all()
        assert sorted(stored, key=str) == sorted(str(doc.id) for doc in docs)
        assert audit.verify(s).ok
        run = s.scalars(select(CrawlRunRow)).one()
        assert run.status == "finished" and run.counts["appeared"] == len(ads)

    everything = dump(world)
    for ad in ads.values():  # no raw identifier anywhere in the database
        e164 = "+31" + ad.phone.replace("-", "")[1:]
        for raw in (ad.phone, e164, ad.phone.replace("-", ""), ad.email, ad.handle):
            if raw:
                assert raw not in everything, raw
    # the site's own footer number is no ad's identifier
    assert phone_of(0) not in everything

    # polite and honest: robots.txt first, a user agent naming the organisation
    paths = [p for p, _ in mock_site.site.requests]
    assert paths[0] == "/robots.txt"
    agents = {h.get("User-Agent", "") for _, h in mock_site.site.requests}
    assert agents == {
        f"zicht/0.1.0 (crawler of Politie Amsterdam; deployment {d.id}; legal basis politiewet-3)"
    }

    out = tmp_path / "ads.jsonl"
    assert main(["export", "ads", str(d.id), "-o", str(out), "--as", "ana"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == len(ads)
    assert all(set(r) >= CONTRACT_KEYS for r in rows)
    assert all(len(r["phones"]) == 1 and r["phones"][0].startswith("k1:") for r in rows)
    assert all(len(r["images"]) == 2 and len(r["images"][0]) == 16 for r in rows)
    assert main(["export", "ads", str(d.id), "-o", str(out), "--as", "olga"]) == 1


def test_raw_identifiers_are_kept_only_where_the_deployment_allows(
    world: World, mock_site: MockServer, tmp_path: Path
) -> None:
    # The advertiser's name is a widening the deployment must name, raw identifiers or not.
    d = world.deployment(
        mock_site.domain, raw_identifiers=True, keep=[*DEFAULT_AD_FIELDS, "advertiser"]
    )
    result = crawl(d.id, "--profile", MOCK_PROFILE)
    assert result.returncode == 0, result.stderr
    with world.db.session() as s:
        raw = set(s.scalars(select(IdentifierRow.raw_value).where(IdentifierRow.kind == "phone")))
        doc = s.scalars(select(DocumentRow).where(DocumentRow.external_ref.like("%/ad/4#v1"))).one()
        assert doc.fields["advertiser"] == "Dame 4"
    ad = mock_site.site.ads[4]
    assert "+31" + ad.phone.replace("-", "")[1:] in raw
    out = tmp_path / "ads.jsonl"
    assert main(["export", "ads", str(d.id), "-o", str(out), "--as", "ana"]) == 0
    row = next(json.loads(x) for x in out.read_text().splitlines() if x and '/ad/4"' in x)
    assert row["handles"] == ["telegram:dame_4"] and row["phones"][0].startswith("+316")
