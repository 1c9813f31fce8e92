"""Suppression against an attacker who solves for the hidden cells from the published table.

The attacker is written here from the published table alone (numbers, `<10`, `x`), not
from the library's internals: every row and column sums to its total, a `<10` cell is
1..9 (zeros are published), an `x` cell is a published-size number (10 or more).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from zicht.errors import InvalidInput
from zicht.figures.suppression import SuppressedTable, suppress

THRESHOLD = 10


def attacker_ranges(published: list, threshold: int = THRESHOLD) -> list[tuple[float, float]]:
    """Min and max of each hidden entry, by linear programming over the published margins."""
    grid = [list(row) for row in published] if isinstance(published[0], list) else [published]
    one_way = not isinstance(published[0], list)
    hidden = [(r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if isinstance(v, str)]
    index = {cell: k for k, cell in enumerate(hidden)}
    lines = [[(r, c) for c in range(len(grid[0]))] for r in range(len(grid))]
    if not one_way:
        lines += [[(r, c) for r in range(len(grid))] for c in range(len(grid[0]))]
    a_eq, b_eq = [], []
    for line in lines:
        row, rhs = np.zeros(len(hidden)), 0.0
        *cells, total = line
        for cell, sign in [*((c, 1.0) for c in cells), (total, -1.0)]:
            if cell in index:
                row[index[cell]] += sign
            else:
                rhs -= sign * grid[cell[0]][cell[1]]
        a_eq.append(row)
        b_eq.append(rhs)
    bounds = [
        (1, threshold - 1) if grid[r][c] == f"<{threshold}" else (threshold, None)
        for r, c in hidden
    ]
    ranges = []
    for k in range(len(hidden)):
        cost = np.zeros(len(hidden))
        cost[k] = 1
        low = linprog(cost, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        high = linprog(-cost, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
        assert low.status == 0, "the published table must be consistent with the truth"
        ranges.append((low.fun, -high.fun if high.status == 0 else np.inf))
    return ranges


def two_way(table: SuppressedTable) -> list[list[object]]:
    """The published rows of a two-way table."""
    published = table.published()
    rows = [row for row in published if isinstance(row, list)]
    assert len(rows) == len(published)
    return rows


def test_a_small_cell_and_its_partners_are_hidden() -> None:
    table = suppress([[25, 3, 40], [12, 30, 11], [50, 60, 70]])
    published = two_way(table)
    assert published[0][1] == "<10"
    assert sum(v == "x" for row in published for v in row) >= 3
    assert published[-1][-1] == 301
    assert all(high - low >= 1 for low, high in attacker_ranges(published))


def test_zeros_are_published_and_never_hidden() -> None:
    table = suppress([[0, 4, 30], [0, 25, 40]])
    published = two_way(table)
    assert published[0][0] == 0 and published[1][0] == 0
    assert published[0][1] == "<10"


def test_one_way_table() -> None:
    published = suppress([3, 50, 60]).published()
    assert published[0] == "<10" and published.count("x") >= 1
    assert all(high - low >= 1 for low, high in attacker_ranges(published))
    # A small cell beside a single other cell: everything must go, the total too.
    assert suppress([1, 10]).published() == ["<10", "x", "x"]


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_resist_the_attacker(seed: int) -> None:
    rng = np.random.default_rng(seed)
    shape = (int(rng.integers(1, 6)), int(rng.integers(2, 6)))
    counts = rng.integers(10, 80, size=shape)
    small = rng.random(shape) < 0.3
    counts[small] = rng.integers(0, 10, size=int(small.sum()))
    table = suppress(counts.tolist(), threshold=THRESHOLD)
    published = two_way(table)
    truth = table.values.tolist()
    for published_row, true_row in zip(published, truth, strict=True):
        for shown, value in zip(published_row, true_row, strict=True):
            if isinstance(shown, str):
                assert shown == "x" or 0 < value < THRESHOLD
            else:
                assert shown == value and not 0 < value < THRESHOLD
    hidden = [
        v
        for row, t in zip(published, truth, strict=True)
        for s, v in zip(row, t, strict=True)
        if isinstance(s, str)
    ]
    for value, (low, high) in zip(hidden, attacker_ranges(published), strict=True):
        assert low <= value <= high
        assert high - low >= 1, f"a hidden cell is determined exactly in {counts.tolist()}"


def test_bad_tables_are_refused() -> None:
    with pytest.raises(InvalidInput, match="negative"):
        suppress([[1, -2]])
    with pytest.raises(InvalidInput, match="threshold"):
        suppress([1, 2], threshold=0)
