"""Registrations of possible victims by several organisations.

Some people are registered by two to four organisations (a few twice by the
same one), each clerk writing
the name a little differently (transliteration, diacritics, tussenvoegsel,
typos, given and family name swapped) and sometimes missing or mistyping the
birth date. The ground truth says which rows are one person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from zicht.demo.name_pools import person_name
from zicht.demo.names import ORIGINS, Origin, choose_origin, written
from zicht.demo.noise import chance, pick
from zicht.demo.places import any_municipality
from zicht.registry.parse import REQUIRED as REQUIRED_COLUMNS

# slug -> (name, prefix of its own record ids, forms it mostly sees)
ORGS = {
    "politie": ("Politie AVIM", "PL", {"sexual": 45, "labour": 20, "criminal": 30, "other": 5}),
    "arbeidsinspectie": (
        "Nederlandse Arbeidsinspectie",
        "NLA",
        {"labour": 85, "criminal": 10, "other": 5},
    ),
    "hulplijn": (
        "Hulplijn Mensenhandel",
        "HL",
        {"sexual": 50, "labour": 25, "criminal": 15, "other": 10},
    ),
    "gemeente-rotterdam": ("Gemeente Rotterdam", "GR", {"sexual": 70, "labour": 20, "other": 10}),
    "comensha": ("CoMensha", "CM", {"sexual": 40, "labour": 30, "criminal": 25, "other": 5}),
}
# The import contract's columns, then two optional HTCDS ones the generator fills.
COLUMNS = (*REQUIRED_COLUMNS, "age_group", "language")
COPIES = {1: 66, 2: 20, 3: 10, 4: 4}


@dataclass(frozen=True)
class Registration:
    org: str
    row: dict[str, str]
    person: str  # ground truth


def age_group(birth: date, year: int) -> str:
    age = year - birth.year
    for limit, label in ((17, "0-17"), (24, "18-24"), (34, "25-34"), (44, "35-44")):
        if age <= limit:
            return label
    return "45+"


def _birth_typo(rng: random.Random, birth: date) -> date:
    kind = rng.randrange(3)
    if kind == 0 and birth.day <= 12 and birth.day != birth.month:
        return date(birth.year, birth.day, birth.month)
    if kind == 1:
        return date(birth.year + pick(rng, [-1, 1]), birth.month, min(birth.day, 28))
    return birth + timedelta(days=pick(rng, [-10, -1, 1, 10]))


# Another organisation sees the case differently now and then (forced criminality
# taken for labour, a slip of the pen): linkage must not rely on the form being the
# same everywhere. Citizenship is a passport's and stays the same.
OTHER_FORM = {"sexual": "other", "labour": "criminal", "criminal": "labour", "other": "labour"}


def _form(rng: random.Random, form: str, first: bool) -> str:
    return OTHER_FORM[form] if not first and chance(rng, 0.08) else form


def _row(
    rng: random.Random, org: str, n: int, person: dict[str, object], first: bool
) -> dict[str, str]:
    origin: Origin = person["origin"]  # type: ignore[assignment]
    noisy = 0.05 if first else 0.4
    given = written(rng, person["given"], noisy)  # type: ignore[arg-type]
    family = written(rng, person["family"], noisy)  # type: ignore[arg-type]
    if not first and chance(rng, 0.08):
        given, family = family, given
    birth: date = person["birth"]  # type: ignore[assignment]
    year: int = person["year"]  # type: ignore[assignment]
    shown = (
        ""
        if chance(rng, 0.35 if org == "hulplijn" else 0.08)
        else (_birth_typo(rng, birth) if not first and chance(rng, 0.1) else birth).isoformat()
    )
    municipality = person["municipality"] if chance(rng, 0.85) else any_municipality(rng).name
    consent = rng.choices(["counted", "signal", "referral"], weights=[30, 30, 40])[0]
    return {
        "ref": f"{ORGS[org][1]}-{year if first else year + rng.choice([0, 0, 1])}-{n:05d}",
        "given_name": given,
        "family_name": family,
        "birth_date": shown,
        "sex": str(person["sex"]),
        "citizenship": origin.code,
        "municipality": str(municipality),
        "form": _form(rng, str(person["form"]), first),
        "year": str(year if first or chance(rng, 0.8) else year + 1),
        "consent": consent,
        "age_group": age_group(birth, year) if chance(rng, 0.9) else "",
        "language": origin.language if chance(rng, 0.8) else "",
    }


def _person(rng: random.Random) -> dict[str, object]:
    origin = choose_origin(rng)
    form = rng.choices(["sexual", "labour", "criminal", "other"], weights=[45, 30, 20, 5])[0]
    sex = "F" if chance(rng, 0.8 if form == "sexual" else 0.35) else "M"
    given, family = person_name(rng, origin.code, sex)
    year = rng.choice([2024, 2025])
    young = form in ("sexual", "criminal") and chance(rng, 0.3)
    age = rng.randint(13, 17) if young else rng.randint(18, 55)
    birth = date(year - age, 1, 1) + timedelta(days=rng.randrange(365))
    return {
        "origin": origin,
        "form": form,
        "sex": sex,
        "given": given,
        "family": family,
        "year": year,
        "birth": birth,
        "municipality": any_municipality(rng, 0.5).name,
    }


def registrations(rng: random.Random, n: int) -> list[Registration]:
    """About `n` rows; each person is registered by one to four organisations."""
    out: list[Registration] = []
    counters = dict.fromkeys(ORGS, 0)
    index = 0
    while len(out) < n:
        index += 1
        person = _person(rng)
        copies = min(rng.choices(list(COPIES), weights=list(COPIES.values()))[0], n - len(out))
        weights = [ORGS[o][2].get(str(person["form"]), 1) for o in ORGS]
        orgs: list[str] = []
        while len(orgs) < copies:
            org = rng.choices(list(ORGS), weights=weights)[0]
            if org not in orgs:
                orgs.append(org)
        if len(out) + len(orgs) < n and chance(rng, 0.04):
            orgs.append(orgs[0])  # registered twice by one organisation, a year apart
        for k, org in enumerate(orgs):
            counters[org] += 1
            row = _row(rng, org, counters[org], person, first=k == 0)
            out.append(Registration(org, row, f"per-{index:06d}"))
    return out


__all__ = ["COLUMNS", "ORGS", "ORIGINS", "Registration", "registrations"]
