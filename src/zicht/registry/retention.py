"""Retention of registrations: past `retain_until` they are deleted with their referrals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from zicht.privacy import retention
from zicht.store.tables import ReferralRow, RegistrationRow


@retention.rule("registrations")
def expired_registrations(session: Session, now: datetime) -> int:
    """Registrations past their retention, and the referrals that carried them."""
    expired = select(RegistrationRow.id).where(RegistrationRow.retain_until <= now)
    count = session.scalar(select(func.count()).select_from(expired.subquery())) or 0
    if count:
        session.execute(
            delete(ReferralRow).where(
                ReferralRow.record_type == "registration", ReferralRow.record_id.in_(expired)
            )
        )
        session.execute(delete(RegistrationRow).where(RegistrationRow.retain_until <= now))
    return count
