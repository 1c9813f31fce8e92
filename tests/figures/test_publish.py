"""The tables of a year published together: no hidden cell can be recovered from all of them.

The attacker is written from what a reader sees: each table's rows add up to its
total (the organisation table apart), every table has the same total, the two-way
table's margins are the form and age tables, and a person counted by an organisation
is in one of the overlap rows naming it. `<10` is 1..9, `x` is 10 or more.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from zicht.figures.annual.publish import PublishedTable, publish_year
from zicht.figures.annual.queries import count_years
from zicht.figures.annual.simulate import simulate_registrations

T = 10


def attack(tables: list[PublishedTable]) -> dict[tuple[str, str, str], tuple[float, float]]:
    by = {t.key: t for t in tables}
    entries = [(t.key, r, c) for t in tables for r in t.rows for c in t.columns]
    value = {(t.key, r, c): t.value(r, c) for t in tables for r in t.rows for c in t.columns}
    hidden = [e for e in entries if isinstance(value[e], str)]
    index = {e: k for k, e in enumerate(hidden)}
    equations: list[list[tuple[tuple[str, str, str], float]]] = []
    for t in tables:
        for c in t.columns:
            if t.additive:
                equations.append(
                    [*(((t.key, r, c), 1.0) for r in t.rows[:-1]), ((t.key, "total", c), -1.0)]
                )
        if len(t.columns) > 1:
            for r in t.rows:
                equations.append(
                    [*(((t.key, r, c), 1.0) for c in t.columns[:-1]), ((t.key, r, "total"), -1.0)]
                )
        equations.append(
            [((t.key, "total", t.columns[-1]), 1.0), (("form", "total", "persons"), -1.0)]
        )
    fa = by["form_age"]
    for r in fa.rows:
        equations.append([(("form_age", r, "total"), 1.0), (("form", r, "persons"), -1.0)])
    for c in fa.columns:
        equations.append([(("form_age", "total", c), 1.0), (("age", c, "persons"), -1.0)])
    overlap, orgs = by["overlap"], by["organisation"]
    for org in orgs.rows[:-1]:
        named = [r for r in overlap.rows[:-1] if org in r.split(" + ")]
        equations.append(
            [
                *((("overlap", r, "persons"), 1.0) for r in named),
                (("organisation", org, "persons"), -1.0),
            ]
        )
    a_eq, b_eq = [], []
    for equation in equations:
        row, rhs = np.zeros(len(hidden)), 0.0
        for entry, sign in equation:
            if entry in index:
                row[index[entry]] += sign
            else:
                rhs -= sign * float(value[entry])
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs)
        else:
            assert abs(rhs) < 1e-9, f"published tables disagree: {equation}"
    bounds = [(1, T - 1) if value[e] == f"<{T}" else (T, None) for e in hidden]
    ranges = {}
    for k, e in enumerate(hidden):
        ends = []
        for sign in (1.0, -1.0):
            cost = np.zeros(len(hidden))
            cost[k] = sign
            result = linprog(cost, A_eq=np.array(a_eq), b_eq=b_eq, bounds=bounds, method="highs")
            assert result.status in (0, 3), result.message
            ends.append(sign * result.fun if result.status == 0 else np.inf)
        ranges[e] = (ends[0], ends[1])
    return ranges


@pytest.mark.parametrize(("registrations", "seed"), [(150, 1), (400, 2), (900, 5)])
def test_no_hidden_cell_can_be_recovered_from_the_year_s_tables(
    registrations: int, seed: int
) -> None:
    counts = count_years(simulate_registrations(registrations, seed=seed, years=[2025]))[2025]
    tables = publish_year(counts, T)
    ranges = attack(tables)
    assert any(v == f"<{T}" for t in tables for row in t.cells for v in row)
    pinned = {e: r for e, r in ranges.items() if r[1] - r[0] < 0.5}
    assert not pinned, pinned


def test_shown_cells_are_the_true_counts() -> None:
    counts = count_years(simulate_registrations(600, seed=9, years=[2025]))[2025]
    for t in publish_year(counts, T):
        for row, cells in zip(t.rows, t.cells, strict=True):
            if t.key in ("form", "age", "gender", "nationality", "region", "organisation"):
                truth = counts.persons if row == "total" else counts.by[t.key].get(row, 0)
                assert cells[0] == truth or isinstance(cells[0], str)
                assert cells[0] != f"<{T}" or 0 < truth < T
