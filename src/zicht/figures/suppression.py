"""Small-cell suppression with secondary suppression, for tables of counts with margins.

A cell (or total) from 1 to threshold-1 is a primary suppression, published as
`<10`: it could point at a person. Zero cells are published: a zero names no one,
and hiding zeros would only tell an attacker that the hidden cell is not zero.
Secondary suppressions (published as `x`) protect the primary ones from subtraction
from the totals: every line of the table (a row with its total, a column with its
total, the margins with the grand total) holds no suppressed cell or at least two,
iterated to a fixed point. Two per line is not always enough, since the bounds an
attacker knows (a primary cell is 1..threshold-1, a secondary one at least the
threshold, as every other nonzero published cell is) can pin a cell; so the result
is audited by linear programming (the attacker's own method) and another cell is
suppressed until no suppressed cell's value is determined. Secondary cells are
chosen smallest first, so as little as possible is hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from zicht.errors import InvalidInput

SHOWN, PRIMARY, SECONDARY = 0, 1, 2
SECONDARY_MARK = "x"
Line = tuple[tuple[int, ...], int]  # flat indices of the cells, flat index of their total


@dataclass(frozen=True)
class SuppressedTable:
    """A table with its margins (last row and column, or last cell of a one-way table)."""

    values: NDArray[np.int64]  # the true counts: never publish these directly
    status: NDArray[np.int8]  # SHOWN, PRIMARY or SECONDARY, same shape
    threshold: int

    def published(self) -> list[object]:
        """The table as it may be shown: numbers, `<threshold` and `x`."""
        marks = {PRIMARY: f"<{self.threshold}", SECONDARY: SECONDARY_MARK}
        flat: list[object] = [
            marks.get(int(s), int(v))
            for v, s in zip(self.values.ravel(), self.status.ravel(), strict=True)
        ]
        if self.values.ndim == 1:
            return flat
        width = self.values.shape[1]
        return [flat[i : i + width] for i in range(0, len(flat), width)]


def suppress(
    counts: Sequence[Sequence[int]] | Sequence[int], threshold: int = 10
) -> SuppressedTable:
    """Add margins to a one- or two-way table of counts and suppress it safely."""
    inner = np.asarray(counts, dtype=np.int64)
    if threshold < 1:
        raise InvalidInput(f"suppression threshold must be 1 or more, not {threshold}")
    if inner.ndim not in (1, 2) or inner.size == 0:
        raise InvalidInput("a table to suppress must be a non-empty one- or two-way table")
    if (inner < 0).any():
        raise InvalidInput("a table of counts cannot hold negative numbers")
    values = with_margins(inner)
    status = suppress_system(values.ravel(), table_lines(values.shape), threshold)
    return SuppressedTable(values, status.reshape(values.shape), threshold)


def suppress_system(
    values: NDArray[np.int64], lines: list[Line], threshold: int = 10
) -> NDArray[np.int8]:
    """Statuses for any published set of counts tied by additive `lines`.

    Tables published together share their totals (every table of a year adds up to
    the same persons), so they are suppressed as one system: an attacker combines them.
    """
    if threshold < 1:
        raise InvalidInput(f"suppression threshold must be 1 or more, not {threshold}")
    flat_values = np.asarray(values, dtype=np.int64)
    flat_status = np.where((flat_values > 0) & (flat_values < threshold), PRIMARY, SHOWN).astype(
        np.int8
    )
    while True:
        _pair_up(flat_values, flat_status, lines)
        exposed = [
            i
            for i, (lo, hi) in attack(flat_values, flat_status, lines, threshold).items()
            if hi - lo < 0.5
        ]
        if not exposed:
            return flat_status
        _hide_partner(flat_values, flat_status, lines, exposed[0])


def with_margins(inner: NDArray[np.int64]) -> NDArray[np.int64]:
    if inner.ndim == 1:
        return np.append(inner, inner.sum())
    out = np.zeros((inner.shape[0] + 1, inner.shape[1] + 1), dtype=np.int64)
    out[:-1, :-1] = inner
    out[:-1, -1] = inner.sum(axis=1)
    out[-1, :] = out[:-1, :].sum(axis=0)
    return out


def table_lines(shape: tuple[int, ...]) -> list[Line]:
    """Every additive constraint an attacker can use: each row and column sums to its total."""
    if len(shape) == 1:
        return [(tuple(range(shape[0] - 1)), shape[0] - 1)]
    rows, cols = shape
    at = np.arange(rows * cols).reshape(shape)
    lines = [(tuple(int(v) for v in at[r, :-1]), int(at[r, -1])) for r in range(rows)]
    lines += [(tuple(int(v) for v in at[:-1, c]), int(at[-1, c])) for c in range(cols)]
    return lines


def _pair_up(values: NDArray[np.int64], status: NDArray[np.int8], lines: list[Line]) -> None:
    """Fixed point of: no line holds exactly one suppressed entry."""
    changed = True
    while changed:
        changed = False
        for cells, total in lines:
            members = [*cells, total]
            if sum(1 for i in members if status[i]) == 1:
                status[_smallest(values, status, members)] = SECONDARY
                changed = True


def _hide_partner(
    values: NDArray[np.int64], status: NDArray[np.int8], lines: list[Line], exposed: int
) -> None:
    near = [i for cells, total in lines if exposed in (*cells, total) for i in (*cells, total)]
    anywhere = list(range(len(values)))
    for pool in (near, anywhere):
        if any(not status[i] and values[i] > 0 for i in pool):
            status[_smallest(values, status, pool)] = SECONDARY
            return
    raise InvalidInput("the table cannot be published: every nonzero cell is already hidden")


def _smallest(values: NDArray[np.int64], status: NDArray[np.int8], pool: Sequence[int]) -> int:
    free = [i for i in pool if not status[i] and values[i] > 0]
    return min(free, key=lambda i: (int(values[i]), i))


def attack(
    values: NDArray[np.int64], status: NDArray[np.int8], lines: list[Line], threshold: int
) -> dict[int, tuple[float, float]]:
    """The range of each suppressed entry given what is published (min and max by LP)."""
    from scipy.optimize import linprog

    hidden = [int(i) for i in np.flatnonzero(status)]
    if not hidden:
        return {}
    column = {cell: k for k, cell in enumerate(hidden)}
    a_eq, b_eq = [], []
    for cells, total in lines:
        row = np.zeros(len(hidden))
        rhs = 0.0
        for i, sign in [*((c, 1.0) for c in cells), (total, -1.0)]:
            if i in column:
                row[column[i]] += sign
            else:
                rhs -= sign * float(values[i])
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs)
    bounds = [(1, threshold - 1) if status[i] == PRIMARY else (threshold, None) for i in hidden]
    ranges = {}
    for k, cell in enumerate(hidden):
        extremes = []
        for sign in (1.0, -1.0):
            cost = np.zeros(len(hidden))
            cost[k] = sign
            result = linprog(cost, A_eq=np.array(a_eq), b_eq=b_eq, bounds=bounds, method="highs")
            # Minimising -x unbounded means x has no upper limit (the only way to be unbounded).
            extremes.append(sign * result.fun if result.status == 0 else np.inf)
        ranges[cell] = (extremes[0], extremes[1])
    return ranges
