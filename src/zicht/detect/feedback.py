"""Feedback to the officer who wrote a mutation: what became of the signal in it.

The information-led method asks that the author of a mutation hears whether the
signal found in it was confirmed or rejected, and why. A message goes to the
organisation that owns the mutation, addressed to the author named in it; the
author (a user of that organisation with that name) sees it marked as theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.domain import User
from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import DocumentRow, FeedbackMessageRow, SignalLabelRow


@dataclass(frozen=True, slots=True)
class Feedback:
    id: int
    document_id: int
    external_ref: str | None
    to_org_id: int
    to_author: str | None
    verdict: str
    indicators: list[str]
    reason: str
    body: str
    at: datetime
    read_at: datetime | None = None


def send(
    session: Session, user: User, doc: DocumentRow, label: SignalLabelRow, indicators: list[str]
) -> Feedback:
    """The feedback message of a verdict on a mutation, to its organisation and author."""
    verdict = "confirmed" if label.label == 1 else "rejected"
    author = (doc.fields or {}).get("author")
    body = (
        f"Mutation {doc.external_ref}: the trafficking signal ({', '.join(indicators)}) "
        f"was {verdict} by an analyst: {label.reason}"
    )
    message = FeedbackMessageRow(
        document_id=doc.id,
        label_id=label.id,
        from_org_id=user.org_id,
        to_org_id=doc.org_id,
        to_author=author,
        verdict=verdict,
        indicators=list(indicators),
        reason=label.reason,
        body=body,
        created_at=label.created_at,
    )
    session.add(message)
    session.flush()
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="signal.feedback",
        record_type="document",
        record_id=doc.id,
        detail={"to_org_id": doc.org_id, "to_author": author, "verdict": verdict},
    )
    return _feedback(message, doc.external_ref)


def _feedback(row: FeedbackMessageRow, external_ref: str | None) -> Feedback:
    return Feedback(
        row.id,
        row.document_id,
        external_ref,
        row.to_org_id,
        row.to_author,
        row.verdict,
        [str(i) for i in row.indicators],
        row.reason,
        row.body,
        row.created_at,
        row.read_at,
    )


def feedback_for(session: Session, user: User) -> list[Feedback]:
    """Feedback on the mutations the user's organisation wrote, newest first.

    Messages addressed to the user by name are marked read when they see them.
    """
    rows = session.execute(
        select(FeedbackMessageRow, DocumentRow.external_ref)
        .join(DocumentRow, DocumentRow.id == FeedbackMessageRow.document_id)
        .where(FeedbackMessageRow.to_org_id == user.org_id)
        .order_by(FeedbackMessageRow.created_at.desc(), FeedbackMessageRow.id.desc())
    ).all()
    messages = [_feedback(row, ref) for row, ref in rows]
    now = utcnow()
    for row, _ in rows:
        if row.read_at is None and row.to_author == user.username:
            row.read_at = now
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="signal.feedback.read",
        record_type="document",
        detail={"messages": [m.id for m in messages]},
    )
    return messages
