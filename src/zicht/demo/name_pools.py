"""The registrations' name pools: hundreds of names per origin, as a real registry sees them.

`names.py` keeps a few names per origin with their known spellings, enough for ads
and chats. Person linkage needs more: with twenty given and twenty-five family
names, thousands of registrations are full of different people with one name, and
a linkage method is judged on collisions that the real population rarely makes.
`data/names/pools.json` holds per origin the curated names first, then names from
Faker's person providers (MIT licence; Cyrillic transliterated twice, the national
and an older Western scheme, which gives real spelling variants), plus names made
the way each naming system makes them (Polish -ski/-czyk, Romanian -escu, Thai
surnames from syllables, Eritrean patronyms). See data/names/README.md.

Names are drawn with weights falling as 1/sqrt(rank): a few common names (the
curated ones come first) and a long tail, as surnames are distributed.
"""

from __future__ import annotations

import json
import random
from functools import cache
from importlib import resources
from itertools import accumulate

from zicht.demo.names import ORIGINS, Origin, Spellings
from zicht.demo.noise import chance


@cache
def pools() -> dict[str, Origin]:
    path = resources.files("zicht.demo") / "data" / "names" / "pools.json"
    raw = json.loads(path.read_text(encoding="utf-8"))

    def part(items: list[list[str]]) -> tuple[Spellings, ...]:
        return tuple(tuple(spellings) for spellings in items)

    return {
        code: Origin(
            code,
            ORIGINS[code].language,
            part(raw[code]["female"]),
            part(raw[code]["male"]),
            part(raw[code]["family"]),
        )
        for code in ORIGINS
    }


@cache
def _cumulative(size: int) -> list[float]:
    return list(accumulate(1 / (rank + 1) ** 0.5 for rank in range(size)))


def _draw(rng: random.Random, items: tuple[Spellings, ...]) -> Spellings:
    return rng.choices(items, cum_weights=_cumulative(len(items)))[0]


def _feminine(code: str, family: Spellings) -> Spellings:
    """Slavic surnames agree with the bearer: Ivanov -> Ivanova, Kowalski -> Kowalska."""
    if code in {"BGR", "UKR"} and family[0].endswith(("ov", "ev", "in")):
        return tuple(f + "a" for f in family)
    if code in {"BGR", "UKR", "POL"} and family[0].endswith(("ski", "cki", "skyi", "tskyi")):
        return tuple(f.removesuffix("yi").removesuffix("i") + "a" for f in family)
    return family


def person_name(rng: random.Random, code: str, sex: str) -> tuple[Spellings, Spellings]:
    """(given, family) spellings of a new person of this origin."""
    origin = pools()[code]
    given = _draw(rng, origin.female if sex == "F" else origin.male)
    family = _draw(rng, origin.family)
    if sex == "F":
        family = _feminine(code, family)
    if code == "COL":
        # Two surnames, the father's and the mother's; a Dutch clerk often keeps one.
        second = _draw(rng, origin.family)
        both = tuple(f"{a}_{second[0]}" for a in family)
        family = (*both, family[0]) if chance(rng, 0.5) else both
    return given, family
