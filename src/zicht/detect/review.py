"""An analyst's verdict on a signal: a training label, and feedback to the mutation's author.

The information-led method asks that the officer whose mutation raised a signal
hears what became of it. A confirm or reject is stored in `signal_labels` (the
latest per document counts; all of them are training data, see
`labelled_examples`), and for a police mutation a `feedback_messages` row goes
to the organisation and author that wrote it, shown on their feedback page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import require_readable
from zicht.detect import feedback
from zicht.detect.feedback import Feedback
from zicht.detect.model import Example
from zicht.domain import DocumentKind, ReferralStatus, Role, User
from zicht.errors import Forbidden, InvalidInput, NotFound
from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import (
    DocumentRow,
    ReferralRow,
    SignalLabelRow,
    SignalRow,
)

LABELLING_ROLES = frozenset({Role.ANALYST, Role.ADMIN})
FORMS = ("sexual", "labour", "criminal", "other")
MAX_REASON = 2000


@dataclass(frozen=True, slots=True)
class LabelView:
    verdict: str  # confirmed, rejected
    form: str | None
    reason: str
    by: str
    at: datetime


def _verdict(label: int) -> str:
    return "confirmed" if label == 1 else "rejected"


def labels_of(session: Session, document_id: int) -> list[LabelView]:
    rows = session.scalars(
        select(SignalLabelRow)
        .where(SignalLabelRow.document_id == document_id)
        .order_by(SignalLabelRow.id)
    )
    return [
        LabelView(_verdict(r.label), r.form, r.reason, r.labelled_by, r.created_at) for r in rows
    ]


def statuses(session: Session, document_ids: list[int]) -> dict[int, str]:
    """The latest verdict per labelled document (unlabelled documents are absent: 'new')."""
    latest: dict[int, int] = {}
    rows = session.execute(
        select(SignalLabelRow.document_id, SignalLabelRow.label)
        .where(SignalLabelRow.document_id.in_(document_ids))
        .order_by(SignalLabelRow.id)
    )
    for document_id, value in rows:
        latest[document_id] = value
    return {document_id: _verdict(value) for document_id, value in latest.items()}


def label(
    session: Session,
    user: User,
    document_id: int,
    *,
    confirm: bool,
    reason: str,
    form: str | None = None,
) -> Feedback | None:
    """Confirm or reject a document's signals; for a mutation, feedback goes to its author."""
    if user.role not in LABELLING_ROLES:
        raise Forbidden(
            f"user {user.username} ({user.role.value}) may not confirm or reject signals"
        )
    reason = reason.strip()
    if not reason:
        raise InvalidInput("a reason is required to confirm or reject a signal")
    if len(reason) > MAX_REASON:
        raise InvalidInput(f"the reason is {len(reason)} characters; at most {MAX_REASON}")
    if form is not None and form not in FORMS:
        raise InvalidInput(f"form {form!r} is not one of {', '.join(FORMS)}")
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise NotFound(f"no document {document_id}")
    require_readable(
        session, user, owner_org_id=doc.org_id, record_type="document", record_id=document_id
    )
    indicators = sorted(
        set(session.scalars(select(SignalRow.indicator_id).where(SignalRow.document_id == doc.id)))
    )
    if not indicators:
        raise InvalidInput(f"document {document_id} has no signals to confirm or reject")
    verdict, now = _verdict(int(confirm)), utcnow()
    row = SignalLabelRow(
        document_id=doc.id,
        label=int(confirm),
        form=form if confirm else None,
        reason=reason,
        labelled_by=user.username,
        org_id=user.org_id,
        created_at=now,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action=f"signal.{verdict[:-2]}",
        record_type="document",
        record_id=document_id,
        detail={"form": row.form, "label_id": row.id},
    )
    if doc.kind != DocumentKind.MUTATION.value:
        return None
    return feedback.send(session, user, doc, row, indicators)


def labelled_examples(session: Session, user: User | None = None) -> list[Example]:
    """The latest label of every labelled document, as training examples.

    With a user, only documents their organisation owns or received (audited);
    without one (an operator's retraining job), all of them.
    """
    query = (
        select(SignalLabelRow, DocumentRow)
        .join(DocumentRow, DocumentRow.id == SignalLabelRow.document_id)
        .where(DocumentRow.text.is_not(None))
        .order_by(SignalLabelRow.id)
    )
    if user is not None and not user.is_admin:
        routed = select(ReferralRow.record_id).where(
            ReferralRow.to_org_id == user.org_id,
            ReferralRow.record_type == "document",
            ReferralRow.status != ReferralStatus.DECLINED.value,
        )
        query = query.where(or_(DocumentRow.org_id == user.org_id, DocumentRow.id.in_(routed)))
    latest: dict[int, Example] = {}
    for row, doc in session.execute(query):
        lang = (doc.fields or {}).get("lang")
        latest[doc.id] = Example(str(doc.id), doc.text or "", row.label, row.form, doc.kind, lang)
    if user is not None:
        audit.record(
            session,
            actor=user.username,
            org_id=user.org_id,
            action="signals.labels.read",
            record_type="document",
            detail={"documents": sorted(latest)},
        )
    return list(latest.values())
