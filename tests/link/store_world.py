"""A synthetic ad world put into the store the way a crawl puts it: through the privacy gate.

Each generated ad becomes a fetched `AdItem` with the identifiers the crawler's own
extractor finds in its text, admitted by the real `PrivacyGate` (pseudonyms, redacted text
unless the deployment allows raw identifiers) and written by the crawler's `store_batch`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests import factories
from tests.sources.crawler.conftest import World, make_world
from zicht.domain import Deployment
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.sources.crawler import identifiers
from zicht.sources.crawler.context import CrawlContext
from zicht.sources.crawler.items import AdItem
from zicht.sources.crawler.pipelines.gate import PrivacyGate
from zicht.sources.crawler.storage import store_batch
from zicht.store import Database
from zicht.store.db import utcnow


def item(row: dict[str, Any], site: str) -> AdItem:
    text = row["text"]
    return AdItem(
        url=f"http://{site}/ad/{row['id']}",
        site=site,
        fetched_at=utcnow(),
        title=row.get("title"),
        text=text,
        city=row.get("city"),
        posted=row.get("posted_at"),
        phones=identifiers.phones(text),
        emails=identifiers.emails(text),
        handles=identifiers.handles(text),
        images=list(row.get("images") or []),
    )


def store_rows(
    db: Database,
    world: World,
    deployment: Deployment,
    rows: list[dict[str, Any]],
    *,
    later: timedelta = timedelta(0),
) -> dict[int, str]:
    """Store `rows` as one crawl of `deployment` (`later` than now: a recrawl that finds them
    changed); returns crawled ad id -> gold network."""
    site = deployment.domains[0]
    with db.session() as s:
        run_id = factories.crawl_run(s, deployment, status="finished")
        ctx = CrawlContext(deployment=deployment, actor="ana", org_name="x", run_id=run_id)
        gate = PrivacyGate(ctx, Pseudonymiser.from_settings())
        items = [item(r, site) for r in rows]
        for fetched in items:
            fetched.fetched_at += later
        store_batch(s, ctx, [gate.admit(i) for i in items])
    from sqlalchemy import select

    from zicht.store.tables import CrawledAdRow

    gold = {f"http://{site}/ad/{r['id']}": str(r["network"]) for r in rows}
    with db.session() as s:
        return {ad.id: gold[ad.url] for ad in s.scalars(select(CrawledAdRow))
                if ad.url in gold}  # fmt: skip


def world_with_deployment(db: Database, *, raw: bool = False) -> tuple[World, Deployment]:
    world = make_world(db)
    return world, world.deployment("ads.example", raw_identifiers=raw)


NOW = datetime(2026, 11, 23, tzinfo=UTC)
