"""Signals in the store: detect over stored documents, the queue, and one document's evidence.

The service functions behind the web signal queue (issue 4, item 5). Detector
hits go into the `signals` table, one row per indicator and document, with the
evidence spans; an analyst's verdict goes into `signal_labels` (see `review`).
A user sees the documents of their own organisation and those lawfully routed to
it (`zicht.accounts.scoping`); every read of a document's text is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import require_readable
from zicht.detect.detector import Detector
from zicht.detect.highlight import Segment, highlight
from zicht.detect.review import LABELLING_ROLES, LabelView, labels_of, statuses
from zicht.domain import ReferralStatus, User
from zicht.errors import Forbidden, NotFound
from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import DocumentRow, ReferralRow, SignalRow

STATUSES = ("new", "confirmed", "rejected")


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
class DocumentView:
    """One document as the analyst reviews it: the text cut at the evidence, and its history."""

    item: QueueItem
    title: str | None
    org_id: int
    segments: list[Segment]
    labels: list[LabelView]
    fields: dict[str, Any]


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


def _require_reviewer(user: User) -> None:
    if user.role not in LABELLING_ROLES:
        raise Forbidden(f"user {user.username} ({user.role.value}) does not work the signal queue")


def _item(doc: DocumentRow, signals: list[SignalRow], status: str) -> QueueItem:
    return QueueItem(
        doc.id,
        doc.kind,
        doc.external_ref,
        max(s.score for s in signals),
        ((doc.fields or {}).get("detection") or {}).get("form"),
        status,
        [{"indicator": s.indicator_id, "form": s.form, "evidence": s.evidence} for s in signals],
    )


def list_signals(session: Session, user: User, *, status: str | None = "new") -> list[QueueItem]:
    """The queue: documents with signals that the user's organisation owns or received."""
    _require_reviewer(user)
    query = select(DocumentRow).where(DocumentRow.id.in_(select(SignalRow.document_id)))
    if not user.is_admin:
        routed = select(ReferralRow.record_id).where(
            ReferralRow.to_org_id == user.org_id,
            ReferralRow.record_type == "document",
            ReferralRow.status != ReferralStatus.DECLINED.value,
        )
        query = query.where(or_(DocumentRow.org_id == user.org_id, DocumentRow.id.in_(routed)))
    docs = list(session.scalars(query.order_by(DocumentRow.id)))
    ids = [doc.id for doc in docs]
    by_doc: dict[int, list[SignalRow]] = {}
    for signal in session.scalars(select(SignalRow).where(SignalRow.document_id.in_(ids))):
        by_doc.setdefault(signal.document_id, []).append(signal)
    current = statuses(session, ids)
    items = [
        _item(doc, by_doc[doc.id], current.get(doc.id, "new"))
        for doc in docs
        if status is None or current.get(doc.id, "new") == status
    ]
    items.sort(key=lambda item: (-item.score, item.document_id))
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="signals.list",
        record_type="document",
        detail={"status": status, "documents": [i.document_id for i in items]},
    )
    return items


def open_document(session: Session, user: User, document_id: int) -> DocumentView:
    """A document with its evidence; outside the user's reach a 404, audited; else the read is."""
    _require_reviewer(user)
    doc = session.get(DocumentRow, document_id)
    if doc is None:
        raise NotFound(f"no document {document_id}")
    require_readable(
        session, user, owner_org_id=doc.org_id, record_type="document", record_id=document_id
    )
    signals = list(session.scalars(select(SignalRow).where(SignalRow.document_id == doc.id)))
    if not signals:
        raise NotFound(f"document {document_id} has no signals")
    labels = labels_of(session, doc.id)
    status = "new" if not labels else labels[-1].verdict
    spans = [dict(span, indicator=s.indicator_id) for s in signals for span in s.evidence]
    return DocumentView(
        item=_item(doc, signals, status),
        title=doc.title,
        org_id=doc.org_id,
        segments=highlight(doc.text or "", spans),
        labels=labels,
        fields={k: v for k, v in (doc.fields or {}).items() if k != "detection"},
    )
