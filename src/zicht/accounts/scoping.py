"""Organisation scoping: a user reads their organisation's records and what was routed to it.

Every refusal looks like 'not found' to the caller (so it does not confirm the
record exists) and leaves an audit entry (so an attempt is seen).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.domain import ReferralStatus, User
from zicht.errors import NotFound
from zicht.privacy import audit
from zicht.store.tables import ReferralRow


def denial(user: User, record_type: str, record_id: object) -> dict[str, Any]:
    """The audit entry of a refused read, written even though the request fails."""
    return {
        "actor": user.username,
        "org_id": user.org_id,
        "action": "access.denied",
        "record_type": record_type,
        "record_id": record_id,
    }


def not_found(
    session: Session, user: User, record_type: str, record_id: object, message: str | None = None
) -> NotFound:
    """A refused read, audited now: raise what this returns (`raise not_found(...)`)."""
    error = NotFound(
        message or f"no {record_type} {record_id}", audit=denial(user, record_type, record_id)
    )
    audit.refuse(session, error)
    return error


def routed_to(session: Session, org_id: int, record_type: str, record_id: int) -> bool:
    """Whether the record was lawfully routed to the organisation (a referral not declined)."""
    hit = session.scalar(
        select(ReferralRow.id).where(
            ReferralRow.to_org_id == org_id,
            ReferralRow.record_type == record_type,
            ReferralRow.record_id == record_id,
            ReferralRow.status != ReferralStatus.DECLINED.value,
        )
    )
    return hit is not None


def can_read(
    session: Session, user: User, *, owner_org_id: int, record_type: str, record_id: int
) -> bool:
    if user.is_admin or user.org_id == owner_org_id:
        return True
    return routed_to(session, user.org_id, record_type, record_id)


def require_readable(
    session: Session, user: User, *, owner_org_id: int, record_type: str, record_id: int
) -> None:
    """Refuse, audited, when the user may not read the record; audit the read when they may."""
    if not can_read(
        session, user, owner_org_id=owner_org_id, record_type=record_type, record_id=record_id
    ):
        raise not_found(session, user, record_type, record_id)
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="read",
        record_type=record_type,
        record_id=record_id,
        detail={},
    )
