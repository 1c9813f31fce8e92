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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from zicht.domain import DocumentKind
from zicht.privacy import audit
from zicht.sources.crawler import auditing
from zicht.sources.crawler.context import CrawlContext
from zicht.sources.crawler.items import Event
from zicht.sources.crawler.pipelines.gate import GatedAd
from zicht.store.tables import (
    AdVersionRow,
    Base,
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
    new ads, their documents, versions and identifiers each go in one Core
    INSERT (no ORM objects to build and flush for rows that are only written)
    and the audit entries in one `record_many`. Ads already stored are ORM rows,
    updated in place and flushed at commit.
    """
    d = ctx.deployment
    counts: Counter[str] = Counter()
    src = source_id(session, d.id)
    rows: dict[str, CrawledAdRow | NewAd] = dict(_ads_by_url(session, d.id, {a.url for a in ads}))
    current: dict[str, AdVersionRow | NewVersion] = dict(
        _latest_versions(session, [r for r in rows.values() if isinstance(r, CrawledAdRow)])
    )
    planned: list[tuple[CrawledAdRow | NewAd, NewVersion, dict[str, Any] | None, GatedAd]] = []
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
                row = rows[ad.url] = NewAd(ad.url, ad.site, ad.fetched_at, ad.fetched_at)
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
    _insert_ads(session, ctx, [r for r in rows.values() if isinstance(r, NewAd)])
    documents = [doc for _, _, doc, _ in planned if doc is not None]
    document_ids = iter(_inserted_ids(session, DocumentRow, documents))
    versions, identifiers, events = [], [], []
    for row, version, doc, ad in planned:
        assert row.id is not None
        version.ad_id = row.id
        versions.append(version)
        if doc is None:
            continue
        version.document_id = doc_id = next(document_ids)
        identifiers += [
            {
                "document_id": doc_id,
                "kind": i.kind,
                "pseudonym": i.pseudonym,
                "key_id": i.key_id,
                "raw_value": i.raw_value,
            }
            for i in ad.identifiers
        ]
        events.append(
            auditing.event(
                ctx,
                "crawl.store",
                record_type="document",
                record_id=doc_id,
                url=ad.url,
                version=version.version,
                identifiers=len(ad.identifiers),
            )
        )
    if versions:
        session.execute(insert(_table(AdVersionRow)), [v.values(ctx) for v in versions])
    if identifiers:
        session.execute(insert(_table(IdentifierRow)), identifiers)
    audit.record_many(session, events)
    return counts


@dataclass
class NewAd:
    """An ad first seen in this batch, as the CrawledAdRow it becomes; inserted after the loop."""

    url: str
    site: str
    first_seen: datetime
    last_seen: datetime
    version: int = 0
    disappeared_at: datetime | None = None
    content_hash: str | None = None
    field_hashes: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    id: int | None = None


@dataclass
class NewVersion:
    """A version made in this batch; its ad and document ids are known after their inserts."""

    version: int
    change: str
    changed_fields: list[str]
    first_seen: datetime
    last_seen: datetime
    ad_id: int | None = None
    document_id: int | None = None

    def values(self, ctx: CrawlContext) -> dict[str, Any]:
        return {
            "ad_id": self.ad_id,
            "version": self.version,
            "change": self.change,
            "changed_fields": self.changed_fields,
            "document_id": self.document_id,
            "run_id": ctx.run_id,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


def _insert_ads(session: Session, ctx: CrawlContext, ads: list[NewAd]) -> None:
    d = ctx.deployment
    values = [
        {
            "deployment_id": d.id,
            "org_id": d.org_id,
            "url": a.url,
            "site": a.site,
            "first_seen": a.first_seen,
            "last_seen": a.last_seen,
            "disappeared_at": a.disappeared_at,
            "version": a.version,
            "content_hash": a.content_hash,
            "field_hashes": a.field_hashes,
            "etag": a.etag,
            "last_modified": a.last_modified,
        }
        for a in ads
    ]
    for ad, ad_id in zip(ads, _inserted_ids(session, CrawledAdRow, values), strict=True):
        ad.id = ad_id


def _inserted_ids(
    session: Session, table: type[CrawledAdRow | DocumentRow], values: list[dict[str, Any]]
) -> list[int]:
    """Insert the rows in one statement; their new ids, in the order given."""
    if not values:
        return []
    t = _table(table)
    statement = insert(t).returning(t.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, values).scalars())


def _table(row: type[Base]) -> Table:
    """The mapped class's table, for Core statements (no ORM objects built per row)."""
    return cast(Table, row.__table__)


def _same(row: CrawledAdRow | NewAd, ad: GatedAd) -> bool:
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


def _document(ctx: CrawlContext, src: int, number: int, ad: GatedAd) -> dict[str, Any]:
    d = ctx.deployment
    return {
        "org_id": d.org_id,
        "kind": DocumentKind.AD.value,
        "deployment_id": d.id,
        "source_id": src,
        "external_ref": f"crawl:{d.id}:{ad.url}#v{number}",
        "title": ad.title,
        "text": ad.text,
        "fields": ad.fields,
        "content_hash": ad.content_hash,
        "fetched_at": ad.fetched_at,
        "retain_until": ad.retain_until,
    }


def _version(
    ctx: CrawlContext, row: CrawledAdRow | NewAd, change: str, changed: list[str], at: datetime
) -> NewVersion:
    """The ad's next version; its ad and document ids are filled in after their inserts."""
    row.version += 1
    return NewVersion(row.version, change, changed, at, at)


def _seen(row: CrawledAdRow | NewAd, ad: GatedAd, latest: AdVersionRow | NewVersion | None) -> None:
    row.last_seen = max(row.last_seen, ad.fetched_at)
    row.etag = ad.etag or row.etag
    row.last_modified = ad.last_modified or row.last_modified
    if latest is not None:
        latest.last_seen = max(latest.last_seen, ad.fetched_at)
