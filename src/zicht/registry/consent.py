"""Consent levels: what of a registration may travel beyond the organisation that made it.

- counted: nothing leaves but the encoded linkage key (the person still counts once);
- signal: the signal travels (form, place, age group...) without identity;
- referral: identity and contact details go to the organisation it is referred to.

Every read outside the owning organisation goes through `view`, so the rule is
written once.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from zicht.errors import InvalidInput


class Consent(StrEnum):
    COUNTED = "counted"
    SIGNAL = "signal"
    REFERRAL = "referral"


def parse(value: str) -> Consent:
    try:
        return Consent(value.strip().lower())
    except ValueError:
        known = ", ".join(c.value for c in Consent)
        raise InvalidInput(f"unknown consent level {value!r} (known: {known})") from None


# What a receiving organisation may see at each level (the owner sees everything).
IDENTITY = ("ref", "given_name", "family_name", "birth_date", "contact")
SIGNAL_FIELDS = (
    "id",
    "org",
    "sex",
    "citizenship",
    "municipality",
    "unit",
    "form",
    "year",
    "consent",
    "details",
    "person",
)


class Audience(StrEnum):
    OWNER = "owner"  # the organisation that registered it
    RECIPIENT = "recipient"  # an organisation it was referred or signalled to
    OTHER = "other"  # anyone else, an admin of another organisation included


def view(full: dict[str, Any], consent: Consent, audience: Audience) -> dict[str, Any] | None:
    """The part of a registration an audience may see; None when it may see nothing."""
    if audience is Audience.OWNER:
        return dict(full)
    if consent is Consent.COUNTED:
        return None
    shown = {k: full[k] for k in SIGNAL_FIELDS if k in full}
    if audience is Audience.RECIPIENT and consent is Consent.REFERRAL:
        shown.update({k: full[k] for k in IDENTITY if k in full})
    return shown


def may_route(consent: Consent) -> bool:
    """A counted-only registration is never sent anywhere."""
    return consent is not Consent.COUNTED
