"""Benchmark: the dark number with 1,000 bootstrap replicates on six lists (floor: 30 s).

Each replicate re-runs the stepwise model search, so 1,000 replicates are some 60,000
log-linear fits. The baseline, measured in the same run, is the same search fitting
each candidate with statsmodels' GLM, on fewer replicates and scaled to 1,000.
(The annual figures over 1,000,000 registrations join this file with the registry.)

Run alone: `.venv/bin/python -m benchmarks.bench_figures` from the repository root.
"""

from __future__ import annotations

import time
from typing import Any

from zicht.figures.mse import estimate
from zicht.figures.mse.estimate import bootstrap_totals
from zicht.figures.mse.loglinear import fit_statsmodels
from zicht.figures.mse.simulate import simulate

REPLICATES = 1000
BASELINE_REPLICATES = 20
FLOOR_SECONDS = 30.0
SIZE = 5000


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def run() -> dict[str, Any]:
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
    for key, value in run().items():
        print(f"{key}: {value}")
