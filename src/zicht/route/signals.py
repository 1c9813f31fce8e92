"""Signals sent on: a document with detector hits goes to the AVIM team that must look.

The information-led method routes a signal found in a mutation, ad or chat to
the AVIM team of the regional police unit (by the municipality the document
names, or one the analyst gives). The signal travels as a referral of record
type `document`: the receiving team then sees it in its signal queue, can read
the evidence (audited) and confirm or reject it; the sender sees the referral's
status as feedback, like any other referral.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import not_found
from zicht.domain import Referral, ReferralStatus, User
from zicht.errors import Conflict, InvalidInput, NotFound
from zicht.route.referrals import record_sent
from zicht.route.units import team_for_municipality
from zicht.store.db import utcnow
from zicht.store.tables import DocumentRow, OrganisationRow, ReferralRow, SignalRow

RECORD = "document"
PLACE_FIELDS = ("municipality", "city")


def place_of(fields: dict[str, Any]) -> str | None:
    """The municipality a document's fields name: a mutation's municipality, an ad's city."""
    for name in PLACE_FIELDS:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def send_signal(
    session: Session,
    user: User,
    document_id: int,
    *,
    municipality: str | None = None,
    now: datetime | None = None,
) -> Referral:
    """Send the signals of the user's document to the AVIM team of the municipality's unit."""
    document = session.get(DocumentRow, document_id)
    if document is None or document.org_id != user.org_id:
        raise not_found(session, user, RECORD, document_id)
    if session.scalar(select(SignalRow.id).where(SignalRow.document_id == document.id)) is None:
        raise InvalidInput(f"document {document_id} has no signals to send")
    place = (municipality or "").strip() or place_of(document.fields or {})
    if place is None:
        raise InvalidInput(
            f"document {document_id} names no municipality; give the one where the "
            "victim lives or where the exploitation takes place"
        )
    try:
        team = team_for_municipality(session, place)
    except NotFound as undeclared:
        # The place is known but no AVIM team is declared for its unit: the sender can act on
        # that message (another municipality, or ask an admin), so it is bad input, not a 404.
        raise InvalidInput(undeclared.message) from None
    if team.id == user.org_id:
        raise InvalidInput(f"document {document_id} is already with {team.name}, the AVIM team")
    if session.scalar(
        select(ReferralRow.id).where(
            ReferralRow.record_type == RECORD,
            ReferralRow.record_id == document.id,
            ReferralRow.to_org_id == team.id,
            ReferralRow.status != ReferralStatus.DECLINED.value,
        )
    ):
        raise Conflict(f"the signal of document {document_id} was already sent to {team.name}")
    return record_sent(
        session, user, RECORD, document.id, to_org_id=team.id, note=place, now=now or utcnow()
    )


def sent_to(session: Session, document_id: int) -> list[tuple[str, str]]:
    """Where a document's signal went: (receiving organisation's name, referral status)."""
    rows = session.execute(
        select(OrganisationRow.name, ReferralRow.status)
        .join(OrganisationRow, OrganisationRow.id == ReferralRow.to_org_id)
        .where(ReferralRow.record_type == RECORD, ReferralRow.record_id == document_id)
        .order_by(ReferralRow.id)
    ).all()
    return [(name, status) for name, status in rows]
