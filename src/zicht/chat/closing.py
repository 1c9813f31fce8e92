"""Closing a conversation: the form that is counted and kept (fields after IOM's HTCDS).

HTCDS names: the caller (victim or someone speaking about another person),
type of exploitation, age (minor/adult), gender, the recruiter's relationship to
the victim, the place, and the consent level that decides whether the case is
only counted, travels as an anonymous signal, or is referred with contact details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from zicht.chat.referral import Routed, refer
from zicht.chat.store import RECORD
from zicht.domain import User
from zicht.errors import Conflict, InvalidInput, NotFound
from zicht.privacy import audit
from zicht.route.regions import resolve
from zicht.store.db import utcnow
from zicht.store.tables import ChatClosingRow, ChatConversationRow

CALLERS = ("victim", "other")
FORMS = ("sexual", "labour", "criminal", "other")
AGE_GROUPS = ("minor", "adult", "unknown")
GENDERS = ("female", "male", "other", "unknown")
RELATIONSHIPS = (
    "parent",
    "partner",
    "other_family",
    "friend",
    "employer",
    "stranger",
    "other",
    "unknown",
)
CONSENTS = ("counted", "signal", "referral")


@dataclass(frozen=True, slots=True)
class Closing:
    about_trafficking: bool
    caller: str
    form: str | None
    age_group: str
    gender: str
    relationship: str | None
    municipality: str | None
    consent: str
    name: str | None = None
    contact: str | None = None
    same_as: int | None = None


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise InvalidInput(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def validate(c: Closing) -> None:
    _choice("caller", c.caller, CALLERS)
    _choice("age group", c.age_group, AGE_GROUPS)
    _choice("gender", c.gender, GENDERS)
    _choice("consent", c.consent, CONSENTS)
    if c.relationship is not None:
        _choice("relationship", c.relationship, RELATIONSHIPS)
    if c.about_trafficking:
        _choice("form of exploitation", c.form, FORMS)
    elif c.consent != "counted":
        raise InvalidInput("only a conversation about trafficking can be signalled or referred")
    if c.consent != "counted" and not c.municipality:
        raise InvalidInput("a signal or referral needs the municipality where the victim lives")
    if c.consent == "referral" and not (c.contact or "").strip():
        raise InvalidInput("a referral needs the contact details the visitor agreed to give")


def conversation_of(session: Session, user: User, conversation_id: int) -> ChatConversationRow:
    row = session.get(ChatConversationRow, conversation_id)
    if row is None or row.org_id != user.org_id:
        raise NotFound(f"no conversation {conversation_id} of your organisation")
    return row


def close(
    session: Session,
    user: User,
    conversation_id: int,
    c: Closing,
    *,
    now: datetime | None = None,
) -> Routed | None:
    """Store the closing form; route a signal or referral. All or nothing, audited."""
    now = now or utcnow()
    row = conversation_of(session, user, conversation_id)
    if row.status != "ended":
        raise Conflict(f"conversation {conversation_id} is still open: end it first")
    if session.get(ChatClosingRow, conversation_id) is not None:
        raise Conflict(f"conversation {conversation_id} was closed already")
    validate(c)
    municipality = resolve(c.municipality) if c.municipality else None
    if c.same_as is not None:
        if c.same_as == conversation_id:
            raise InvalidInput("a conversation cannot be the same person as itself")
        conversation_of(session, user, c.same_as)
        row.same_as_id = c.same_as
    form = c.form if c.about_trafficking else None
    routed = None
    if c.consent != "counted":
        assert municipality is not None and form is not None
        routed = refer(
            session,
            user,
            conversation_id=conversation_id,
            year=now.year,
            consent=c.consent,
            municipality=municipality,
            form=form,
            gender=c.gender,
            age_group=c.age_group,
            relationship=c.relationship,
            caller=c.caller,
            name=c.name,
            contact=c.contact,
        )
    session.add(
        ChatClosingRow(
            conversation_id=conversation_id,
            org_id=user.org_id,
            year=now.year,
            about_trafficking=c.about_trafficking,
            caller=c.caller,
            form=form,
            age_group=c.age_group,
            gender=c.gender,
            relationship=c.relationship,
            municipality_code=municipality.code if municipality else None,
            consent=c.consent,
            registration_id=routed.registration_id if routed else None,
            referral_id=routed.referral_id if routed else None,
            closed_by=user.username,
            closed_at=now,
        )
    )
    row.status = "closed"
    session.flush()
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="chat.close",
        record_type=RECORD,
        record_id=conversation_id,
        detail={
            "consent": c.consent,
            "same_as": c.same_as,
            "referral": routed.referral_id if routed else None,
        },
    )
    return routed
