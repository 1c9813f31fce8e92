"""Closed populations with known size, for checking the estimator and for the benchmark.

Each person is on each list independently with that list's probability, except for
the `dependent` pairs: a person on the first list of such a pair is on the second
with a raised probability (a referral between the two organisations, say).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from zicht.figures.mse.captures import CaptureTable, all_patterns


def simulate(
    size: int,
    probabilities: Sequence[float],
    *,
    dependent: Sequence[tuple[int, int, float]] = (),
    names: Sequence[str] | None = None,
    seed: int | None = None,
) -> CaptureTable:
    """Capture table of a population of `size`; `dependent` holds (first, second, p_if_first)."""
    rng = np.random.default_rng(seed)
    t = len(probabilities)
    on = rng.random((size, t)) < np.asarray(probabilities)
    for first, second, raised in dependent:
        on[:, second] = np.where(on[:, first], rng.random(size) < raised, on[:, second])
    codes = on.astype(np.int64) @ (1 << np.arange(t - 1, -1, -1))
    counts = np.bincount(codes, minlength=1 << t)[1:].astype(np.int64)
    lists = tuple(names) if names else tuple(chr(ord("A") + j) for j in range(t))
    return CaptureTable(lists, all_patterns(t), counts)
