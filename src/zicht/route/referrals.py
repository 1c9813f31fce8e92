"""Referrals: a registration routed to the organisation that must act, and its life cycle.

sent -> received -> accepted -> closed (with an outcome), or declined (with a
reason). The sender sees every step (feedback); a referral not received or
decided within a time limit is overdue. Consent decides what may be sent: a
counted-only registration never, an anonymous signal without identity, a
referral with identity and contact details (see `zicht.registry.consent`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import denial, not_found
from zicht.domain import Referral, ReferralStatus, User
from zicht.errors import Conflict, InvalidInput, NotFound, Unlawful
from zicht.privacy import audit
from zicht.registry.consent import Consent
from zicht.registry.service import RECORD
from zicht.route.regions import resolve
from zicht.route.units import team_for_unit
from zicht.settings import get_settings
from zicht.store.db import utcnow
from zicht.store.tables import OrganisationRow, ReferralEventRow, ReferralRow, RegistrationRow


def overdue_after_setting() -> timedelta:
    """Not picked up (received) within this time, or received but not decided: overdue."""
    return timedelta(hours=get_settings().referral_overdue_hours)


OPEN = (ReferralStatus.SENT, ReferralStatus.RECEIVED)
NEXT = {
    ReferralStatus.RECEIVED: (ReferralStatus.SENT,),
    ReferralStatus.ACCEPTED: (ReferralStatus.RECEIVED,),
    ReferralStatus.DECLINED: (ReferralStatus.SENT, ReferralStatus.RECEIVED),
    ReferralStatus.CLOSED: (ReferralStatus.ACCEPTED,),
}


@dataclass(frozen=True, slots=True)
class ReferralStatusView:
    """What sender and receiver see: the status, its history, and whether it is overdue."""

    referral: Referral
    to_org: str
    from_org: str
    overdue: bool
    history: tuple[tuple[str, datetime, str | None], ...]

    def as_dict(self) -> dict[str, Any]:
        r = self.referral
        return {
            "id": r.id,
            "from": self.from_org,
            "to": self.to_org,
            "record_type": r.record_type,
            "record_id": r.record_id,
            "status": r.status.value,
            "sent_at": r.sent_at.isoformat(),
            "reason": r.reason,
            "outcome": r.outcome,
            "overdue": self.overdue,
            "history": [
                {"status": s, "at": at.isoformat(), "note": n} for s, at, n in self.history
            ],
        }


def _domain(row: ReferralRow) -> Referral:
    return Referral(
        row.id,
        row.from_org_id,
        row.to_org_id,
        row.record_type,
        row.record_id,
        ReferralStatus(row.status),
        row.sent_at,
        row.reason,
        row.outcome,
    )


def _event(
    session: Session,
    row: ReferralRow,
    status: ReferralStatus,
    actor: User,
    note: str | None,
    now: datetime,
) -> None:
    row.status = status.value
    session.add(
        ReferralEventRow(
            referral_id=row.id, status=status.value, actor=actor.username, at=now, note=note
        )
    )
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action=f"referral.{status.value}",
        record_type="referral",
        record_id=row.id,
        detail={row.record_type: row.record_id, "note": note is not None},
    )


def send(
    session: Session,
    user: User,
    registration_id: int,
    *,
    to_org: str | None = None,
    now: datetime | None = None,
) -> Referral:
    """Send the user's registration to `to_org`, or by default to the AVIM team of the
    police unit covering the registration's municipality."""
    now = now or utcnow()
    row = session.get(RegistrationRow, registration_id)
    if row is None or row.org_id != user.org_id:
        raise not_found(session, user, RECORD, registration_id)
    if row.consent == Consent.COUNTED.value:
        raise audit.refuse(
            session,
            Unlawful(
                f"registration {row.ref!r} has consent 'counted': it is only counted, never sent",
                audit={**denial(user, RECORD, row.id), "action": "referral.refused"},
            ),
        )
    if to_org is None:
        target = team_for_unit(session, resolve(row.municipality_code).unit_code)
        target_id = target.id
    else:
        found = session.scalar(select(OrganisationRow.id).where(OrganisationRow.name == to_org))
        if found is None:
            raise NotFound(f"no organisation named {to_org!r}")
        target_id = found
    if target_id == user.org_id:
        raise InvalidInput("a registration cannot be referred to its own organisation")
    if session.scalar(
        select(ReferralRow.id).where(
            ReferralRow.record_type == RECORD,
            ReferralRow.record_id == row.id,
            ReferralRow.to_org_id == target_id,
            ReferralRow.status != ReferralStatus.DECLINED.value,
        )
    ):
        raise Conflict(f"registration {row.ref!r} is already referred to that organisation")
    return record_sent(
        session, user, RECORD, row.id, to_org_id=target_id, note=f"consent {row.consent}", now=now
    )


