"""Police mutations: everyday reports, a share with hidden exploitation signals.

The offence a mutation is registered under (shoplifting, drugs, traffic) is
rarely the exploitation itself; the signal hides in a detail sentence, and
negatives carry look-alike sentences with the same words.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from zicht.demo import mutation_phrases as M
from zicht.demo import signal_phrases as S
from zicht.demo.noise import add_typos, chance, expand, pick
from zicht.demo.places import PLACES, Municipality, any_municipality, street

OFFENCE_NAMES = {
    "drugs": "drugs",
    "shoplifting": "winkeldiefstal",
    "traffic": "verkeer",
    "nuisance": "overlast",
    "domestic": "huiselijk geweld",
    "burglary": "inbraak",
    "inspection": "controle",
    "missing": "vermissing",
}
OFFENCE_WEIGHTS = {
    "drugs": 14,
    "shoplifting": 18,
    "traffic": 22,
    "nuisance": 18,
    "domestic": 12,
    "burglary": 8,
    "inspection": 4,
    "missing": 4,
}
# Under which offence each form of exploitation tends to surface.
FORM_OFFENCES = {
    "criminal": ["drugs", "drugs", "shoplifting", "shoplifting", "burglary", "traffic"],
    "labour": ["inspection", "inspection", "traffic", "nuisance", "domestic"],
    "sexual": ["missing", "nuisance", "inspection", "domestic", "traffic", "drugs"],
    "other": ["nuisance", "domestic", "missing", "shoplifting"],
}
FORM_WEIGHTS = {"sexual": 36, "criminal": 32, "labour": 26, "other": 6}
START = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Mutation:
    id: str
    text: str
    offence: str
    unit: str
    author: str
    written_at: str
    municipality: str
    label: int  # ground truth
    form: str | None  # ground truth


def _slots(
    rng: random.Random, place: Municipality, offence: str, form: str | None
) -> dict[str, object]:
    other = any_municipality(rng).name
    hour, minute = rng.randint(0, 23), rng.randrange(60)
    minor = rng.randint(13, 17)
    young = offence == "missing" or chance(rng, 0.65 if form in ("criminal", "sexual") else 0.1)
    return {
        "time": pick(
            rng, [f"{hour:02d}:{minute:02d}", f"{hour:02d}.{minute:02d}", f"{hour}u{minute:02d}"]
        ),
        "street": street(rng),
        "city": place.name,
        "place": pick(rng, PLACES),
        "what": expand(rng, pick(rng, M.WHAT[offence])),
        "n": rng.randint(2, 9),
        "amount": pick(rng, [50, 80, 120, 300, 450, 800, 1500, 2500, 5000]),
        "age": minor if young else rng.randint(18, 62),
        "minor": pick(rng, [minor, f"{minor} jr", f"{minor} jaar"]),
        "age2": rng.randint(18, 40),
        "home": other,
        "nick": pick(rng, S.NICKS),
        "car": pick(rng, M.CARS),
        "hours": rng.randint(10, 16),
        "many": rng.randint(8, 30),
        "bvh": rng.randint(10**8, 10**9),
        "older": f"{rng.randint(22, 45)} jaar",
        "older_man": pick(
            rng, ["Een oudere man", "Een man van ca. 30 jaar", "Haar 'vriend'", "Een onbekende man"]
        ),
    }


def _abbreviate(rng: random.Random, text: str) -> str:
    for word, forms in M.ABBREVIATIONS.items():

        def choose(_match: re.Match[str], forms: list[str] = forms) -> str:
            return pick(rng, forms)

        text = re.sub(rf"\b{word}\b", choose, text, flags=re.IGNORECASE)
    return text


def _sentence(rng: random.Random, raw: str, slots: dict[str, object]) -> str:
    s = expand(rng, raw, slots)
    s = s[0].upper() + s[1:] if chance(rng, 0.9) else s[0].lower() + s[1:]
    return s if s[-1] in ".!?" else s + pick(rng, [".", ".", ".", "", ";"])


def mutation(rng: random.Random, index: int, positive: bool, officers: list[str]) -> Mutation:
    form = (
        rng.choices(list(FORM_WEIGHTS), weights=list(FORM_WEIGHTS.values()))[0]
        if positive
        else None
    )
    offence = (
        pick(rng, FORM_OFFENCES[form])
        if form
        else rng.choices(list(OFFENCE_WEIGHTS), weights=list(OFFENCE_WEIGHTS.values()))[0]
    )
    place = any_municipality(rng, big=0.5)
    slots = _slots(rng, place, offence, form)
    body = rng.sample(M.CORE[offence], k=rng.randint(1, min(3, len(M.CORE[offence]))))
    if form:
        for raw in rng.sample(S.SIGNALS[form], k=rng.randint(1, min(3, len(S.SIGNALS[form])))):
            body.insert(rng.randint(0, len(body)), raw)
    if chance(rng, 0.2 if form else 0.35):
        body.insert(rng.randint(0, len(body)), pick(rng, S.LOOKALIKES))
    raws = ([pick(rng, M.OPENING)] if chance(rng, 0.85) else []) + body
    raws += rng.sample(M.CLOSING, k=rng.randint(0, 2))
    text = pick(rng, [" ", " ", "\n"]).join(_sentence(rng, r, slots) for r in raws)
    text = add_typos(rng, _abbreviate(rng, text), rng.choice([0.0, 0.01, 0.02, 0.04]))
    moment = START + timedelta(minutes=rng.randrange(365 * 24 * 60))
    return Mutation(
        id=f"mut-{index:06d}",
        text=text.strip(),
        offence=OFFENCE_NAMES[offence],
        unit=place.unit_name,
        author=pick(rng, officers),
        written_at=moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        municipality=place.name,
        label=int(positive),
        form=form,
    )


def mutations(rng: random.Random, n: int, share: float = 0.12) -> list[Mutation]:
    letters = "ABCDEFGHJKLMNPRSTVWZ"
    officers = [
        pick(rng, letters) + pick(rng, letters) + f"{rng.randint(1000, 9999)}" for _ in range(160)
    ]
    n_pos = round(n * share)
    flags = [True] * n_pos + [False] * (n - n_pos)
    rng.shuffle(flags)
    return [mutation(rng, i + 1, flag, officers) for i, flag in enumerate(flags)]
