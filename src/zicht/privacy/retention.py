"""Retention is enforced by a job, not promised: expired data is deleted and the deletion audited.

Each kind of record registers a rule; the job runs every rule in one
transaction and writes one audit entry with the counts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import DocumentRow

RetentionRule = Callable[[Session, datetime], int]
_rules: dict[str, RetentionRule] = {}


def rule(name: str) -> Callable[[RetentionRule], RetentionRule]:
    """Register a function that deletes what has passed its retention and returns the count."""

    def register(fn: RetentionRule) -> RetentionRule:
        _rules[name] = fn
        return fn

    return register


@rule("documents")
def expired_documents(session: Session, now: datetime) -> int:
    """Documents past their deployment's or registration's retention (identifiers cascade)."""
    expired = select(DocumentRow.id).where(DocumentRow.retain_until <= now)
    count = session.scalar(select(func.count()).select_from(expired.subquery())) or 0
    if count:
        session.execute(delete(DocumentRow).where(DocumentRow.retain_until <= now))
    return count


def run(session: Session, *, actor: str, now: datetime | None = None) -> dict[str, int]:
    moment = now or utcnow()
    counts = {name: fn(session, moment) for name, fn in sorted(_rules.items())}
    audit.record(
        session,
        actor=actor,
        action="retention.run",
        detail={"deleted": counts, "now": moment.isoformat()},
    )
    return counts
