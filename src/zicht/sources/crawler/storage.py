"""Writing a crawl to the store: ads, their versions, documents, identifiers, audit entries.

Idempotent by construction: an ad is unique per deployment and URL, a version
per ad and number, and a page whose content hash equals the ad's latest
version is not stored again. A batch lands whole or not at all, so a crawl
killed mid-way leaves either the page stored (and skipped on resume) or not
stored (and fetched again).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.domain import DocumentKind
from zicht.privacy import audit
from zicht.sources.crawler.context import CrawlContext
from zicht.sources.crawler.failures import CrawlError
from zicht.sources.crawler.items import Event
from zicht.sources.crawler.pipelines.gate import GatedAd
from zicht.store.db import utcnow
from zicht.store.tables import (
    AdVersionRow,
    CrawledAdRow,
    CrawlErrorRow,
    CrawlRunRow,
    DocumentRow,
    IdentifierRow,
    SourceRow,
)

SOURCE_KIND = "crawler"


def source_id(session: Session, deployment_id: int) -> int:
    """The deployment's crawler source, created on first use."""
    row = session.scalar(
        select(SourceRow).where(
            SourceRow.deployment_id == deployment_id, SourceRow.kind == SOURCE_KIND
        )
    )
    if row is None:
        row = SourceRow(
            deployment_id=deployment_id, kind=SOURCE_KIND, name=f"crawl {deployment_id}"
        )
        session.add(row)
        session.flush()
    return row.id


def known_ads(session: Session, deployment_id: int) -> dict[str, dict[str, Any]]:
    """What a recrawl needs of every ad the deployment has seen, by URL."""
    rows = session.scalars(select(CrawledAdRow).where(CrawledAdRow.deployment_id == deployment_id))
    return {
        r.url: {
            "etag": r.etag,
            "last_modified": r.last_modified,
            "last_seen": r.last_seen,
            "disappeared": r.disappeared_at is not None,
        }
        for r in rows
    }


def store_batch(session: Session, ctx: CrawlContext, ads: Sequence[GatedAd]) -> Counter[str]:
    d = ctx.deployment
    counts: Counter[str] = Counter()
    src = source_id(session, d.id)
    urls = list({a.url for a in ads})
    rows = {
        r.url: r
        for r in session.scalars(
            select(CrawledAdRow).where(
                CrawledAdRow.deployment_id == d.id, CrawledAdRow.url.in_(urls)
            )
        )
    }
    for ad in ads:
        row = rows.get(ad.url)
        if ad.event is Event.GONE:
            if row is not None and row.disappeared_at is None:
                _version(session, ctx, row, "disappeared", [], None, ad.fetched_at)
                row.disappeared_at = ad.fetched_at
                counts["disappeared"] += 1
            continue
        same = ad.content_hash == row.content_hash and row.disappeared_at is None if row else False
        if row is not None and (ad.event is Event.NOT_MODIFIED or same):
            _seen(session, row, ad)
            counts["unchanged"] += 1
            continue
        if ad.event is Event.NOT_MODIFIED:
            continue  # a 304 for an ad we do not know: nothing to record
        if row is None:
            row = CrawledAdRow(
                deployment_id=d.id,
                org_id=d.org_id,
                url=ad.url,
                site=ad.site,
                first_seen=ad.fetched_at,
                last_seen=ad.fetched_at,
                version=0,
                field_hashes={},
            )
            session.add(row)
            rows[ad.url] = row
            change, changed = "appeared", list[str]()
        elif row.disappeared_at is not None:
            change, changed = "appeared", []
        else:
            change = "changed"
            changed = sorted(k for k, v in ad.field_hashes.items() if row.field_hashes.get(k) != v)
        document = _document(session, ctx, src, row.version + 1, ad)
        _version(session, ctx, row, change, changed, document.id, ad.fetched_at)
        row.content_hash, row.field_hashes = ad.content_hash, ad.field_hashes
        row.disappeared_at = None
        _seen(session, row, ad)
        counts[change] += 1
    return counts


def _document(
    session: Session, ctx: CrawlContext, src: int, number: int, ad: GatedAd
) -> DocumentRow:
    d = ctx.deployment
    document = DocumentRow(
        org_id=d.org_id,
        kind=DocumentKind.AD.value,
        deployment_id=d.id,
        source_id=src,
        external_ref=f"crawl:{d.id}:{ad.url}#v{number}",
        title=ad.title,
        text=ad.text,
        fields=ad.fields,
        content_hash=ad.content_hash,
        fetched_at=ad.fetched_at,
        retain_until=ad.retain_until,
    )
    session.add(document)
    session.flush()
    session.add_all(
        IdentifierRow(
            document_id=document.id,
            kind=i.kind,
            pseudonym=i.pseudonym,
            key_id=i.key_id,
            raw_value=i.raw_value,
        )
        for i in ad.identifiers
    )
    audit.record(
        session,
        actor=ctx.actor,
        org_id=d.org_id,
        action="crawl.store",
        record_type="document",
        record_id=document.id,
        detail={
            "deployment": d.id,
            "run": ctx.run_id,
            "url": ad.url,
            "version": number,
            "identifiers": len(ad.identifiers),
        },
    )
    return document


def _version(
    session: Session,
    ctx: CrawlContext,
    row: CrawledAdRow,
    change: str,
    changed: list[str],
    document_id: int | None,
    at: datetime,
) -> None:
    if row.id is None:
        session.flush()
    row.version += 1
    session.add(
        AdVersionRow(
            ad_id=row.id,
            version=row.version,
            change=change,
            changed_fields=changed,
            document_id=document_id,
            run_id=ctx.run_id,
            first_seen=at,
            last_seen=at,
        )
    )


def _seen(session: Session, row: CrawledAdRow, ad: GatedAd) -> None:
    row.last_seen = max(row.last_seen, ad.fetched_at)
    row.etag = ad.etag or row.etag
    row.last_modified = ad.last_modified or row.last_modified
    if row.id is not None:
        latest = session.scalar(
            select(AdVersionRow).where(
                AdVersionRow.ad_id == row.id, AdVersionRow.version == row.version
            )
        )
        if latest is not None:
            latest.last_seen = max(latest.last_seen, ad.fetched_at)


def store_errors(session: Session, run_id: int, errors: Sequence[CrawlError]) -> None:
    now = utcnow()
    session.add_all(
        CrawlErrorRow(
            run_id=run_id,
            url=e.url[:2000],
            reason=e.reason,
            message=e.message,
            http_status=e.http_status,
            at=now,
        )
        for e in errors
    )


def update_run(
    session: Session,
    run_id: int,
    counts: dict[str, int],
    *,
    status: str | None = None,
    reason: str | None = None,
) -> str:
    """Write the run's counts (and its end); returns the deployment's status for a stop check."""
    run = session.get(CrawlRunRow, run_id)
    assert run is not None
    now = utcnow()
    run.counts = dict(counts)
    run.heartbeat_at = now
    if status is not None:
        run.status, run.finish_reason, run.finished_at = status, reason, now
    return run.status
