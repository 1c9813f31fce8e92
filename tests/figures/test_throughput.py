"""Throughput times with open cases, against a known simulated distribution."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from zicht.errors import InvalidInput
from zicht.figures.throughput import Case, throughput

AS_OF = date(2025, 1, 1)
MEAN_DAYS = 300.0  # report to judgment, exponential: median 300 ln 2 = 208 days


def simulated_cases(n: int, seed: int) -> tuple[list[Case], list[int]]:
    rng = np.random.default_rng(seed)
    cases, finished_days = [], []
    for i in range(n):
        reported = date(2023, 1, 1) + timedelta(days=int(rng.integers(0, 365)))
        wait = int(rng.exponential(MEAN_DAYS))
        dates = {"signal": reported - timedelta(days=30), "report": reported}
        judged = reported + timedelta(days=wait)
        if judged <= AS_OF:
            dates["judgment"] = judged
            finished_days.append(wait)
        cases.append(Case(f"case-{i}", dates))
    return cases, finished_days


def test_open_cases_count_and_the_median_is_not_biased_low() -> None:
    cases, finished_days = simulated_cases(3000, seed=1)
    (figures,) = throughput(cases, as_of=AS_OF, spans=[("report", "judgment")])
    assert figures.year == 2023 and figures.cases == 3000 and figures.open > 300
    true = {p: -MEAN_DAYS * np.log(1 - p / 100) for p in (25, 50, 75, 90)}
    for p, days in figures.days.items():
        assert days is not None
        assert days == pytest.approx(true[p], rel=0.08), p
    # Dropping the open cases would have been badly wrong.
    assert np.median(finished_days) < 0.85 * true[50]


def test_percentiles_not_reached_are_none() -> None:
    cases = [
        Case("a", {"report": date(2024, 12, 1), "judgment": date(2024, 12, 10)}),
        *(Case(f"open-{i}", {"report": date(2024, 12, 1)}) for i in range(5)),
    ]
    (figures,) = throughput(cases, as_of=AS_OF, spans=[("report", "judgment")])
    assert figures.days[25] is None and figures.days[50] is None
    assert (figures.finished, figures.open) == (1, 5)


def test_consecutive_stages_by_year_and_skipped_stages() -> None:
    cases = [
        Case("1", {"signal": date(2023, 3, 1), "referral": date(2023, 3, 11)}),
        Case("2", {"signal": date(2024, 3, 1), "referral": date(2024, 3, 21)}),
        # Straight from signal to a report to the police, no referral: not waiting for one.
        Case("3", {"signal": date(2024, 5, 1), "report": date(2024, 6, 1)}),
    ]
    figures = throughput(cases, as_of=AS_OF)
    spans = [(f.start, f.end, f.year, f.cases) for f in figures]
    assert ("signal", "referral", 2023, 1) in spans
    assert ("signal", "referral", 2024, 1) in spans
    assert ("referral", "report", 2023, 1) in spans  # case 1 waits on, censored
    assert all(not (s == "signal" and e == "referral" and c == 2) for s, e, _, c in spans)
    first = next(f for f in figures if (f.start, f.end, f.year) == ("signal", "referral", 2023))
    assert first.days[50] == 10


def test_bad_cases_are_refused_by_name() -> None:
    with pytest.raises(InvalidInput, match="case x: judgment on 2024-01-01 is before report"):
        throughput(
            [Case("x", {"report": date(2024, 2, 1), "judgment": date(2024, 1, 1)})], as_of=AS_OF
        )
    with pytest.raises(InvalidInput, match="after as-of"):
        throughput([Case("y", {"report": date(2026, 2, 1)})], as_of=AS_OF)
    with pytest.raises(InvalidInput, match="unknown stage"):
        throughput([Case("z", {"arrest": date(2024, 2, 1)})], as_of=AS_OF)
    with pytest.raises(InvalidInput, match="not two stages in order"):
        throughput([], as_of=AS_OF, spans=[("judgment", "report")])
