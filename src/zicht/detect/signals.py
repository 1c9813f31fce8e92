"""Signals in the store: detect over stored documents, list a queue, confirm or reject, feed back.

The service functions behind the web signal queue (issue 4, item 5). Detector
hits go into the `signals` table, one row per indicator and document, with the
evidence spans. Until the `signal_labels` and `feedback_messages` tables exist
(see the detect report), a confirm/reject label and the feedback message to a
mutation's author are kept in the document's `fields` JSON (`labels`,
`feedback`) and every one is audited; `labelled_examples` reads them back for
retraining.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import require_readable
from zicht.detect.detector import Detector
from zicht.detect.model import Example
from zicht.domain import DocumentKind, ReferralStatus, Role, User
from zicht.errors import Forbidden, InvalidInput, NotFound
from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import DocumentRow, ReferralRow, SignalRow

LABELLING_ROLES = {Role.ANALYST, Role.ADMIN}


@dataclass(frozen=True, slots=True)
class QueueItem:
    document_id: int
    kind: str
    external_ref: str | None
    score: float
    form: str | None
    status: str  # new, confirmed, rejected
    signals: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Feedback:
    document_id: int
    to_org_id: int
    to_author: str | None
    verdict: str
    body: str


def detect_documents(
    session: Session, user: User, document_ids: list[int], detector: Detector
) -> int:
    """(Re)detect the documents and store their signals; returns how many have signals."""
    rows = list(session.scalars(select(DocumentRow).where(DocumentRow.id.in_(document_ids))))
    for row in rows:
        if row.org_id != user.org_id and not user.is_admin:
            raise Forbidden(f"document {row.id} belongs to another organisation")
    analyses = detector.analyse_many([row.text or "" for row in rows])
    session.execute(delete(SignalRow).where(SignalRow.document_id.in_([r.id for r in rows])))
    now, flagged = utcnow(), 0
    for row, analysis in zip(rows, analyses, strict=True):
        evidence: dict[str, list[dict[str, Any]]] = {}
        forms: dict[str, str] = {}
        for hit in analysis.signals:
            forms[hit.indicator] = hit.form
            evidence.setdefault(hit.indicator, []).append(
                {
                    "start": hit.start,
                    "end": hit.end,
                    "text": hit.text,
                    "pattern": hit.pattern,
                    "reported_speech": hit.reported,
                }
            )
        for indicator, spans in evidence.items():
            session.add(
                SignalRow(
                    document_id=row.id,
                    indicator_id=indicator,
                    form=forms[indicator],
                    score=analysis.score,
                    evidence=spans,
                    created_at=now,
                )
            )
        flagged += bool(evidence)
        row.fields = dict(
            row.fields or {},
            detection={
                "score": analysis.score,
                "form": analysis.form,
                "method": analysis.method,
                "contributions": [c.indicator for c in analysis.contributions],
            },
        )
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="signals.detect",
        record_type="document",
        detail={
            "documents": [r.id for r in rows],
            "with_signals": flagged,
            "method": detector.method,
        },
    )
    return flagged


def _status(fields: dict[str, Any]) -> str:
    labels = fields.get("labels") or []
    if not labels:
        return "new"
    return "confirmed" if labels[-1]["label"] == 1 else "rejected"


def list_signals(session: Session, user: User, *, status: str | None = "new") -> list[QueueItem]:
    """The queue: documents with signals that the user's organisation owns or received."""
    routed = select(ReferralRow.record_id).where(
        ReferralRow.to_org_id == user.org_id,
        ReferralRow.record_type == "document",
        ReferralRow.status != ReferralStatus.DECLINED.value,
    )
    query = select(DocumentRow).where(DocumentRow.id.in_(select(SignalRow.document_id)))
    if not user.is_admin:
        query = query.where(or_(DocumentRow.org_id == user.org_id, DocumentRow.id.in_(routed)))
    items = []
    for doc in session.scalars(query.order_by(DocumentRow.id)):
        fields = doc.fields or {}
        if status is not None and _status(fields) != status:
            continue
        signals = session.scalars(select(SignalRow).where(SignalRow.document_id == doc.id)).all()
        detection = fields.get("detection") or {}
        items.append(
            QueueItem(
                doc.id,
                doc.kind,
                doc.external_ref,
                max(s.score for s in signals),
                detection.get("form"),
                _status(fields),
                [
                    {"indicator": s.indicator_id, "form": s.form, "evidence": s.evidence}
                    for s in signals
                ],
            )
        )
    items.sort(key=lambda item: -item.score)
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="signals.list",
        record_type="document",
        detail={"documents": [i.document_id for i in items]},
    )
    return items


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
    if not reason.strip():
        raise InvalidInput("a reason is required to confirm or reject a signal")
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise NotFound(f"no document {document_id}")
    require_readable(
        session, user, owner_org_id=doc.org_id, record_type="document", record_id=document_id
    )
    fields = dict(doc.fields or {})
    verdict = "confirmed" if confirm else "rejected"
    entry = {
        "label": int(confirm),
        "form": form,
        "reason": reason.strip(),
        "by": user.username,
        "org_id": user.org_id,
        "at": utcnow().isoformat(),
    }
    fields["labels"] = [*(fields.get("labels") or []), entry]
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action=f"signal.{verdict[:-2]}",
        record_type="document",
        record_id=document_id,
        detail={"form": form},
    )
    feedback = None
    if doc.kind == DocumentKind.MUTATION.value:
        indicators = sorted(
            set(
                session.scalars(
                    select(SignalRow.indicator_id).where(SignalRow.document_id == document_id)
                )
            )
        )
        body = (
            f"Mutation {doc.external_ref}: the trafficking signal ({', '.join(indicators) or '-'}) "
            f"was {verdict} by an analyst: {reason.strip()}"
        )
        feedback = Feedback(
            document_id, doc.org_id, (doc.fields or {}).get("author"), verdict, body
        )
        fields["feedback"] = [
            *(fields.get("feedback") or []),
            {
                "to_org_id": feedback.to_org_id,
                "to_author": feedback.to_author,
                "verdict": verdict,
                "body": body,
                "from_org_id": user.org_id,
                "at": entry["at"],
            },
        ]
        audit.record(
            session,
            actor=user.username,
            org_id=user.org_id,
            action="signal.feedback",
            record_type="document",
            record_id=document_id,
            detail={"to_org_id": doc.org_id, "verdict": verdict},
        )
    doc.fields = fields
    session.flush()
    return feedback


