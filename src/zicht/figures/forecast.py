"""Forecast of a 12-month total from the months so far, with a prediction interval.

The yearly rate gets a Gamma posterior (Jeffreys prior) from the count so far; the
count of the remaining months is then negative binomial (the Gamma-Poisson posterior
predictive), so the interval holds both the Poisson noise of the months to come and
the uncertainty of the rate. With monthly history, two things are learnt from it:
each calendar month's share of a year (seasonality), and the overdispersion of
monthly counts against that pattern (quasi-Poisson), which widens the interval.
The government's example: 124 suspects by the end of September gives about 165.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from zicht.errors import InvalidInput

PRIOR_SHAPE = 0.5  # Jeffreys prior for a Poisson rate
LEVEL = 0.95


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int  # 1..12
    count: int


@dataclass(frozen=True)
class Forecast:
    months_observed: int
    count: int
    forecast: float
    low: int
    high: int
    dispersion: float
    seasonal: bool
    target: int | None = None
    p_target_met: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "months_observed": self.months_observed,
            "count": self.count,
            "forecast": round(self.forecast, 1),
            "low": self.low,
            "high": self.high,
            "level": LEVEL,
            "dispersion": round(self.dispersion, 3),
            "seasonal": self.seasonal,
        }
        if self.target is not None and self.p_target_met is not None:
            out["target"] = self.target
            out["p_target_met"] = round(self.p_target_met, 3)
            out["target_likely_met"] = self.p_target_met >= 0.5
        return out


def forecast(
    months_observed: int,
    count: int,
    *,
    target: int | None = None,
    history: Sequence[MonthCount] = (),
) -> Forecast:
    """Forecast the year's total from `count` in its first `months_observed` months.

    Months count from January, the calendar year of the rapporteur and the police targets;
    `history` gives the same series for earlier years, month by month.
    """
    from scipy.stats import nbinom

    if not 1 <= months_observed <= 12:
        raise InvalidInput(f"months observed must be 1 to 12, not {months_observed}")
    if count < 0:
        raise InvalidInput(f"count must be 0 or more, not {count}")
    if target is not None and target < 0:
        raise InvalidInput(f"target must be 0 or more, not {target}")
    weights, dispersion = _learn(history) if history else (np.full(12, 1 / 12), 1.0)
    seen, rest = float(weights[:months_observed].sum()), float(weights[months_observed:].sum())
    shape = count / dispersion + PRIOR_SHAPE  # posterior of the yearly rate, quasi-Poisson
    rate = seen / dispersion
    mean = rest * shape / rate
    if rest == 0:
        low = high = count
        p_met = None if target is None else float(count >= target)
    else:
        variance = dispersion * mean + rest**2 * shape / rate**2
        n, p = mean**2 / (variance - mean), mean / variance
        tail = (1 - LEVEL) / 2
        low = count + int(nbinom.ppf(tail, n, p))
        high = count + int(nbinom.ppf(1 - tail, n, p))
        p_met = None if target is None else float(nbinom.sf(target - count - 1, n, p))
    return Forecast(
        months_observed=months_observed,
        count=count,
        forecast=count + mean,
        low=low,
        high=high,
        dispersion=dispersion,
        seasonal=bool(history),
        target=target,
        p_target_met=p_met,
    )


def _learn(history: Sequence[MonthCount]) -> tuple[np.ndarray, float]:
    """Calendar-month shares (shrunk towards equal) and the quasi-Poisson dispersion."""
    years: dict[int, np.ndarray] = {}
    for row in history:
        years.setdefault(row.year, np.full(12, -1, dtype=np.int64))[row.month - 1] = row.count
    complete = np.array([counts for counts in years.values() if (counts >= 0).all()])
    if not len(complete):
        raise InvalidInput("history has no complete year of 12 months; give one or leave it out")
    by_month = complete.sum(axis=0)
    weights = (by_month + 1.0) / (by_month.sum() + 12.0)
    expected = complete.sum(axis=1, keepdims=True) * weights
    freedom = complete.size - len(complete) - 11
    if freedom <= 0 or not (expected > 0).all():
        return weights, 1.0
    pearson = float((((complete - expected) ** 2) / expected).sum())
    return weights, max(1.0, pearson / freedom)


def read_history(path: Path) -> list[MonthCount]:
    """Read `year,month,count` rows, naming the line and reason of any error."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read history file: {exc}") from exc
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [c.strip().lower() for c in rows[0]] != ["year", "month", "count"]:
        raise InvalidInput(f"{path} line 1: expected the header year,month,count")
    out: list[MonthCount] = []
    seen: dict[tuple[int, int], int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != 3 or not all(c.strip().isdigit() for c in row):
            raise InvalidInput(f"{path} line {line}: expected three whole numbers year,month,count")
        year, month, count = (int(c) for c in row)
        if not 1 <= month <= 12:
            raise InvalidInput(f"{path} line {line}: month {month} is not 1 to 12")
        if (year, month) in seen:
            raise InvalidInput(
                f"{path} line {line}: {year}-{month:02d} already given on line {seen[year, month]}"
            )
        seen[year, month] = line
        out.append(MonthCount(year, month, count))
    if not out:
        raise InvalidInput(f"{path}: no rows after the header")
    return out
