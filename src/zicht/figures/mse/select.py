"""Stepwise choice of pairwise interactions by AIC or BIC, as in Silverman (2014) and SparseMSE.

Start from the main effects; at each step fit every pair not yet in the model, add the
one that lowers the criterion most, and stop when none lowers it. A pair of lists with
no one in common cannot carry an interaction (its parameter would be minus infinity),
so it is excluded up front and reported; a candidate whose maximum likelihood estimate
does not exist (Fienberg-Rinaldo) is skipped, as SparseMSE's `checkident` does.

`select_many` runs the search for many count vectors over the same lists at once (the
bootstrap replicates): at step s every search still running has s pairs, so all their
candidates share a shape and are fitted as one stacked IRLS.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from zicht.errors import InvalidInput
from zicht.figures.mse.captures import CaptureTable
from zicht.figures.mse.loglinear import Fits, FloatArray, Pair, design, fit_batch, mle_exists

Fitter = Callable[[FloatArray, FloatArray, "FloatArray | None"], Fits]
CRITERIA = ("aic", "bic")
CHUNK = 4096  # candidate fits a stacked solve; bounds memory (~ CHUNK * cells * terms floats)


class NoFiniteEstimate(InvalidInput):
    """The data cannot bound the unobserved cell (e.g. lists that never overlap)."""


@dataclass(frozen=True)
class Model:
    """A chosen model: its pairs, fitted parameters and what was left out and why."""

    table: CaptureTable
    pairs: tuple[Pair, ...]
    beta: FloatArray
    score: float
    excluded: tuple[Pair, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def unobserved(self) -> float:
        return math.exp(float(self.beta[0]))

    @property
    def total(self) -> float:
        return self.table.observed + self.unobserved

    @property
    def terms(self) -> list[str]:
        names = self.table.lists
        return [*names, *(f"{names[i]}:{names[j]}" for i, j in self.pairs)]


@dataclass
class Search:
    """One running search of `select_many`; `beta` is None when no finite estimate exists."""

    pairs: list[Pair]
    beta: FloatArray | None
    score: float


def score(loglik: FloatArray, parameters: int, observed: FloatArray, criterion: str) -> FloatArray:
    """AIC, or BIC with the number of persons observed as the sample size (Raftery)."""
    penalty = 2.0 if criterion == "aic" else np.log(observed)
    return -2.0 * loglik + penalty * parameters


def select_model(table: CaptureTable, criterion: str = "aic", fitter: Fitter = fit_batch) -> Model:
    """Forward stepwise selection of pairwise interactions; raises if no finite estimate."""
    names = table.lists
    excluded = tuple(p for p in combinations(range(len(names)), 2) if table.overlap(*p) == 0)
    notes = [
        f"{names[i]}:{names[j]} not estimable: lists {names[i]} and {names[j]} have no one "
        "in common; left out of the model search"
        for i, j in excluded
    ]
    if len(names) == 2:
        notes.append("with two lists no interaction can be estimated; independence is assumed")
    (search,) = select_many(table.patterns, table.counts[None], criterion, fitter)
    if search.beta is None:
        raise NoFiniteEstimate(
            "no finite estimate: the lists overlap too little for even the independence "
            f"model ({_overlaps(table)}); the number unobserved is unbounded"
        )
    return Model(table, tuple(search.pairs), search.beta, search.score, excluded, tuple(notes))


def select_many(
    patterns: NDArray[np.int8],
    counts: NDArray[np.int64],
    criterion: str = "aic",
    fitter: Fitter = fit_batch,
) -> list[Search]:
    """Stepwise searches for each row of `counts` (r, cells); every list must be non-empty."""
    if criterion not in CRITERIA:
        raise InvalidInput(f"criterion {criterion!r} is not one of {', '.join(CRITERIA)}")
    t = patterns.shape[1]
    y = counts.astype(np.float64)
    observed = y.sum(axis=1)
    pairs_all = list(combinations(range(t), 2))
    full = design(patterns, pairs_all)  # every model's design is a choice of these columns
    both = full[:, 1 + t :]
    # A pair with no overlap is never a candidate; with two lists no pair is estimable.
    open_pairs = (y @ both > 0) if t > 2 else np.zeros((len(y), 0), dtype=bool)
    base = fitter(np.broadcast_to(full[:, : 1 + t], (len(y), *full[:, : 1 + t].shape)), y, None)
    scores = score(base.loglik, 1 + t, observed, criterion)
    searches = [
        Search([], base.beta[r] if _usable(base, r, full[:, : 1 + t], y[r]) else None, scores[r])
        for r in range(len(y))
    ]
    running = [r for r, s in enumerate(searches) if s.beta is not None]
    while running:
        rows = [(r, int(c)) for r in running for c in np.flatnonzero(open_pairs[r])]
        if not rows:
            break
        columns = np.array(
            [
                [*range(1 + t), *(1 + t + pairs_all.index(p) for p in searches[r].pairs), 1 + t + c]
                for r, c in rows
            ]
        )
        fits = _fit_chunked(full, columns, y, rows, searches, fitter)
        scores = score(fits.loglik, columns.shape[1], observed[[r for r, _ in rows]], criterion)
        # The best usable candidate that improves; the existence check only where it matters.
        best: dict[int, int] = {}
        for k, (r, _) in enumerate(rows):
            if scores[k] < (scores[best[r]] if r in best else searches[r].score - 1e-9) and _usable(
                fits, k, full[:, columns[k]], y[r]
            ):
                best[r] = k
        still = []
        for r in running:
            k = best.get(r, -1)
            if k >= 0:
                c = rows[k][1]
                searches[r].pairs.append(pairs_all[c])
                searches[r].beta, searches[r].score = fits.beta[k], float(scores[k])
                open_pairs[r, c] = False
                still.append(r)
        running = still
    return searches


def _fit_chunked(
    full: FloatArray,
    columns: NDArray[np.int64],
    y: FloatArray,
    rows: list[tuple[int, int]],
    searches: list[Search],
    fitter: Fitter,
) -> Fits:
    parts = []
    for at in range(0, len(rows), CHUNK):
        chunk = rows[at : at + CHUNK]
        xs = full[:, columns[at : at + CHUNK]].transpose(1, 0, 2)
        start = np.array([[*_fitted(searches[r]), 0.0] for r, _ in chunk])
        parts.append(fitter(xs, y[[r for r, _ in chunk]], start))
    return Fits(
        *(np.concatenate([getattr(p, f) for p in parts]) for f in Fits.__dataclass_fields__)
    )


def _fitted(search: Search) -> FloatArray:
    assert search.beta is not None, "only searches with a finite estimate keep running"
    return search.beta


def _usable(fits: Fits, k: int, x: FloatArray, y: FloatArray) -> bool:
    if not np.isfinite(fits.beta[k]).all() or not np.isfinite(fits.loglik[k]):
        return False
    if not fits.collapsed[k] and fits.converged[k]:
        return True
    return mle_exists(x, y)


def _overlaps(table: CaptureTable) -> str:
    names = table.lists
    shown = [
        f"{names[i]}&{names[j]}={table.overlap(i, j)}"
        for i, j in combinations(range(len(names)), 2)
    ]
    return "overlaps " + ", ".join(shown)
