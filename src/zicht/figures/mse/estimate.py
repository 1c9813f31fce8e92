"""The dark number: point estimate, bootstrap interval, and the same per stratum.

The interval is a percentile interval from a multinomial bootstrap over the observed
cells (the observed total fixed), re-running the model search in every replicate as
Silverman (2014) does, so that the interval carries the uncertainty of model choice too.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import numpy as np

from zicht.errors import InvalidInput
from zicht.figures.mse.captures import CaptureTable
from zicht.figures.mse.loglinear import fit_batch
from zicht.figures.mse.select import CRITERIA, Fitter, NoFiniteEstimate, select_many, select_model

LEVEL = 0.95


@dataclass(frozen=True)
class Estimate:
    observed: int
    unobserved: float
    estimate: float
    ci_low: float | None
    ci_high: float | None  # None: the upper limit is unbounded (see notes)
    model: list[str]
    criterion: str
    replicates: int
    notes: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "observed": self.observed,
            "estimate": round(self.estimate, 1),
            "ci_low": None if self.ci_low is None else round(self.ci_low, 1),
            "ci_high": None if self.ci_high is None else round(self.ci_high, 1),
            "model": self.model,
            "criterion": self.criterion,
            "unobserved": round(self.unobserved, 1),
            "bootstrap": self.replicates,
            "notes": self.notes,
        }


def estimate(
    table: CaptureTable,
    *,
    criterion: str = "aic",
    bootstrap: int = 1000,
    seed: int | None = None,
    fitter: Fitter = fit_batch,
) -> Estimate:
    """Estimate the population (observed plus unobserved) with a 95% bootstrap interval."""
    if bootstrap < 0:
        raise InvalidInput(f"bootstrap replicates must be 0 or more, not {bootstrap}")
    if criterion not in CRITERIA:
        raise InvalidInput(f"criterion {criterion!r} is not one of {', '.join(CRITERIA)}")
    model = select_model(table, criterion, fitter)
    notes = list(model.notes)
    low = high = None
    if bootstrap:
        totals = bootstrap_totals(table, criterion, bootstrap, seed, fitter)
        unbounded = int(np.isinf(totals).sum())
        tail = (1 - LEVEL) / 2
        # Order statistics (no interpolation), so an unbounded replicate stays inf.
        low, high = (float(v) for v in np.quantile(totals, [tail, 1 - tail], method="inverted_cdf"))
        if unbounded:
            notes.append(f"{unbounded} of {bootstrap} bootstrap replicates had no finite estimate")
        if not np.isfinite(high):
            high = None
            notes.append("the upper limit of the interval is unbounded")
    return Estimate(
        observed=table.observed,
        unobserved=model.unobserved,
        estimate=model.total,
        ci_low=low,
        ci_high=high,
        model=model.terms,
        criterion=criterion,
        replicates=bootstrap,
        notes=notes,
    )


def bootstrap_totals(
    table: CaptureTable,
    criterion: str,
    replicates: int,
    seed: int | None,
    fitter: Fitter = fit_batch,
) -> np.ndarray:
    """Population estimates of multinomial resamples of the observed cells (inf: unbounded)."""
    rng = np.random.default_rng(seed)
    n = table.observed
    draws = rng.multinomial(n, table.counts / n, size=replicates).astype(np.int64)
    on_list = draws @ table.patterns.astype(np.int64)  # (replicates, lists)
    whole = np.flatnonzero((on_list > 0).all(axis=1))
    totals = np.full(replicates, np.inf)
    for r, search in zip(
        whole, select_many(table.patterns, draws[whole], criterion, fitter), strict=True
    ):
        if search.beta is not None:
            totals[r] = n + np.exp(search.beta[0])
    for r in np.flatnonzero(~(on_list > 0).all(axis=1)):
        # A list came out empty in this resample: it says nothing, so drop it.
        keep = [int(j) for j in np.flatnonzero(on_list[r])]
        if len(keep) >= 2:
            reduced = table.with_counts(draws[r]).drop_lists(keep)
            with suppress(NoFiniteEstimate):
                totals[r] = select_model(reduced, criterion, fitter).total
    return totals


def estimate_by_stratum(
    tables: Mapping[str, CaptureTable],
    *,
    criterion: str = "aic",
    bootstrap: int = 1000,
    seed: int | None = None,
) -> dict[str, Estimate]:
    """One estimate per stratum (form, minor/adult, year); an error names the stratum."""
    results = {}
    for offset, (key, table) in enumerate(sorted(tables.items())):
        try:
            results[key] = estimate(
                table,
                criterion=criterion,
                bootstrap=bootstrap,
                seed=None if seed is None else seed + offset,
            )
        except InvalidInput as error:
            raise type(error)(f"stratum {key!r}: {error.message}") from error
    return results
