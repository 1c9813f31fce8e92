"""The 12-month forecast, on the government's example and on simulated years."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from zicht.errors import InvalidInput
from zicht.figures.forecast import MonthCount, forecast, read_history


def test_the_governments_example() -> None:
    """124 suspects by the end of September: a forecast of 160 to 170 for the year."""
    result = forecast(9, 124, target=190)
    assert result.forecast == pytest.approx(124 * 12 / 9, abs=1)
    assert result.low <= 160 and result.high >= 170
    assert result.low > 124 and result.high < 200
    assert result.p_target_met is not None and result.p_target_met < 0.01
    assert result.as_dict()["target_likely_met"] is False


def test_interval_covers_simulated_years_at_about_its_level() -> None:
    rng = np.random.default_rng(1)
    months = rng.poisson(14, size=(400, 12))
    hits = 0
    for year in months:
        result = forecast(9, int(year[:9].sum()))
        hits += result.low <= year.sum() <= result.high
    assert 0.92 <= hits / len(months) <= 0.995


def test_history_brings_seasonality_and_overdispersion() -> None:
    rng = np.random.default_rng(2)
    shape = np.array([6, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26], dtype=float)
    history = [
        MonthCount(year, m + 1, int(rng.negative_binomial(5, 5 / (5 + shape[m]))))
        for year in (2021, 2022, 2023, 2024)
        for m in range(12)
    ]
    flat = forecast(6, 56)
    seasonal = forecast(6, 56, history=history)
    # The second half of the year is busier: the seasonal forecast is well above 2 x 56.
    assert seasonal.forecast > flat.forecast + 30
    assert seasonal.dispersion > 1
    assert seasonal.high - seasonal.low > flat.high - flat.low


def test_refusals_and_the_full_year() -> None:
    with pytest.raises(InvalidInput, match="months observed must be 1 to 12"):
        forecast(0, 10)
    with pytest.raises(InvalidInput, match="count must be 0 or more"):
        forecast(3, -1)
    with pytest.raises(InvalidInput, match="no complete year"):
        forecast(3, 10, history=[MonthCount(2024, 1, 5)])
    year = forecast(12, 190, target=190)
    assert (year.forecast, year.low, year.high, year.p_target_met) == (190, 190, 190, 1.0)


def test_history_file_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("year,month,count\n2024,1,5\n2024,13,5\n")
    with pytest.raises(InvalidInput, match="line 3: month 13 is not 1 to 12"):
        read_history(path)
    path.write_text("year,month,count\n2024,1,5\n2024,1,6\n")
    with pytest.raises(InvalidInput, match="line 3: 2024-01 already given on line 2"):
        read_history(path)
    path.write_text("year,month,count\n2024,1,-5\n")
    with pytest.raises(InvalidInput, match="line 2: expected three whole numbers"):
        read_history(path)
