"""Reading crawl runs and their errors: what the deployment page and the CLI show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import denial
from zicht.domain import User
from zicht.errors import NotFound
from zicht.privacy.deployments import get as get_deployment
from zicht.store.tables import CrawlErrorRow, CrawlRunRow


@dataclass(frozen=True)
class CrawlRun:
    id: int
    deployment_id: int
    started_by: str
    mode: str
    frontier: str
    status: str
    finish_reason: str | None
    started_at: datetime
    finished_at: datetime | None
    counts: dict[str, Any]
    error_count: int


@dataclass(frozen=True)
class CrawlRunError:
    url: str
    reason: str
    message: str
    http_status: int | None
    at: datetime


def list_runs(session: Session, actor: User, deployment_id: int) -> list[CrawlRun]:
    """The deployment's runs, newest first, for anyone who may see the deployment."""
    get_deployment(session, actor, deployment_id)
    errors = (
        select(CrawlErrorRow.run_id, func.count().label("n"))
        .group_by(CrawlErrorRow.run_id)
        .subquery()
    )
    rows = session.execute(
        select(CrawlRunRow, errors.c.n)
        .outerjoin(errors, errors.c.run_id == CrawlRunRow.id)
        .where(CrawlRunRow.deployment_id == deployment_id)
        .order_by(CrawlRunRow.id.desc())
    )
    return [
        CrawlRun(
            r.id,
            r.deployment_id,
            r.started_by,
            r.mode,
            r.frontier,
            r.status,
            r.finish_reason,
            r.started_at,
            r.finished_at,
            dict(r.counts),
            n or 0,
        )
        for r, n in rows
    ]


def run_errors(
    session: Session, actor: User, run_id: int, *, limit: int = 500
) -> list[CrawlRunError]:
    run = session.get(CrawlRunRow, run_id)
    if run is None:
        raise NotFound(f"no crawl run {run_id}", audit=denial(actor, "crawl_run", run_id))
    get_deployment(session, actor, run.deployment_id)
    rows = session.scalars(
        select(CrawlErrorRow)
        .where(CrawlErrorRow.run_id == run_id)
        .order_by(CrawlErrorRow.id)
        .limit(limit)
    )
    return [CrawlRunError(r.url, r.reason, r.message, r.http_status, r.at) for r in rows]


def error_reasons(session: Session, actor: User, run_id: int) -> dict[str, int]:
    """How many URLs failed for each reason in the run."""
    run_errors(session, actor, run_id, limit=0)
    rows = session.execute(
        select(CrawlErrorRow.reason, func.count())
        .where(CrawlErrorRow.run_id == run_id)
        .group_by(CrawlErrorRow.reason)
    )
    return {reason: int(n) for reason, n in rows}
