"""The one call from the chat into the registry's routing (adapter).

A closing form with consent 'signal' or 'referral' becomes a registration of the
helpline (ref `chat-<id>`, no name unless the visitor gave one for a referral),
and `zicht.route.referrals.send` routes it to the AVIM team of the police unit
covering the municipality. The registry's consent rules then decide what the
team may see: a signal without identity, a referral with the contact details.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from zicht.domain import User
from zicht.registry.consent import Consent
from zicht.registry.parse import RegistrationInput
from zicht.registry.service import import_registrations
from zicht.route import referrals
from zicht.route.regions import Municipality

SEX = {"female": "F", "male": "M", "other": "X", "unknown": "U"}


@dataclass(frozen=True, slots=True)
class Routed:
    registration_id: int
    referral_id: int
    to_org_id: int


def refer(
    session: Session,
    user: User,
    *,
    conversation_id: int,
    year: int,
    consent: str,
    municipality: Municipality,
    form: str,
    gender: str,
    age_group: str,
    relationship: str | None,
    caller: str,
    name: str | None,
    contact: str | None,
) -> Routed:
    """Register the case for the helpline and send it on; fails whole if it cannot be routed."""
    details: dict[str, object] = {"victim_status": "possible", "source": "chat", "caller": caller}
    if age_group == "minor":
        details["age_group"] = "0-17"
    if relationship:
        details["relationship"] = relationship
    level = Consent(consent)
    item = RegistrationInput(
        line=1,
        ref=f"chat-{conversation_id}",
        given_name=(name or "") if level is Consent.REFERRAL else "",
        family_name="",
        birth_date=None,
        sex=SEX.get(gender, "U"),
        citizenship="",
        municipality=municipality,
        form=form,
        year=year,
        consent=level,
        contact=contact if level is Consent.REFERRAL else None,
        details=details,
    )
    [registration_id] = import_registrations(session, user, [item])
    sent = referrals.send(session, user, registration_id)
    return Routed(registration_id, sent.id, sent.to_org_id)
