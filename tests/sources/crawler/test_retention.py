"""Retention of crawled ads: free text for the deployment's retention period only, then the ad."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from tests import factories

import zicht.sources.crawler.retention  # noqa: F401 - registers the rules
from zicht.commands.retention import RULE_MODULES
from zicht.privacy import deployments, retention
from zicht.store.db import Database, utcnow
from zicht.store.tables import AdVersionRow, CrawledAdRow, DocumentRow


def test_text_goes_after_the_retention_period_and_unseen_ads_with_it(database: Database) -> None:
    assert "zicht.sources.crawler.retention" in RULE_MODULES  # the job runs these rules
    now = utcnow()
    with database.session() as s:
        c = factories.chain(s)
        d = deployments.create(
            s, c.analyst, purpose="p", legal_basis="Wpg 9", domains=["ads.x"], retention_days=30
        )
        ids = {}
        for name, age in (("old", 40), ("new", 10)):
            at = now - timedelta(days=age)
            # retain_until is not trusted: the deployment's own period decides
            doc = DocumentRow(
                org_id=d.org_id,
                kind="ad",
                deployment_id=d.id,
                external_ref=f"crawl:{d.id}:{name}#v1",
                title=f"{name} title",
                text=f"{name} text, bel 0612345678",
                fields={"city": "Utrecht"},
                content_hash=name,
                fetched_at=at,
                retain_until=now + timedelta(days=365),
            )
            ad = CrawledAdRow(
                deployment_id=d.id,
                org_id=d.org_id,
                url=f"http://ads.x/{name}",
                site="ads.x",
                first_seen=at,
                last_seen=at,
                version=1,
                field_hashes={},
            )
            s.add_all([doc, ad])
            s.flush()
            s.add(
                AdVersionRow(
                    ad_id=ad.id,
                    version=1,
                    change="appeared",
                    changed_fields=[],
                    document_id=doc.id,
                    first_seen=at,
                    last_seen=at,
                )
            )
            ids[name] = (doc.id, ad.id)

    with database.session() as s:
        counts = retention.run(s, actor="retention-job", now=now)
    assert counts["crawled_ad_text"] == 1 and counts["crawled_ads"] == 1

    with database.session() as s:
        old_doc, new_doc = (s.get(DocumentRow, ids[n][0]) for n in ("old", "new"))
        assert old_doc is not None and old_doc.title is None and old_doc.text is None
        assert old_doc.fields == {"city": "Utrecht"}  # structured fields follow `documents`
        assert new_doc is not None and new_doc.text == "new text, bel 0612345678"
        urls = set(s.scalars(select(CrawledAdRow.url)))
        assert urls == {"http://ads.x/new"}
        assert set(s.scalars(select(AdVersionRow.ad_id))) == {ids["new"][1]}
    with database.session() as s:  # a second run finds nothing more to do
        again = retention.run(s, actor="retention-job", now=now)
    assert again["crawled_ad_text"] == 0 and again["crawled_ads"] == 0
