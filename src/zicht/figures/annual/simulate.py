"""Linked registrations of a made-up population, in the columns `read_registrations` gives.

For the benchmark (a million registrations) and for checking the DuckDB counts
against an independent count: persons are drawn first, then each person is
registered by one or more organisations, so persons are shared as linkage makes them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from zicht.figures.annual.extract import REGISTRATIONS_SCHEMA
from zicht.route.regions import municipalities

ORGS = ("CoMensha", "Politie", "Arbeidsinspectie", "Fier", "Gemeente Rotterdam", "KMar")
FORMS = ("sexual", "labour", "criminal", "other")
CITIZENSHIP = ("NLD", "ROU", "POL", "BGR", "NGA", "UKR", "HUN", "ERI", "")


def simulate_registrations(
    registrations: int,
    *,
    years: Sequence[int] = (2023, 2024, 2025),
    orgs: Sequence[str] = ORGS,
    seed: int = 0,
    unlinked: float = 0.01,
) -> pa.Table:
    """About `registrations` rows; a person has 1 to 3 registrations in their year."""
    rng = np.random.default_rng(seed)
    per_person = rng.choice([1, 2, 3], size=registrations, p=[0.7, 0.22, 0.08])
    per_person = per_person[np.cumsum(per_person) <= registrations]
    persons = len(per_person)
    person = np.repeat(np.arange(persons), per_person)
    n = len(person)
    year = np.asarray(years)[rng.integers(0, len(years), persons)][person]
    codes = np.array([m.code for m in municipalities()])
    born = rng.integers(365 * 10, 365 * 60, persons)
    july = ((year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + 6).astype(
        "datetime64[D]"
    )
    birth = july - born[person].astype("timedelta64[D]")
    has_group = rng.random(n) < 0.3
    age = born[person] // 365
    ids = np.arange(1, n + 1)
    person_ids = np.char.add("p", person.astype(str)).astype(object)
    person_ids[rng.random(n) < unlinked] = None
    created = np.datetime64("2023-01-01T00:00:00", "us") + rng.integers(
        0, 3 * 365 * 86_400, n
    ).astype("timedelta64[s]")
    columns = {
        "id": ids,
        "org": np.asarray(orgs)[rng.integers(0, len(orgs), n)],
        "person_id": person_ids,
        "year": year.astype(np.int32),
        # Organisations sometimes see another form in the same person: the first one counts.
        "form": np.where(
            rng.random(n) < 0.1,
            np.asarray(FORMS)[rng.integers(0, 4, n)],
            np.asarray(FORMS)[rng.choice(4, persons, p=[0.5, 0.3, 0.15, 0.05])][person],
        ),
        "sex": np.asarray(["F", "M", "X", "U"])[rng.choice(4, persons, p=[0.6, 0.37, 0.01, 0.02])][
            person
        ],
        "citizenship": np.asarray(CITIZENSHIP)[rng.integers(0, len(CITIZENSHIP), persons)][person],
        "municipality_code": codes[rng.integers(0, len(codes), persons)][person],
        "birth_date": np.where(rng.random(n) < 0.9, birth.astype(str), ""),
        "age_group": np.where(has_group, np.where(age < 18, "0-17", "18-24"), ""),
        "created_at": created,
    }
    return pa.table(
        [pa.array(columns[f.name], type=f.type) for f in REGISTRATIONS_SCHEMA],
        schema=REGISTRATIONS_SCHEMA,
    )
