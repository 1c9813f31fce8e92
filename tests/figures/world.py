"""A small registry with known persons, registered through the real service and linked for real.

2025: five persons. Maria and Ioana are registered by CoMensha and the police;
Elena (born 2009, a minor) only by CoMensha; Ana only by the
police; Sara by Fier after linkage ran, so she is not linked (a person of her own),
a minor by her age group. 2024: Noor, by CoMensha.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from tests import factories
from zicht.domain import User
from zicht.registry.consent import Consent
from zicht.registry.linkage import link_registrations
from zicht.registry.parse import RegistrationInput
from zicht.registry.service import import_registrations
from zicht.route.regions import resolve


@dataclass
class World:
    clerk: User  # CoMensha
    police: User  # Politie Amsterdam
    counsellor: User  # Fier
    researcher: User
    admin: User


def item(
    ref: str,
    name: tuple[str, str, str | None],
    *,
    citizenship: str = "ROU",
    town: str = "Amsterdam",
    form: str = "sexual",
    year: int = 2025,
    consent: str = "counted",
    details: dict[str, str] | None = None,
) -> RegistrationInput:
    given, family, birth = name
    return RegistrationInput(
        2, ref, given, family, birth, "F", citizenship, resolve(town), form, year,
        Consent(consent), None, details or {},
    )  # fmt: skip


MARIA = ("Maria", "Popescu", "1999-02-03")
IOANA = ("Ioana", "Ionescu", "1990-05-06")
ELENA = ("Elena", "Dumitru", "2009-01-01")
ANA = ("Ana", "Marin", "1985-01-01")
SARA = ("Sara", "Jansen", None)
NOOR = ("Noor", "de Vries", "1980-03-03")


def build(session: Session) -> World:
    world = World(
        clerk=factories.user(session, "clara", "CoMensha", "registry", "clerk"),
        police=factories.user(session, "ana", "Politie Amsterdam", "police", "analyst"),
        counsellor=factories.user(session, "cor", "Fier", "helpline", "counsellor"),
        researcher=factories.user(session, "rita", "WODC", "research", "researcher"),
        admin=factories.user(session, "adm", "Beheer", "registry", "admin"),
    )
    import_registrations(
        session,
        world.clerk,
        [
            item("c-2024-1", NOOR, year=2024, citizenship="NLD"),
            item("c-1", MARIA),
            item("c-2", IOANA, form="labour", consent="referral"),
            item("c-3", ELENA, citizenship="NLD"),
        ],
    )
    import_registrations(
        session,
        world.police,
        [
            item("p-1", MARIA),
            item("p-2", IOANA, form="labour", consent="referral"),
            item("p-3", ANA, citizenship="NGA", town="Rotterdam", form="criminal"),
        ],
    )
    link_registrations(session, actor="test")
    import_registrations(
        session,
        world.counsellor,
        [item("f-1", SARA, citizenship="NLD", details={"age_group": "0-17"})],
    )
    return world
