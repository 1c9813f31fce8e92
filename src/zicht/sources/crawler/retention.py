"""Retention of crawled ads: free text for the deployment's retention period only, then the ad.

The general `documents` rule deletes a document at its `retain_until`; this rule
does not trust that date alone. It reads each deployment's own retention period
and erases the title and text of every ad page fetched longer ago than that
(whatever date the document carries), and deletes a crawled ad, with its
versions, once it has not been seen for that long: its URL and field hashes are
the last trace of the page.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from zicht.domain import DocumentKind
from zicht.privacy import retention
from zicht.store.tables import AdVersionRow, CrawledAdRow, DeploymentRow, DocumentRow


def _periods(session: Session) -> list[tuple[int, int]]:
    """(deployment id, retention days) of every deployment that has crawled ads."""
    crawled = select(CrawledAdRow.deployment_id).distinct()
    query = select(DeploymentRow.id, DeploymentRow.retention_days).where(
        DeploymentRow.id.in_(crawled)
    )
    return [(d, days) for d, days in session.execute(query)]


@retention.rule("crawled_ad_text")
def expired_ad_text(session: Session, now: datetime) -> int:
    """Titles and texts of ad pages fetched longer ago than their deployment's retention."""
    erased = 0
    for deployment_id, days in _periods(session):
        result = session.execute(
            update(DocumentRow)
            .where(
                DocumentRow.deployment_id == deployment_id,
                DocumentRow.kind == DocumentKind.AD.value,
                DocumentRow.fetched_at <= now - timedelta(days=days),
                or_(DocumentRow.title.is_not(None), DocumentRow.text.is_not(None)),
            )
            .values(title=None, text=None)
            .execution_options(synchronize_session=False)
        )
        erased += result.rowcount or 0  # type: ignore[attr-defined]
    return erased


@retention.rule("crawled_ads")
def expired_ads(session: Session, now: datetime) -> int:
    """Ads not seen for their deployment's retention period, with their versions."""
    deleted = 0
    for deployment_id, days in _periods(session):
        stale = select(CrawledAdRow.id).where(
            CrawledAdRow.deployment_id == deployment_id,
            CrawledAdRow.last_seen <= now - timedelta(days=days),
        )
        ids = list(session.scalars(stale))
        if not ids:
            continue
        session.execute(delete(AdVersionRow).where(AdVersionRow.ad_id.in_(ids)))
        session.execute(delete(CrawledAdRow).where(CrawledAdRow.id.in_(ids)))
        deleted += len(ids)
    return deleted
