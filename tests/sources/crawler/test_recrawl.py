"""`zicht crawl --recrawl`: conditional revisits and versions (appeared, changed, disappeared)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from tests.sources.crawler.conftest import MOCK_PROFILE, N_MOCK_ADS, World, crawl
from tests.sources.crawler.mockserver import Ad, MockServer, make_ads

from zicht.store.tables import AdVersionRow, CrawledAdRow, DocumentRow


def versions(world: World) -> dict[int, list[tuple[str, list[str]]]]:
    with world.db.session() as s:
        rows = s.execute(
            select(CrawledAdRow.url, AdVersionRow.change, AdVersionRow.changed_fields)
            .join(AdVersionRow, AdVersionRow.ad_id == CrawledAdRow.id)
            .order_by(AdVersionRow.ad_id, AdVersionRow.version)
        ).all()
    out: dict[int, list[tuple[str, list[str]]]] = {}
    for url, change, fields in rows:
        out.setdefault(int(url.rsplit("/", 1)[1]), []).append((change, fields))
    return out


def test_recrawl_records_versions(world: World, fresh_site: MockServer) -> None:
    site = fresh_site.site
    d = world.deployment(fresh_site.domain)
    first = crawl(d.id, "--profile", MOCK_PROFILE)
    assert first.returncode == 0, first.stderr

    ads = site.ads
    ads[1] = dataclasses.replace(ads[1], text=ads[1].text + " Nu ook weekends.")
    ads[2] = dataclasses.replace(ads[2], price=ads[2].price + 50)
    ads[3] = dataclasses.replace(ads[3], city="Groningen")
    ads[4] = dataclasses.replace(ads[4], text=ads[4].text.replace(ads[4].phone, "06-99887766"))
    del ads[5]
    new: Ad = make_ads(N_MOCK_ADS + 1)[N_MOCK_ADS + 1]
    ads[new.id] = new
    site.reset_log()

    second = crawl(d.id, "--profile", MOCK_PROFILE, "--recrawl")
    assert second.returncode == 0, second.stderr
    unchanged = N_MOCK_ADS - 5
    assert f"appeared 1, changed 4, unchanged {unchanged}, disappeared 1" in second.stdout

    v = versions(world)
    assert v[1][-1][0] == "changed" and "text" in v[1][-1][1]
    assert v[2][-1] == ("changed", ["prices"])
    assert v[3][-1] == ("changed", ["city"])
    assert v[4][-1][0] == "changed" and "phones" in v[4][-1][1]
    assert v[5] == [("appeared", []), ("disappeared", [])]
    assert v[new.id] == [("appeared", [])]
    assert v[10] == [("appeared", [])]  # unchanged: no new version

    # conditional requests: every known ad was asked for with its validators
    revisits = [h for p, h in site.requests if p.startswith("/ad/") and p != f"/ad/{new.id}"]
    assert len(revisits) == N_MOCK_ADS and all("If-None-Match" in h for h in revisits)
    with world.db.session() as s:
        assert len(s.scalars(select(DocumentRow)).all()) == N_MOCK_ADS + 4 + 1
        gone = s.scalars(select(CrawledAdRow).where(CrawledAdRow.url.like("%/ad/5"))).one()
        assert gone.disappeared_at is not None

    # a plain crawl afterwards only looks for new ads: known ones are not fetched again
    site.reset_log()
    third = crawl(d.id, "--profile", MOCK_PROFILE)
    assert third.returncode == 0, third.stderr
    assert site.fetches("/ad/") == []
