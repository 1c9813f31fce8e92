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
from zicht.sources.crawler import auditing
from zicht.sources.crawler.context import CrawlContext
from zicht.sources.crawler.items import Event
from zicht.sources.crawler.pipelines.gate import GatedAd
from zicht.store.tables import (
    AdVersionRow,
    CrawledAdRow,
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
    """Store a batch with a fixed number of statements, whatever its size.

    The writer thread holds the GIL while SQLAlchemy works, so a flush, a version
    look-up and an audit append per ad slowed the reactor down with it; here the
    new ads, their documents, versions and identifiers each go in one batched
    INSERT and the audit entries in one `record_many`.
    """
    d = ctx.deployment
    counts: Counter[str] = Counter()
    src = source_id(session, d.id)
    rows = _ads_by_url(session, d.id, {a.url for a in ads})
    current = _latest_versions(session, list(rows.values()))
    planned: list[tuple[CrawledAdRow, AdVersionRow, DocumentRow | None, GatedAd]] = []
    with session.no_autoflush:
        for ad in ads:
            row = rows.get(ad.url)
            if ad.event is Event.GONE:
                if row is not None and row.disappeared_at is None:
                    version = _version(ctx, row, "disappeared", [], ad.fetched_at)
                    current[ad.url] = version
                    planned.append((row, version, None, ad))
                    row.disappeared_at = ad.fetched_at
                    counts["disappeared"] += 1
                continue
            if row is not None and (
                ad.event is Event.NOT_MODIFIED or (_same(row, ad) and not row.disappeared_at)
            ):
                if ad.event is Event.FETCHED:  # hashes of fields no longer kept go
                    row.content_hash, row.field_hashes = ad.content_hash, ad.field_hashes
                _seen(row, ad, current.get(ad.url))
                counts["unchanged"] += 1
                continue
            if ad.event is Event.NOT_MODIFIED:
                continue  # a 304 for an ad we do not know: nothing to record
            if row is None:
                row = rows[ad.url] = _new_ad(ctx, ad)
                session.add(row)
                change, changed = "appeared", list[str]()
            elif row.disappeared_at is not None:
                change, changed = "appeared", []
            else:
                change = "changed"
                changed = sorted(
                    k for k, v in ad.field_hashes.items() if row.field_hashes.get(k) != v
                )
            version = current[ad.url] = _version(ctx, row, change, changed, ad.fetched_at)
            planned.append((row, version, _document(ctx, src, version.version, ad), ad))
            row.content_hash, row.field_hashes = ad.content_hash, ad.field_hashes
            row.disappeared_at = None
            _seen(row, ad, version)
            counts[change] += 1
        session.add_all(doc for _, _, doc, _ in planned if doc is not None)
    session.flush()  # new ads and documents get their ids
    events = []
    for row, version, doc, ad in planned:
        version.ad_id = row.id
        session.add(version)
        if doc is None:
            continue
        version.document_id = doc.id
        session.add_all(
            IdentifierRow(
                document_id=doc.id,
                kind=i.kind,
                pseudonym=i.pseudonym,
                key_id=i.key_id,
                raw_value=i.raw_value,
            )
            for i in ad.identifiers
        )
        events.append(
            auditing.event(
                ctx,
                "crawl.store",
                record_type="document",
                record_id=doc.id,
                url=ad.url,
                version=version.version,
                identifiers=len(ad.identifiers),
            )
        )
    audit.record_many(session, events)
    return counts


def _same(row: CrawledAdRow, ad: GatedAd) -> bool:
    """Every kept field as it was; a field the deployment keeps no more is no change."""
    if ad.content_hash == row.content_hash:
        return True
    return all(row.field_hashes.get(k) == v for k, v in ad.field_hashes.items())


def _ads_by_url(session: Session, deployment_id: int, urls: set[str]) -> dict[str, CrawledAdRow]:
    query = select(CrawledAdRow).where(
        CrawledAdRow.deployment_id == deployment_id, CrawledAdRow.url.in_(sorted(urls))
    )
    return {r.url: r for r in session.scalars(query)}


def _latest_versions(session: Session, rows: list[CrawledAdRow]) -> dict[str, AdVersionRow]:
    """Each known ad's newest version, by URL, in one query."""
    if not rows:
        return {}
    query = (
        select(CrawledAdRow.url, AdVersionRow)
        .join(
            AdVersionRow,
            (AdVersionRow.ad_id == CrawledAdRow.id)
            & (AdVersionRow.version == CrawledAdRow.version),
        )
        .where(CrawledAdRow.id.in_([r.id for r in rows]))
    )
    return {url: version for url, version in session.execute(query)}


def _new_ad(ctx: CrawlContext, ad: GatedAd) -> CrawledAdRow:
    d = ctx.deployment
    return CrawledAdRow(
        deployment_id=d.id,
        org_id=d.org_id,
        url=ad.url,
        site=ad.site,
        first_seen=ad.fetched_at,
        last_seen=ad.fetched_at,
        version=0,
        field_hashes={},
    )


def _document(ctx: CrawlContext, src: int, number: int, ad: GatedAd) -> DocumentRow:
    d = ctx.deployment
    return DocumentRow(
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


def _version(
    ctx: CrawlContext, row: CrawledAdRow, change: str, changed: list[str], at: datetime
) -> AdVersionRow:
    """The ad's next version; its ad and document ids are filled in after the flush."""
    row.version += 1
    return AdVersionRow(
        version=row.version,
        change=change,
        changed_fields=changed,
        run_id=ctx.run_id,
        first_seen=at,
        last_seen=at,
    )


def _seen(row: CrawledAdRow, ad: GatedAd, latest: AdVersionRow | None) -> None:
    row.last_seen = max(row.last_seen, ad.fetched_at)
    row.etag = ad.etag or row.etag
    row.last_modified = ad.last_modified or row.last_modified
    if latest is not None:
        latest.last_seen = max(latest.last_seen, ad.fetched_at)
