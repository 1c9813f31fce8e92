"""Writing a crawl run's record: its counts, its end, and the URLs that failed."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from zicht.sources.crawler.failures import CrawlError
from zicht.store.db import utcnow
from zicht.store.tables import CrawlErrorRow, CrawlRunRow


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