def record_sent(
    session: Session,
    user: User,
    record_type: str,
    record_id: int,
    *,
    to_org_id: int,
    note: str | None,
    now: datetime,
) -> Referral:
    """Store a referral that the caller has checked may be sent, with its first event."""
    referral = ReferralRow(
        from_org_id=user.org_id,
        to_org_id=to_org_id,
        record_type=record_type,
        record_id=record_id,
        status=ReferralStatus.SENT.value,
        sent_at=now,
    )
    session.add(referral)
    session.flush()
    _event(session, referral, ReferralStatus.SENT, user, note, now)
    return _domain(referral)


def _receiving(session: Session, user: User, referral_id: int) -> ReferralRow:
    row = session.get(ReferralRow, referral_id)
    if row is None or row.to_org_id != user.org_id:
        raise not_found(
            session,
            user,
            "referral",
            referral_id,
            f"no referral {referral_id} for your organisation",
        )
    return row


def _move(
    session: Session,
    user: User,
    referral_id: int,
    status: ReferralStatus,
    note: str | None,
    now: datetime | None,
) -> Referral:
    row = _receiving(session, user, referral_id)
    current = ReferralStatus(row.status)
    if current not in NEXT[status]:
        raise Conflict(
            f"referral {referral_id} is {current.value}; it cannot become {status.value}"
        )
    if status is ReferralStatus.DECLINED:
        row.reason = note
    if status is ReferralStatus.CLOSED:
        row.outcome = note
    _event(session, row, status, user, note, now or utcnow())
    return _domain(row)


def receive(
    session: Session, user: User, referral_id: int, *, now: datetime | None = None
) -> Referral:
    return _move(session, user, referral_id, ReferralStatus.RECEIVED, None, now)


def accept(
    session: Session, user: User, referral_id: int, *, now: datetime | None = None
) -> Referral:
    return _move(session, user, referral_id, ReferralStatus.ACCEPTED, None, now)


def decline(
    session: Session, user: User, referral_id: int, reason: str, *, now: datetime | None = None
) -> Referral:
    if not reason.strip():
        raise InvalidInput("a declined referral needs a reason")
    return _move(session, user, referral_id, ReferralStatus.DECLINED, reason.strip(), now)


def record_outcome(
    session: Session, user: User, referral_id: int, outcome: str, *, now: datetime | None = None
) -> Referral:
    """Close an accepted referral with what came of it: the feedback the sender waits for."""
    if not outcome.strip():
        raise InvalidInput("an outcome is needed to close a referral")
    return _move(session, user, referral_id, ReferralStatus.CLOSED, outcome.strip(), now)


def is_overdue(row: ReferralRow, last_change: datetime, now: datetime, after: timedelta) -> bool:
    return ReferralStatus(row.status) in OPEN and now - last_change > after


def referrals_for(
    session: Session,
    user: User,
    *,
    now: datetime | None = None,
    overdue_after: timedelta | None = None,
    overdue_only: bool = False,
) -> list[ReferralStatusView]:
    """Referrals the user's organisation sent or received, with status and overdue flag."""
    now = now or utcnow()
    overdue_after = overdue_after or overdue_after_setting()
    query = select(ReferralRow).order_by(ReferralRow.id)
    if not user.is_admin:
        query = query.where(
            or_(ReferralRow.from_org_id == user.org_id, ReferralRow.to_org_id == user.org_id)
        )
    names = dict(session.execute(select(OrganisationRow.id, OrganisationRow.name)).all())
    out = []
    for row in session.scalars(query):
        events = session.execute(
            select(ReferralEventRow.status, ReferralEventRow.at, ReferralEventRow.note)
            .where(ReferralEventRow.referral_id == row.id)
            .order_by(ReferralEventRow.id)
        ).all()
        last = events[-1][1] if events else row.sent_at
        overdue = is_overdue(row, last, now, overdue_after)
        if overdue_only and not overdue:
            continue
        out.append(
            ReferralStatusView(
                _domain(row), names[row.to_org_id], names[row.from_org_id], overdue, tuple(events)
            )
        )
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="referral.list",
        detail={"count": len(out)},
    )
    return out
