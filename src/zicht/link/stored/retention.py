"""Retention of stored networks: nothing derived from an ad outlives the ad's own retention.

A template keeps words of the ads' texts, so it goes as soon as the text of one of its
ads is erased (or the ad deleted); a whole run goes once the shortest retention of the
deployments it read has passed since it finished (members, edges and hubs cascade).
Registered with the retention job by importing this module (`zicht retention run`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from zicht.privacy import retention
from zicht.store.tables import (
    DeploymentRow,
    DocumentRow,
    LinkRunRow,
    NetworkMemberRow,
    NetworkTemplateRow,
)


@retention.rule("network_templates")
def templates_of_erased_texts(session: Session, now: datetime) -> int:
    """Templates with an ad whose document is gone or whose text was erased."""
    erased = (
        select(NetworkMemberRow.network_id)
        .outerjoin(DocumentRow, DocumentRow.id == NetworkMemberRow.document_id)
        .where(or_(NetworkMemberRow.document_id.is_(None), DocumentRow.text.is_(None)))
    )
    doomed = list(
        session.scalars(
            select(NetworkTemplateRow.id).where(NetworkTemplateRow.network_id.in_(erased))
        )
    )
    if doomed:
        session.execute(delete(NetworkTemplateRow).where(NetworkTemplateRow.id.in_(doomed)))
    return len(doomed)


@retention.rule("link_runs")
def expired_link_runs(session: Session, now: datetime) -> int:
    """Runs older than the shortest retention of the deployments whose ads they linked."""
    doomed: list[int] = []
    for run_id, finished_at, deployment_ids in session.execute(
        select(LinkRunRow.id, LinkRunRow.finished_at, LinkRunRow.deployment_ids)
    ):
        days = session.scalar(
            select(func.min(DeploymentRow.retention_days)).where(
                DeploymentRow.id.in_(deployment_ids)
            )
        )
        if days is None or finished_at <= now - timedelta(days=days):
            doomed.append(run_id)  # no deployment left to justify it, or past its retention
    if doomed:
        session.execute(delete(LinkRunRow).where(LinkRunRow.id.in_(doomed)))
    return len(doomed)
