"""A year's tables as they may be published: every table of the year suppressed as one system.

All tables of a year share their total (the year's persons); the two-way table of
form by age shares its margins with the one-way tables; the persons per organisation
are sums of the overlap cells that name that organisation. An attacker combines
whatever is published together, so the cells of all tables are one vector tied by
those additive lines, suppressed at once by `zicht.figures.suppression.suppress_system`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from zicht.domain import Form
from zicht.figures.annual.queries import PERSON_YEARS, QUERIES, YearCounts
from zicht.figures.suppression import PRIMARY, SECONDARY, SECONDARY_MARK, Line, suppress_system
from zicht.route.regions import units

DEFAULT_THRESHOLD = 10
TOTAL = "total"
Cell = int | str  # a count, `<threshold` or `x`


@dataclass(frozen=True)
class PublishedTable:
    """One table of a year; `cells[r][c]` belongs to `rows[r]` and `columns[c]`."""

    key: str  # form, age, gender, nationality, region, form_age, organisation, overlap
    year: int
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    source: str  # the SQL that produced it, for the reader who wants to check
    additive: bool = True  # False: the total is the year's persons, not the sum of the rows

    def value(self, row: str, column: str = "persons") -> Cell:
        return self.cells[self.rows.index(row)][self.columns.index(column)]

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "year": self.year,
            "rows": list(self.rows),
            "columns": list(self.columns),
            "cells": [list(row) for row in self.cells],
            "additive": self.additive,
        }


class System:
    """Cells and the additive lines between them, built table by table."""

    def __init__(self) -> None:
        self.values: list[int] = []
        self.lines: list[Line] = []

    def cell(self, value: int) -> int:
        self.values.append(int(value))
        return len(self.values) - 1

    def line(self, cells: Sequence[int], total: int) -> None:
        if cells:
            self.lines.append((tuple(cells), total))

    def suppress(self, threshold: int) -> list[Cell]:
        values = np.array(self.values, dtype=np.int64)
        status = suppress_system(values, self.lines, threshold)
        marks = {PRIMARY: f"<{threshold}", SECONDARY: SECONDARY_MARK}
        return [marks.get(int(s), int(v)) for v, s in zip(values, status, strict=True)]


def categories(key: str, found: dict[str, int]) -> list[str]:
    """The rows of a table: its fixed categories (zeros too), then anything else found."""
    fixed = {
        "form": [f.value for f in Form],
        "age": ["minor", "adult"],
        "gender": ["F", "M", "X"],
        "nationality": ["nl", "eu", "non_eu"],
        "region": sorted(units()),
    }.get(key, [])
    return fixed + sorted(v for v in found if v not in fixed)


def _source(key: str) -> str:
    return f"{PERSON_YEARS};\n\n{QUERIES[key]}"


def publish_year(counts: YearCounts, threshold: int = DEFAULT_THRESHOLD) -> list[PublishedTable]:
    """Every table of the year, suppressed together."""
    system = System()
    total = system.cell(counts.persons)
    one_way: dict[str, tuple[list[str], list[int]]] = {}
    for key in ("form", "age", "gender", "nationality", "region"):
        found = counts.by.get(key, {})
        rows = categories(key, found)
        cells = [system.cell(found.get(v, 0)) for v in rows]
        system.line(cells, total)
        one_way[key] = (rows, cells)
    forms, form_cells = one_way["form"]
    ages, age_cells = one_way["age"]
    grid = [[system.cell(counts.form_age.get((f, a), 0)) for a in ages] for f in forms]
    for r, row in enumerate(grid):
        system.line(row, form_cells[r])
    for c, age_cell in enumerate(age_cells):
        system.line([row[c] for row in grid], age_cell)
    combos = sorted(counts.overlap, key=lambda c: (len(c), c))
    combo_cells = [system.cell(counts.overlap[c]) for c in combos]
    system.line(combo_cells, total)
    orgs = sorted(counts.by.get("organisation", {}))
    org_cells = [system.cell(counts.by["organisation"][o]) for o in orgs]
    for org, org_cell in zip(orgs, org_cells, strict=True):
        system.line([k for c, k in zip(combos, combo_cells, strict=True) if org in c], org_cell)
    shown = system.suppress(threshold)

    def column(rows: list[str], cells: list[int]) -> tuple[tuple[Cell, ...], ...]:
        return tuple((shown[k],) for k in [*cells, total])

    year = counts.year
    tables = [
        PublishedTable(key, year, (*rows, TOTAL), ("persons",), column(rows, cells), _source(key))
        for key, (rows, cells) in one_way.items()
    ]
    two_way = [[*(shown[k] for k in row), shown[form_cells[r]]] for r, row in enumerate(grid)]
    two_way.append([*(shown[k] for k in age_cells), shown[total]])
    tables.append(
        PublishedTable(
            "form_age",
            year,
            (*forms, TOTAL),
            (*ages, TOTAL),
            tuple(tuple(row) for row in two_way),
            _source("form_age"),
        )
    )
    tables.append(
        PublishedTable(
            "organisation",
            year,
            (*orgs, TOTAL),
            ("persons",),
            column(orgs, org_cells),
            _source("organisation"),
            additive=False,
        )
    )
    labels = [" + ".join(c) for c in combos]
    tables.append(
        PublishedTable(
            "overlap",
            year,
            (*labels, TOTAL),
            ("persons",),
            column(labels, combo_cells),
            _source("overlap"),
        )
    )
    return tables
