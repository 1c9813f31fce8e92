"""Municipalities and the police regional unit that covers each (CBS 2025, see data/README.md).

A clerk writes 'Den Haag' where CBS writes "'s-Gravenhage", and 'Bergen' for
either of two municipalities. A name resolves only when it names exactly one
municipality; otherwise the error lists the candidates or the closest names.
"""

from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from zicht.errors import InvalidInput
from zicht.link.persons.normalise import fold


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str  # CBS code, GM....
    name: str
    unit_code: str  # RE01-RE10
    unit_name: str


# Names in daily use for municipalities whose CBS name differs.
ALIASES = {
    "den haag": "'s-Gravenhage",
    "the hague": "'s-Gravenhage",
    "s gravenhage": "'s-Gravenhage",
    "den bosch": "'s-Hertogenbosch",
    "s hertogenbosch": "'s-Hertogenbosch",
    "hertogenbosch": "'s-Hertogenbosch",
    "bergen nh": "Bergen (NH.)",
    "bergen l": "Bergen (L.)",
    "sudwest friesland": "Súdwest-Fryslân",
    "zuidwest friesland": "Súdwest-Fryslân",
}
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


def key(name: str) -> str:
    """Case, accents, punctuation and a leading "'s-" do not distinguish municipalities."""
    return re.sub(r"[^a-z0-9]+", " ", fold(name).lower()).strip()


@cache
def municipalities() -> tuple[Municipality, ...]:
    path = resources.files("zicht.route") / "data" / "gemeente_politie_eenheid_2025.csv"
    with path.open(encoding="utf-8") as handle:
        return tuple(
            Municipality(
                r["gemeente_code"], r["gemeente_naam"], r["eenheid_code"], r["eenheid_naam"]
            )
            for r in csv.DictReader(handle)
        )


@cache
def _index() -> tuple[dict[str, Municipality], dict[str, list[Municipality]]]:
    exact: dict[str, Municipality] = {}
    bare: dict[str, list[Municipality]] = {}
    for m in municipalities():
        exact[key(m.name)] = m
        exact[m.code.lower()] = m
        bare.setdefault(key(_QUALIFIER.sub("", m.name)), []).append(m)
    by_name = {m.name: m for m in municipalities()}
    for alias, name in ALIASES.items():
        exact[key(alias)] = by_name[name]
    return exact, bare


def units() -> dict[str, str]:
    """{'RE01': 'Noord-Nederland', ...}"""
    return {m.unit_code: m.unit_name for m in municipalities()}


def resolve(name: str) -> Municipality:
    """The one municipality a name or CBS code means, or a clear error with suggestions."""
    exact, bare = _index()
    wanted = key(name or "")
    if not wanted:
        raise InvalidInput("no municipality given")
    if wanted in exact:
        return exact[wanted]
    candidates = bare.get(wanted, [])
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = ", ".join(repr(m.name) for m in candidates)
        raise InvalidInput(f"municipality {name!r} is ambiguous: did you mean {names}?")
    names_by_key = {key(m.name): m.name for m in municipalities()}
    names_by_key.update({key(a): n for a, n in ALIASES.items()})
    close = difflib.get_close_matches(wanted, list(names_by_key), n=4, cutoff=0.6)
    hint = list(dict.fromkeys(names_by_key[c] for c in close))
    suggestion = f"; close matches: {', '.join(repr(n) for n in hint)}" if hint else ""
    raise InvalidInput(f"unknown municipality {name!r}{suggestion}")


def unit_for(name: str) -> tuple[str, str]:
    """(unit code, unit name) of the police unit covering the municipality."""
    m = resolve(name)
    return m.unit_code, m.unit_name
