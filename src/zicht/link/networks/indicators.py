"""Network indicators and the network score, with the contributions that make it up.

The score is a weighted sum of bounded indicators, each scaled to 0..1, so an analyst
can read exactly why a network scores as it does (DESIGN: every decision is explainable).
The weights are a first expert setting, not a trained model; they sum to 1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from zicht.link.features import AdFeatures

WEIGHTS = {
    "ads": 0.15,
    "cities": 0.20,
    "cities_per_week": 0.20,
    "names_per_phone": 0.25,
    "third_person": 0.20,
}


@dataclass(frozen=True, slots=True)
class Contribution:
    indicator: str
    value: float
    weight: float
    points: float
    reason: str


@dataclass(frozen=True)
class Indicators:
    ads: int
    names: int
    cities: int
    weeks: int
    max_cities_per_week: int
    mean_cities_per_week: float
    max_names_per_phone: int
    third_person_share: float

    def as_dict(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def indicators(members: Sequence[AdFeatures]) -> Indicators:
    names = {n for f in members for n in f.names}
    cities = {f.city for f in members if f.city} | {c for f in members for _, c in f.visits}
    weekly: dict[tuple[int, int], set[str]] = defaultdict(set)
    for f in members:
        # The posting day and city, and where recrawls saw the ad since (moved ads count).
        for day, city in ((f.day, f.city), *f.visits):
            if day is not None and city:
                iso = day.isocalendar()
                weekly[(iso.year, iso.week)].add(city)
    per_phone: dict[str, set[str]] = defaultdict(set)
    for f in members:
        for key in f.identifiers:
            if key.startswith("phone:"):
                per_phone[key].update(f.names)
    counts = [len(c) for c in weekly.values()]
    return Indicators(
        ads=len(members),
        names=len(names),
        cities=len(cities),
        weeks=len(weekly),
        max_cities_per_week=max(counts, default=0),
        mean_cities_per_week=round(sum(counts) / len(counts), 3) if counts else 0.0,
        max_names_per_phone=max((len(v) for v in per_phone.values()), default=0),
        third_person_share=round(sum(f.third_person for f in members) / len(members), 3)
        if members
        else 0.0,
    )


def score(ind: Indicators) -> tuple[float, list[Contribution]]:
    """Score in 0..1 and its contributions, largest first."""
    scaled = {
        "ads": (min(1.0, (ind.ads - 1) / 19), ind.ads, f"{ind.ads} ads (full at 20)"),
        "cities": (min(1.0, (ind.cities - 1) / 4), ind.cities, f"{ind.cities} cities (full at 5)"),
        "cities_per_week": (
            min(1.0, (ind.max_cities_per_week - 1) / 2) if ind.max_cities_per_week else 0.0,
            ind.max_cities_per_week,
            f"up to {ind.max_cities_per_week} cities in one week over {ind.weeks} weeks "
            "(full at 3)",
        ),
        "names_per_phone": (
            min(1.0, (ind.max_names_per_phone - 1) / 2) if ind.max_names_per_phone else 0.0,
            ind.max_names_per_phone,
            f"one phone for up to {ind.max_names_per_phone} advertiser names (full at 3)",
        ),
        "third_person": (
            ind.third_person_share,
            ind.third_person_share,
            f"{ind.third_person_share:.0%} of ads written in the third person",
        ),
    }
    parts = [
        Contribution(name, float(value), WEIGHTS[name], round(WEIGHTS[name] * share, 4), reason)
        for name, (share, value, reason) in scaled.items()
    ]
    parts.sort(key=lambda c: -c.points)
    return round(min(1.0, sum(c.points for c in parts)), 4), parts
