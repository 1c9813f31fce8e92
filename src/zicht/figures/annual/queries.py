"""The annual counts, in DuckDB SQL over the registrations' counted columns.

A person is counted once a year: registrations share a person when person linkage
gave them the same person id (`RegistrationRow.person_id`, set by `zicht persons
link`); a registration not linked yet counts as a person of its own. A person's
form, gender, nationality, region and age group in a year are those of their first
registration that year (lowest id), so every one-way table adds up to the year's
persons, which secondary suppression needs. Organisations are the exception: a
person reported by two organisations is counted by both, and their combination
of organisations is the capture history of the dark number.

The SQL is kept as text beside its name so the report can print what produced
each table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from zicht.route.regions import municipalities

# EU member states (ISO 3166 alpha-3), the Netherlands apart.
EU = (
    "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
    "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE",
)  # fmt: skip

PERSON_YEARS = """
CREATE OR REPLACE TEMP TABLE person_years AS
WITH r AS (
  SELECT
    r.id, r.org, r.year,
    coalesce(r.person_id, 'r' || r.id) AS person,
    r.form,
    CASE WHEN r.sex IN ('F', 'M', 'X') THEN r.sex ELSE 'U' END AS gender,
    CASE
      WHEN r.citizenship = 'NLD' THEN 'nl'
      WHEN r.citizenship IN (SELECT code FROM eu) THEN 'eu'
      WHEN coalesce(r.citizenship, '') = '' THEN 'unknown'
      ELSE 'non_eu'
    END AS nationality,
    coalesce(u.unit_code, 'unknown') AS region,
    CASE
      WHEN r.age_group = '0-17' THEN 'minor'
      WHEN coalesce(r.age_group, '') <> '' THEN 'adult'
      WHEN coalesce(r.birth_date, '') = '' THEN 'unknown'
      -- under 18 on 1 July of the registration year
      WHEN CAST(r.birth_date AS DATE) > make_date(r.year - 18, 7, 1) THEN 'minor'
      ELSE 'adult'
    END AS age
  FROM registrations AS r LEFT JOIN units AS u USING (municipality_code)
)
SELECT
  year, person,
  arg_min(form, id) AS form,
  arg_min(gender, id) AS gender,
  arg_min(nationality, id) AS nationality,
  arg_min(region, id) AS region,
  arg_min(age, id) AS age,
  list_sort(list_distinct(list(org))) AS orgs
FROM r
GROUP BY year, person
""".strip()

DIMENSIONS = ("form", "age", "gender", "nationality", "region")
QUERIES: dict[str, str] = {
    "form": "SELECT year, form AS value, count(*) AS persons FROM person_years GROUP BY ALL",
    "age": "SELECT year, age AS value, count(*) AS persons FROM person_years GROUP BY ALL",
    "gender": "SELECT year, gender AS value, count(*) AS persons FROM person_years GROUP BY ALL",
    "nationality": (
        "SELECT year, nationality AS value, count(*) AS persons FROM person_years GROUP BY ALL"
    ),
    "region": "SELECT year, region AS value, count(*) AS persons FROM person_years GROUP BY ALL",
    "form_age": "SELECT year, form, age, count(*) AS persons FROM person_years GROUP BY ALL",
    "overlap": "SELECT year, orgs, count(*) AS persons FROM person_years GROUP BY ALL",
    # The capture histories within each stratum, for the dark number by form and by age.
    "overlap_by": (
        "SELECT year, 'form' AS by, form AS stratum, orgs, count(*) AS persons "
        "FROM person_years GROUP BY ALL UNION ALL "
        "SELECT year, 'age', age, orgs, count(*) FROM person_years GROUP BY ALL"
    ),
    "organisation": (
        "SELECT year, org AS value, count(*) AS persons "
        "FROM (SELECT year, unnest(orgs) AS org FROM person_years) GROUP BY ALL"
    ),
    "unlinked": (
        "SELECT year, count(*) AS registrations FROM registrations "
        "WHERE person_id IS NULL GROUP BY ALL"
    ),
}


@dataclass
class YearCounts:
    """The raw (unsuppressed) counts of one year: never shown as they are."""

    year: int
    persons: int = 0
    by: dict[str, dict[str, int]] = field(default_factory=dict)
    form_age: dict[tuple[str, str], int] = field(default_factory=dict)
    overlap: dict[tuple[str, ...], int] = field(default_factory=dict)
    # {("form", "sexual"): {orgs: persons}}: the overlap within a stratum
    overlap_by: dict[tuple[str, str], dict[tuple[str, ...], int]] = field(default_factory=dict)
    unlinked: int = 0


def units_table() -> pa.Table:
    """Municipality code to police unit, the join that gives a registration its region."""
    rows = municipalities()
    return pa.table(
        {"municipality_code": [m.code for m in rows], "unit_code": [m.unit_code for m in rows]}
    )


def count_years(registrations: pa.Table, *, threads: int | None = None) -> dict[int, YearCounts]:
    """Run every query of the annual figures over the registrations; counts by year."""
    con = duckdb.connect()
    try:
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        con.register("registrations", registrations)
        con.register("units", units_table())
        con.register("eu", pa.table({"code": list(EU)}))
        con.execute(PERSON_YEARS)
        years: dict[int, YearCounts] = {}

        def of(year: int) -> YearCounts:
            return years.setdefault(int(year), YearCounts(int(year)))

        for name in (*DIMENSIONS, "organisation"):
            for year, value, n in con.execute(QUERIES[name]).fetchall():
                of(year).by.setdefault(name, {})[str(value)] = int(n)
        for year, form, age, n in con.execute(QUERIES["form_age"]).fetchall():
            of(year).form_age[str(form), str(age)] = int(n)
        for year, orgs, n in con.execute(QUERIES["overlap"]).fetchall():
            counts = of(year)
            counts.overlap[tuple(orgs)] = int(n)
            counts.persons += int(n)
        for year, by, stratum, orgs, n in con.execute(QUERIES["overlap_by"]).fetchall():
            of(year).overlap_by.setdefault((str(by), str(stratum)), {})[tuple(orgs)] = int(n)
        for year, n in con.execute(QUERIES["unlinked"]).fetchall():
            of(year).unlinked = int(n)
        return years
    finally:
        con.close()
