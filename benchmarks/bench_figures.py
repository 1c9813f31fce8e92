"""Benchmarks: the annual figures over 1,000,000 linked registrations, and the dark number
with 1,000 bootstrap replicates on six lists (floor: 30 s each).

Annual figures: every count of `zicht.figures.annual` (persons per year by form, age,
gender, nationality, region, organisation, form by age, the overlap) with DuckDB over
the registrations' Arrow table, plus the joint suppression of each year. Baseline: the
same counts in plain pandas (sort, first registration per person-year, group by),
checked to agree. Generating the registrations is not timed.

Dark number: each replicate re-runs the stepwise model search, so 1,000 replicates are
some 60,000 log-linear fits. The baseline, measured in the same run, is the same search
fitting each candidate with statsmodels' GLM, on fewer replicates and scaled to 1,000.

Run alone: `.venv/bin/python -m benchmarks.bench_figures` from the repository root.
"""

from __future__ import annotations

import time
from typing import Any

import pandas as pd
import pyarrow as pa

from zicht.figures.annual.publish import publish_year
from zicht.figures.annual.queries import EU, YearCounts, count_years
from zicht.figures.annual.simulate import simulate_registrations
from zicht.figures.mse import estimate
from zicht.figures.mse.estimate import bootstrap_totals
from zicht.figures.mse.loglinear import fit_statsmodels
from zicht.figures.mse.simulate import simulate

REPLICATES = 1000
BASELINE_REPLICATES = 20
FLOOR_SECONDS = 30.0
SIZE = 5000
REGISTRATIONS = 1_000_000


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def pandas_counts(table: pa.Table) -> dict[int, dict[str, dict[str, int]]]:
    """The baseline: the annual counts in plain pandas, by the same rules as the SQL."""
    from zicht.route.regions import municipalities

    df = table.to_pandas().sort_values("id")
    df["person"] = df["person_id"].fillna("r" + df["id"].astype(str))
    df["gender"] = df["sex"].where(df["sex"].isin(["F", "M", "X"]), "U")
    c = df["citizenship"].fillna("")
    df["nationality"] = "non_eu"
    df.loc[c.isin(EU), "nationality"] = "eu"
    df.loc[c == "NLD", "nationality"] = "nl"
    df.loc[c == "", "nationality"] = "unknown"
    units = {m.code: m.unit_code for m in municipalities()}
    df["region"] = df["municipality_code"].map(units).fillna("unknown")
    group = df["age_group"].fillna("")
    birth = pd.to_datetime(df["birth_date"].replace("", None), errors="coerce")
    july = pd.to_datetime((df["year"] - 18).astype(str) + "-07-01")
    df["age"] = "adult"
    df.loc[(group == "") & (birth > july), "age"] = "minor"
    df.loc[(group == "") & birth.isna(), "age"] = "unknown"
    df.loc[group == "0-17", "age"] = "minor"
    first = df.groupby(["year", "person"], sort=False).first()
    out: dict[int, dict[str, dict[str, int]]] = {}
    for key in ("form", "age", "gender", "nationality", "region"):
        for (year, value), n in first.groupby(["year", key]).size().items():
            out.setdefault(int(year), {}).setdefault(key, {})[str(value)] = int(n)
    pairs = df.drop_duplicates(["year", "person", "org"]).sort_values("org")
    for (year, org), n in pairs.groupby(["year", "org"]).size().items():
        out[int(year)].setdefault("organisation", {})[str(org)] = int(n)
    combos = pairs.groupby(["year", "person"])["org"].agg(" + ".join)
    for (year, combo), n in combos.groupby(level=0).value_counts().items():
        out[int(year)].setdefault("overlap", {})[str(combo)] = int(n)
    return out


def _as_plain(counts: dict[int, YearCounts]) -> dict[int, dict[str, dict[str, int]]]:
    return {
        year: {
            **c.by,
            "overlap": {" + ".join(combo): n for combo, n in c.overlap.items()},
        }
        for year, c in counts.items()
    }


