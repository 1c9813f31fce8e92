"""Capture histories: which combination of lists each observed person was on, and how many.

The file format is the one SparseMSE reads: one 0/1 column per list, a final count
column, one row per observed combination. A combination that is not given has count
zero. The all-zero combination (on no list) is what we estimate, so it may not appear.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from zicht.errors import InvalidInput

MAX_LISTS = 12  # 2**12 - 1 cells; beyond this a log-linear fit is not what anyone should run


@dataclass(frozen=True)
class CaptureTable:
    """Counts of every observable combination of `lists`, in a fixed cell order."""

    lists: tuple[str, ...]
    patterns: NDArray[np.int8]  # (2**t - 1, t): every non-empty combination, 0/1
    counts: NDArray[np.int64]  # (2**t - 1,): observed persons with that combination

    @property
    def observed(self) -> int:
        return int(self.counts.sum())

    def overlap(self, a: int, b: int) -> int:
        """Persons on both list `a` and list `b` (by column index)."""
        on_both = (self.patterns[:, a] == 1) & (self.patterns[:, b] == 1)
        return int(self.counts[on_both].sum())

    def with_counts(self, counts: NDArray[np.int64]) -> CaptureTable:
        return CaptureTable(self.lists, self.patterns, counts)

    def drop_lists(self, keep: Sequence[int]) -> CaptureTable:
        """Collapse onto the lists in `keep` (persons only on dropped lists fall out)."""
        return from_combinations(
            [self.lists[i] for i in keep],
            [
                (tuple(int(v) for v in row[list(keep)]), int(n))
                for row, n in zip(self.patterns, self.counts, strict=True)
                if row[list(keep)].any()
            ],
            merge=True,
        )


def all_patterns(t: int) -> NDArray[np.int8]:
    """The 2**t - 1 non-empty 0/1 combinations of t lists, in binary order."""
    return np.array(list(product((0, 1), repeat=t))[1:], dtype=np.int8)


def from_combinations(
    lists: Sequence[str], rows: Iterable[tuple[tuple[int, ...], int]], *, merge: bool = False
) -> CaptureTable:
    """Build a table from (combination, count) pairs; unknown combinations count zero."""
    t = len(lists)
    patterns = all_patterns(t)
    counts = np.zeros(len(patterns), dtype=np.int64)
    for combination, n in rows:
        index = int("".join(str(v) for v in combination), 2) - 1
        if index < 0:
            raise InvalidInput("the all-zero combination (on no list) cannot be observed")
        if counts[index] and not merge:
            raise InvalidInput(f"combination {_describe(lists, combination)} given twice")
        counts[index] += n
    return CaptureTable(tuple(lists), patterns, counts)


def read_captures(path: Path) -> CaptureTable:
    """Read and validate a captures CSV, naming the line and the reason of any error."""
    tables = read_stratified_captures(path, stratum=None)
    return tables[""]


def read_stratified_captures(path: Path, stratum: str | None) -> dict[str, CaptureTable]:
    """Read a captures CSV with an optional stratum column; one table per stratum value."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read captures file: {exc}") from exc
    return parse_captures(text, source=str(path), stratum=stratum)


def parse_captures(
    text: str, *, source: str, stratum: str | None = None
) -> dict[str, CaptureTable]:
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise InvalidInput(f"{source}: not a readable CSV file: {exc}") from exc
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InvalidInput(f"{source}: empty file; expected a header of list names and a count")
    header = [cell.strip() for cell in rows[0]]
    if stratum is not None:
        if stratum not in header[:-1]:
            raise InvalidInput(f"{source} line 1: no stratum column {stratum!r}")
        stratum_at = header.index(stratum)
    else:
        stratum_at = -1
    list_at = [i for i in range(len(header) - 1) if i != stratum_at]
    lists = [header[i] for i in list_at]
    if len(lists) < 2:
        raise InvalidInput(f"{source} line 1: need at least 2 list columns and a count column")
    if len(lists) > MAX_LISTS:
        raise InvalidInput(f"{source} line 1: {len(lists)} lists; at most {MAX_LISTS} supported")
    if any(not name for name in header) or len(set(header)) != len(header):
        raise InvalidInput(f"{source} line 1: column names must be non-empty and distinct")
    if any(":" in name for name in lists):
        raise InvalidInput(f"{source} line 1: list names may not contain ':'")
    found: dict[str, dict[tuple[int, ...], tuple[int, int]]] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InvalidInput(
                f"{source} line {line}: {len(row)} fields, expected {len(header)} as in the header"
            )
        combination = tuple(_zero_one(source, line, header[i], row[i]) for i in list_at)
        count = _count(source, line, row[-1])
        key = row[stratum_at].strip() if stratum_at >= 0 else ""
        if not any(combination):
            raise InvalidInput(
                f"{source} line {line}: the all-zero combination (on no list) cannot be "
                "observed; it is what the estimate is for, so remove the row"
            )
        seen = found.setdefault(key, {})
        if combination in seen:
            raise InvalidInput(
                f"{source} line {line}: combination {_describe(lists, combination)}"
                + (f" in stratum {key!r}" if stratum_at >= 0 else "")
                + f" already given on line {seen[combination][1]}"
            )
        seen[combination] = (count, line)
    if not found:
        raise InvalidInput(f"{source}: no rows after the header")
    tables = {}
    for key, seen in found.items():
        table = from_combinations(lists, ((c, n) for c, (n, _) in seen.items()))
        where = f"{source}" + (f" stratum {key!r}" if stratum_at >= 0 else "")
        if table.observed == 0:
            raise InvalidInput(f"{where}: every count is zero; nothing to estimate from")
        for j, name in enumerate(lists):
            if not table.counts[table.patterns[:, j] == 1].sum():
                raise InvalidInput(f"{where}: list {name!r} has no one on it; drop the column")
        tables[key] = table
    return tables


def _zero_one(source: str, line: int, column: str, value: str) -> int:
    if value.strip() not in ("0", "1"):
        raise InvalidInput(f"{source} line {line}: column {column!r} is {value!r}, not 0 or 1")
    return int(value.strip())


def _count(source: str, line: int, value: str) -> int:
    text = value.strip()
    if not text.isdigit() or not text.isascii():
        reason = "negative" if text.startswith("-") else "not a whole number"
        raise InvalidInput(f"{source} line {line}: count {value!r} is {reason}")
    return int(text)


def _describe(lists: Sequence[str], combination: Sequence[int]) -> str:
    return ",".join(f"{name}={v}" for name, v in zip(lists, combination, strict=True))
