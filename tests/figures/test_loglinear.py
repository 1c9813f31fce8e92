"""The numpy IRLS agrees with statsmodels' GLM, and the existence check with known cases."""

from __future__ import annotations

import numpy as np
import pytest

from zicht.figures.mse import from_combinations, select_model
from zicht.figures.mse.loglinear import design, fit_batch, fit_statsmodels, mle_exists
from zicht.figures.mse.simulate import simulate


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_irls_agrees_with_statsmodels(seed: int) -> None:
    table = simulate(3000, [0.1, 0.2, 0.15, 0.3, 0.12], dependent=[(0, 2, 0.4)], seed=seed)
    y = table.counts.astype(float)
    xs = np.stack(
        [
            design(table.patterns, []),
            *[design(table.patterns, [(0, 2), pair]) for pair in [(1, 3), (2, 4), (0, 1)]],
        ][1:]
    )
    ours = fit_batch(xs, y)
    reference = fit_statsmodels(xs, y)
    np.testing.assert_allclose(ours.beta, reference.beta, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(ours.loglik, reference.loglik, rtol=1e-9)
    assert ours.converged.all()
    main = design(table.patterns, [])[None]
    np.testing.assert_allclose(fit_batch(main, y).beta, fit_statsmodels(main, y).beta, rtol=1e-6)


def test_whole_selection_agrees_with_statsmodels() -> None:
    table = simulate(4000, [0.15, 0.2, 0.1, 0.25], dependent=[(1, 3, 0.6)], seed=7)
    for criterion in ("aic", "bic"):
        ours = select_model(table, criterion)
        reference = select_model(table, criterion, fitter=fit_statsmodels)
        assert ours.terms == reference.terms
        assert ours.total == pytest.approx(reference.total, rel=1e-6)


def test_existence_check_on_known_cases() -> None:
    # Two lists that never overlap: the independence model has no finite estimate.
    apart = from_combinations(["A", "B"], [((1, 0), 10), ((0, 1), 5)])
    assert not mle_exists(design(apart.patterns, []), apart.counts.astype(float))
    overlapping = from_combinations(["A", "B"], [((1, 0), 10), ((0, 1), 5), ((1, 1), 2)])
    assert mle_exists(design(overlapping.patterns, []), overlapping.counts.astype(float))
    # Three lists, A and C never together: the A:C interaction would be minus infinity.
    table = from_combinations(
        ["A", "B", "C"],
        [((1, 0, 0), 40), ((0, 1, 0), 30), ((0, 0, 1), 20), ((1, 1, 0), 8), ((0, 1, 1), 6)],
    )
    y = table.counts.astype(float)
    assert mle_exists(design(table.patterns, [(0, 1)]), y)
    assert not mle_exists(design(table.patterns, [(0, 2)]), y)


def test_a_fit_heading_for_the_boundary_does_not_disturb_the_others() -> None:
    table = from_combinations(
        ["A", "B", "C"],
        [((1, 0, 0), 40), ((0, 1, 0), 30), ((0, 0, 1), 20), ((1, 1, 0), 8), ((0, 1, 1), 6)],
    )
    y = table.counts.astype(float)
    xs = np.stack([design(table.patterns, [(0, 1)]), design(table.patterns, [(0, 2)])])
    fits = fit_batch(xs, y)
    assert not fits.collapsed[0] and fits.collapsed[1]
    np.testing.assert_allclose(fits.beta[0], fit_statsmodels(xs[:1], y).beta[0], rtol=1e-6)
