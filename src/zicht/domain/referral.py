"""A referral: a signal or a person routed to the organisation that must act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ReferralStatus(StrEnum):
    SENT = "sent"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Referral:
    id: int
    from_org_id: int
    to_org_id: int
    record_type: str
    record_id: int
    status: ReferralStatus
    sent_at: datetime
    reason: str | None = None
    outcome: str | None = None
