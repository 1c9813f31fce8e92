"""Log-linear Poisson models of a capture table: design, fit, and the existence check.

The model for the expected count of cell x (a 0/1 combination of lists) is
log mu(x) = a + sum_i b_i x_i + sum_(i,j) g_ij x_i x_j over the chosen pairs; the
unobserved cell x = 0 has mu = exp(a), which is the dark number.

We fit with iteratively reweighted least squares in numpy, many candidate models at
once as one stacked solve, because a bootstrap with model selection in each replicate
makes tens of thousands of tiny fits and statsmodels' per-fit overhead (~ms) dominates.
`fit_statsmodels` is the same fit through statsmodels' GLM: the reference the tests
compare against and the baseline of the benchmark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray
from scipy.special import gammaln

Pair = tuple[int, int]
FloatArray = NDArray[np.float64]

MAX_ITER = 100
TOLERANCE = 1e-8  # largest change of a fitted log-mean in the last step
# Below this fitted mean on an empty cell the fit is heading for the boundary (an
# infinite parameter); the linear program in `mle_exists` then decides.
COLLAPSE = 1e-6
ETA_FLOOR, ETA_CEILING = -30.0, 700.0


@dataclass(frozen=True)
class Fits:
    """Fits of k models (each to its own or to shared counts); row i is candidate i."""

    beta: FloatArray  # (k, p)
    loglik: FloatArray  # (k,)
    converged: NDArray[np.bool_]  # (k,)
    collapsed: NDArray[np.bool_]  # (k,): some empty cell's fitted mean went to ~0


def design(patterns: NDArray[np.int8], pairs: Sequence[Pair]) -> FloatArray:
    """Columns: intercept, one main effect a list, one product column a pair."""
    x = patterns.astype(np.float64)
    columns = [np.ones(len(x)), *x.T, *(x[:, i] * x[:, j] for i, j in pairs)]
    return np.column_stack(columns)


def fit_batch(xs: FloatArray, y: FloatArray, start: FloatArray | None = None) -> Fits:
    """Poisson IRLS for a stack of designs `xs` (k, n, p), counts `y` (k, n) or shared (n,)."""
    k, n, p = xs.shape
    y = np.broadcast_to(y, (k, n))
    if start is None:
        eta = np.log(y + 0.5)  # a copy: eta is updated in place below
    else:
        eta = np.clip(np.einsum("knp,kp->kn", xs, start), ETA_FLOOR, ETA_CEILING)
    beta = np.zeros((k, p))
    step = np.full(k, np.inf)
    # Iterate only the fits still moving: one fit heading for the boundary must not keep
    # the whole stack iterating.
    active = np.arange(k)
    x, counts, current = xs, y, eta
    for _ in range(MAX_ITER):
        mu = np.exp(current)
        # The working response is z = eta + (y - mu) / mu; X'Wz with W = mu needs no division.
        xt = x.transpose(0, 2, 1)
        rhs = (xt @ (mu * current + counts - mu)[:, :, None])[:, :, 0]
        solved = _solve((xt * mu[:, None, :]) @ x, rhs)
        new = np.clip(np.einsum("knp,kp->kn", x, solved), ETA_FLOOR, ETA_CEILING)
        moved = np.abs(new - current).max(axis=1)
        beta[active], eta[active], step[active] = solved, new, moved
        moving = moved >= TOLERANCE
        if not moving.any():
            break
        if not moving.all():
            active, x, counts, new = active[moving], x[moving], counts[moving], new[moving]
        current = new
    converged = step < TOLERANCE
    mu = np.exp(eta)
    loglik = (y * eta - mu).sum(axis=1) - gammaln(y + 1).sum(axis=1)
    collapsed = ((mu < COLLAPSE) & (y == 0)).any(axis=1)
    return Fits(beta, loglik, converged, collapsed)


def _solve(a: FloatArray, b: FloatArray) -> FloatArray:
    try:
        return np.linalg.solve(a, b[:, :, None])[:, :, 0].astype(np.float64, copy=False)
    except np.linalg.LinAlgError:
        # One singular candidate must not sink the whole stack: least squares each.
        return np.stack(
            [np.linalg.lstsq(ai, bi, rcond=None)[0] for ai, bi in zip(a, b, strict=True)]
        )


def mle_exists(x: FloatArray, y: FloatArray) -> bool:
    """Fienberg and Rinaldo's check: is there a strictly positive mu with X'mu = X'y?

    If not, the maximum likelihood estimate lies on the boundary: some parameter is
    infinite and the model cannot be used (SparseMSE's `checkident` refuses such models).
    Existence depends only on which cells are zero, so the answer is cached by that
    pattern: bootstrap replicates share few patterns.
    """
    return _exists(np.ascontiguousarray(x).tobytes(), x.shape, (y > 0).tobytes())


@lru_cache(maxsize=4096)
def _exists(design_bytes: bytes, shape: tuple[int, int], support: bytes) -> bool:
    from scipy.optimize import linprog

    n, p = shape
    x = np.frombuffer(design_bytes, dtype=np.float64).reshape(shape)
    positive = np.frombuffer(support, dtype=np.bool_).astype(np.float64)
    target = positive / max(float(positive.sum()), 1.0)
    # Variables: mu (n) and s; maximise s subject to mu_i >= s, X'mu = X'y, s <= 1.
    cost = np.zeros(n + 1)
    cost[-1] = -1.0
    a_ub = np.hstack([-np.eye(n), np.ones((n, 1))])
    a_eq = np.hstack([x.T, np.zeros((p, 1))])
    result = linprog(
        cost,
        A_ub=a_ub,
        b_ub=np.zeros(n),
        A_eq=a_eq,
        b_eq=x.T @ target,
        bounds=[(0, None)] * n + [(0, 1)],
        method="highs",
    )
    return bool(result.status == 0 and -result.fun > 1e-9)


def fit_statsmodels(xs: FloatArray, y: FloatArray, start: FloatArray | None = None) -> Fits:
    """The same fits through statsmodels' GLM, one at a time (reference and baseline)."""
    import statsmodels.api as sm

    betas, logliks, converged, collapsed = [], [], [], []
    for x, counts in zip(xs, np.broadcast_to(y, xs.shape[:2]), strict=True):
        result = sm.GLM(counts, x, family=sm.families.Poisson()).fit(tol=1e-10)
        mu = np.asarray(result.fittedvalues)
        betas.append(np.asarray(result.params))
        logliks.append(float(result.llf))
        converged.append(bool(result.converged))
        collapsed.append(bool(((mu < COLLAPSE) & (counts == 0)).any()))
    return Fits(np.array(betas), np.array(logliks), np.array(converged), np.array(collapsed))
