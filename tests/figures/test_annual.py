"""Annual figures from linked persons: counted once a year, with DuckDB, and only published."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pyarrow as pa
import pytest
from sqlalchemy import select

from tests.figures.world import World
from zicht.errors import InvalidInput
from zicht.figures.annual import annual_figures
from zicht.figures.annual.extract import read_registrations
from zicht.figures.annual.queries import EU, count_years
from zicht.figures.annual.simulate import simulate_registrations
from zicht.route.regions import municipalities, resolve
from zicht.store.db import Database
from zicht.store.tables import AuditRow

AMSTERDAM, ROTTERDAM = resolve("Amsterdam").unit_code, resolve("Rotterdam").unit_code


def test_persons_are_counted_once_a_year_as_their_first_registration(
    database: Database, world: World
) -> None:
    with database.session() as s:
        table = read_registrations(s, actor="rita", org_id=world.researcher.org_id)
        read = s.scalars(select(AuditRow).where(AuditRow.action == "figures.read")).all()
    assert not {"given_name", "family_name", "contact", "linkage_key"} & set(table.column_names)
    assert [(a.actor, a.detail["registrations"]) for a in read] == [("rita", 8)]
    counts = count_years(table)
    y = counts[2025]
    assert y.persons == 5
    assert y.by["form"] == {"sexual": 3, "labour": 1, "criminal": 1}
    assert y.by["age"] == {"adult": 3, "minor": 2}  # Elena by birth date, Sara by age group
    assert y.by["nationality"] == {"eu": 2, "nl": 2, "non_eu": 1}
    assert y.by["region"] == {AMSTERDAM: 4, ROTTERDAM: 1}
    assert y.by["organisation"] == {"CoMensha": 3, "Politie Amsterdam": 3, "Fier": 1}
    assert y.overlap == {
        ("CoMensha", "Politie Amsterdam"): 2,
        ("CoMensha",): 1,
        ("Politie Amsterdam",): 1,
        ("Fier",): 1,
    }
    assert y.form_age[("sexual", "minor")] == 2
    assert y.unlinked == 1
    assert counts[2024].persons == 1 and counts[2024].overlap == {("CoMensha",): 1}


def _reference(table: pa.Table) -> dict[int, dict[str, Counter[str]]]:
    """The same counts in plain Python, written from the rules, not from the SQL."""
    rows = sorted(table.to_pylist(), key=lambda r: r["id"])
    first: dict[tuple[int, str], dict[str, Any]] = {}
    orgs: dict[tuple[int, str], set[str]] = defaultdict(set)
    units = {m.code: m.unit_code for m in municipalities()}
    for r in rows:
        key = (r["year"], r["person_id"] or f"r{r['id']}")
        first.setdefault(key, r)
        orgs[key].add(r["org"])
    out: dict[int, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for (year, person), r in first.items():
        group, birth = r["age_group"], r["birth_date"]
        if group:
            age = "minor" if group == "0-17" else "adult"
        elif not birth:
            age = "unknown"
        else:
            age = "minor" if date.fromisoformat(birth) > date(year - 18, 7, 1) else "adult"
        c = r["citizenship"]
        nationality = "nl" if c == "NLD" else "eu" if c in EU else "unknown" if not c else "non_eu"
        out[year]["form"][r["form"]] += 1
        out[year]["age"][age] += 1
        out[year]["gender"][r["sex"] if r["sex"] in "FMX" else "U"] += 1
        out[year]["nationality"][nationality] += 1
        out[year]["region"][units.get(r["municipality_code"], "unknown")] += 1
        out[year]["overlap"][" + ".join(sorted(orgs[year, person]))] += 1
        for org in orgs[year, person]:
            out[year]["organisation"][org] += 1
    return out


@pytest.mark.parametrize("seed", [3, 4])
def test_duckdb_counts_agree_with_an_independent_count(seed: int) -> None:
    table = simulate_registrations(4000, seed=seed, unlinked=0.05)
    counts, expected = count_years(table), _reference(table)
    assert set(counts) == set(expected)
    for year, found in counts.items():
        for key in ("form", "age", "gender", "nationality", "region", "organisation"):
            assert found.by[key] == dict(expected[year][key]), (year, key)
        assert {" + ".join(c): n for c, n in found.overlap.items()} == dict(
            expected[year]["overlap"]
        )
        assert found.persons == sum(expected[year]["form"].values())


def test_a_researcher_gets_only_published_numbers(database: Database, world: World) -> None:
    with database.session() as s:
        figures = annual_figures(
            s, 2025, actor="rita", org_id=world.researcher.org_id, as_of=date(2026, 3, 1)
        )
    data = figures.as_dict()
    cells = [c for ts in data["tables"].values() for t in ts for row in t["cells"] for c in row]
    assert cells and all(c in (0, "<10", "x") or (isinstance(c, int) and c >= 10) for c in cells)
    assert "<10" in cells  # five persons: everything small is hidden
    assert data["dark_number"]["2025"]["estimate"] is None  # too few to publish an estimate
    chat = data["chat"]
    assert chat["share_victims_themselves"] is None or chat["unique_visitors_trafficking"] != "<10"


def test_the_threshold_is_configurable(database: Database, world: World) -> None:
    with database.session() as s:
        figures = annual_figures(s, 2025, actor="adm", threshold=3, as_of=date(2026, 3, 1))
        with pytest.raises(InvalidInput, match="hides nothing"):
            annual_figures(s, 2025, actor="adm", threshold=2)
    form = figures.table("form")
    assert (form.value("labour"), form.value("criminal"), form.value("other")) == ("<3", "<3", 0)
    assert figures.table("organisation").value("CoMensha") == 3
    assert figures.years == [2024, 2025]
    assert figures.unlinked[2025] == "<3"
    with database.session() as s:
        raw = count_years(read_registrations(s, actor="adm", org_id=None))[2025]
    for key in ("form", "age", "gender", "nationality", "region", "organisation"):
        table = figures.table(key)
        for row, (cell,) in zip(table.rows, table.cells, strict=True):
            truth = raw.persons if row == "total" else raw.by[key].get(row, 0)
            assert cell == truth or (isinstance(cell, str) and truth > 0), (key, row)
            assert cell != "<3" or truth < 3, (key, row)


def test_the_dark_number_by_stratum_is_published_where_its_persons_are() -> None:
    from zicht.figures.annual.publish import publish_year
    from zicht.figures.annual.series import dark_by_stratum

    table = simulate_registrations(3000, years=[2025], orgs=("A", "B", "C"), seed=8)
    counts = count_years(table)[2025]
    strata = dark_by_stratum(counts, publish_year(counts))
    assert set(strata) == set(counts.overlap_by)
    sexual = strata["form", "sexual"].result
    assert sexual is not None and sexual["observed"] == counts.by["form"]["sexual"]
    assert sexual["ci_low"] <= sexual["estimate"] and sexual["estimate"] >= sexual["observed"]
    small = [key for key, n in counts.by["age"].items() if n < 10]
    for key in small:
        assert strata["age", key].result is None