def annual() -> dict[str, Any]:
    table = simulate_registrations(REGISTRATIONS, seed=2026)
    wall, cpu = _clock()
    counts = count_years(table)
    counted_wall, counted_cpu = _clock()
    for year_counts in counts.values():
        publish_year(year_counts)
    wall_after, cpu_after = _clock()
    seconds, cpu_seconds = wall_after - wall, cpu_after - cpu

    b_wall, b_cpu = _clock()
    baseline = pandas_counts(table)
    b_wall_after, b_cpu_after = _clock()
    baseline_seconds, baseline_cpu = b_wall_after - b_wall, b_cpu_after - b_cpu
    return {
        "annual_registrations": table.num_rows,
        "annual_persons": sum(c.persons for c in counts.values()),
        "annual_years": sorted(counts),
        "annual_duckdb_count_seconds": round(counted_wall - wall, 2),
        "annual_duckdb_count_cpu_seconds": round(counted_cpu - cpu, 2),
        "annual_suppression_seconds": round(wall_after - counted_wall, 2),
        "annual_seconds": round(seconds, 2),
        "annual_cpu_seconds": round(cpu_seconds, 2),
        "annual_floor_seconds": FLOOR_SECONDS,
        "annual_within_floor": seconds < FLOOR_SECONDS,
        "annual_baseline_pandas_seconds": round(baseline_seconds, 2),
        "annual_baseline_pandas_cpu_seconds": round(baseline_cpu, 2),
        "annual_baseline_agrees": baseline == _as_plain(counts),
        "annual_speedup_vs_pandas_counts": round(baseline_seconds / (counted_wall - wall), 1),
    }


def run() -> dict[str, Any]:
    results = annual()
    for key, value in results.items():
        print(f"{key}: {value}", flush=True)
    dark = dark_number()
    for key, value in dark.items():
        print(f"{key}: {value}", flush=True)
    return {**results, **dark}


def dark_number() -> dict[str, Any]:
    # Six organisations' lists of a population of 5,000; two pairs refer to each other.
    table = simulate(
        SIZE,
        [0.10, 0.15, 0.08, 0.12, 0.05, 0.10],
        dependent=[(0, 1, 0.5), (3, 5, 0.3)],
        seed=2026,
    )
    wall, cpu = _clock()
    result = estimate(table, criterion="aic", bootstrap=REPLICATES, seed=1)
    wall_after, cpu_after = _clock()
    seconds, cpu_seconds = wall_after - wall, cpu_after - cpu

    wall, cpu = _clock()
    bootstrap_totals(table, "aic", BASELINE_REPLICATES, 1, fitter=fit_statsmodels)
    wall_after, cpu_after = _clock()
    scale = (REPLICATES + 1) / BASELINE_REPLICATES
    baseline, baseline_cpu = (wall_after - wall) * scale, (cpu_after - cpu) * scale

    return {
        "mse_lists": len(table.lists),
        "mse_observed": table.observed,
        "mse_true_size": SIZE,
        "mse_estimate": round(result.estimate, 1),
        "mse_ci": [result.ci_low, result.ci_high],
        "mse_model": result.model,
        "mse_bootstrap_replicates": REPLICATES,
        "mse_seconds": round(seconds, 2),
        "mse_cpu_seconds": round(cpu_seconds, 2),
        "mse_floor_seconds": FLOOR_SECONDS,
        "mse_within_floor": seconds < FLOOR_SECONDS,
        "mse_baseline_statsmodels_seconds_scaled": round(baseline, 1),
        "mse_baseline_statsmodels_cpu_seconds_scaled": round(baseline_cpu, 1),
        "mse_baseline_replicates_measured": BASELINE_REPLICATES,
        "mse_speedup_vs_statsmodels": round(baseline / seconds, 1),
        "mse_cpu_speedup_vs_statsmodels": round(baseline_cpu / cpu_seconds, 1),
    }


if __name__ == "__main__":
    run()
