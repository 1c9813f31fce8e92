"""Throughput times of cases through the chain, counting the cases still open.

A case still waiting for its next stage on the `as_of` date is right-censored: we
know only that its wait is at least that long. Dropping open cases (the median of the
finished ones) biases every figure low, most of all for the slow stages and the latest
year, so medians and percentiles come from the Kaplan-Meier estimate of the time
to the next stage (statsmodels' `SurvfuncRight`). A percentile the data cannot reach
yet (too many cases still open) is reported as not reached (None), not guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

import numpy as np

from zicht.errors import InvalidInput

STAGES = ("signal", "referral", "report", "decision", "judgment")  # judgment or dismissal
PERCENTILES = (25, 50, 75, 90)
CONSECUTIVE = tuple(pairwise(STAGES))


@dataclass(frozen=True)
class Case:
    """The dates a case reached each stage; a stage not (yet) reached is absent."""

    case_id: str
    dates: Mapping[str, date] = field(default_factory=dict)


@dataclass(frozen=True)
class SpanFigures:
    start: str
    end: str
    year: int  # the year the case reached `start`
    cases: int
    finished: int
    open: int
    days: dict[int, float | None]  # percentile -> days; None: not reached yet

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.start,
            "to": self.end,
            "year": self.year,
            "cases": self.cases,
            "finished": self.finished,
            "open": self.open,
            "days": {f"p{p}": d for p, d in self.days.items()},
        }


def throughput(
    cases: Iterable[Case],
    *,
    as_of: date,
    spans: Sequence[tuple[str, str]] = CONSECUTIVE,
    percentiles: Sequence[int] = PERCENTILES,
) -> list[SpanFigures]:
    """Kaplan-Meier percentiles of days from stage to stage, per span and starting year."""
    for start, end in spans:
        if start not in STAGES or end not in STAGES or STAGES.index(start) >= STAGES.index(end):
            raise InvalidInput(f"span {start}->{end} is not two stages in order of {STAGES}")
    groups: dict[tuple[str, str, int], list[tuple[int, bool]]] = {}
    for case in cases:
        _check(case, as_of)
        for start, end in spans:
            entry = _duration(case, start, end, as_of)
            if entry is not None:
                key = (start, end, case.dates[start].year)
                groups.setdefault(key, []).append(entry)
    order = {span: k for k, span in enumerate(spans)}
    return [
        _figures(start, end, year, entries, percentiles)
        for (start, end, year), entries in sorted(
            groups.items(), key=lambda item: (order[item[0][:2]], item[0][2])
        )
    ]


def _duration(case: Case, start: str, end: str, as_of: date) -> tuple[int, bool] | None:
    """(days, finished) for a case in this span, or None if it is not in it."""
    if start not in case.dates:
        return None
    began = case.dates[start]
    if end in case.dates:
        return (case.dates[end] - began).days, True
    later = STAGES[STAGES.index(end) + 1 :]
    if any(stage in case.dates for stage in later):
        return None  # the case went on without this stage: it never waited for it
    return (as_of - began).days, False


def _figures(
    start: str, end: str, year: int, entries: list[tuple[int, bool]], percentiles: Sequence[int]
) -> SpanFigures:
    from statsmodels.duration.survfunc import SurvfuncRight

    days = np.array([d for d, _ in entries], dtype=np.float64)
    finished = np.array([f for _, f in entries], dtype=np.float64)
    curve = SurvfuncRight(days, finished)
    values: dict[int, float | None] = {}
    for p in percentiles:
        # No event yet means no curve to read: every percentile is still open.
        q = float(curve.quantile(p / 100)) if finished.any() else float("nan")
        values[p] = None if np.isnan(q) else q
    done = int(finished.sum())
    return SpanFigures(start, end, year, len(entries), done, len(entries) - done, values)


def _check(case: Case, as_of: date) -> None:
    unknown = set(case.dates) - set(STAGES)
    if unknown:
        raise InvalidInput(f"case {case.case_id}: unknown stage(s) {', '.join(sorted(unknown))}")
    reached = [(stage, case.dates[stage]) for stage in STAGES if stage in case.dates]
    for (first, when_first), (second, when_second) in pairwise(reached):
        if when_second < when_first:
            raise InvalidInput(
                f"case {case.case_id}: {second} on {when_second} is before {first} on {when_first}"
            )
    for stage, when in reached:
        if when > as_of:
            raise InvalidInput(f"case {case.case_id}: {stage} on {when} is after as-of {as_of}")