def feedback_for(session: Session, user: User) -> list[Feedback]:
    """Feedback on the mutations the user's organisation wrote (the author's inbox, interim)."""
    rows = session.scalars(
        select(DocumentRow).where(
            DocumentRow.org_id == user.org_id, DocumentRow.kind == DocumentKind.MUTATION.value
        )
    )
    messages = [
        Feedback(row.id, m["to_org_id"], m["to_author"], m["verdict"], m["body"])
        for row in rows
        for m in (row.fields or {}).get("feedback") or []
    ]
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="signal.feedback.read",
        record_type="document",
        detail={"messages": len(messages)},
    )
    return messages


def labelled_examples(session: Session, org_id: int | None = None) -> list[Example]:
    """The latest label of every labelled document, as training examples."""
    query = select(DocumentRow).where(DocumentRow.text.is_not(None))
    if org_id is not None:
        query = query.where(DocumentRow.org_id == org_id)
    examples = []
    for doc in session.scalars(query):
        labels = (doc.fields or {}).get("labels") or []
        if labels:
            last = labels[-1]
            examples.append(
                Example(
                    str(doc.id),
                    doc.text or "",
                    int(last["label"]),
                    last.get("form"),
                    doc.kind,
                    (doc.fields or {}).get("lang"),
                )
            )
    return examples


def highlight(text: str, evidence: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The text cut into (segment, indicator or None) for showing the evidence highlighted."""
    spans = sorted(
        (e["start"], e["end"], e.get("indicator")) for e in evidence if e["end"] > e["start"]
    )
    segments: list[tuple[str, str | None]] = []
    cursor = 0
    for start, end, indicator in spans:
        if start < cursor:
            continue  # overlapping evidence: the first span wins
        if start > cursor:
            segments.append((text[cursor:start], None))
        segments.append((text[start:end], indicator))
        cursor = end
    if cursor < len(text):
        segments.append((text[cursor:], None))
    return segments
