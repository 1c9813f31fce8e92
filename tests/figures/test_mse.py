"""The dark-number estimator on populations whose size we know."""

from __future__ import annotations

import numpy as np
import pytest

from zicht.figures.mse import (
    NoFiniteEstimate,
    estimate,
    estimate_by_stratum,
    from_combinations,
    select_model,
)
from zicht.figures.mse.simulate import simulate

SIZE = 1500


def test_recovers_a_known_population_in_most_replications() -> None:
    """A closed population of 1,500 on four lists, two of them dependent (A refers to B)."""
    covered, estimates = 0, []
    for r in range(40):
        table = simulate(SIZE, [0.2, 0.25, 0.3, 0.2], dependent=[(0, 1, 0.6)], seed=1000 + r)
        result = estimate(table, bootstrap=100, seed=r)
        assert result.ci_low is not None and result.ci_high is not None
        assert result.ci_low <= result.estimate <= result.ci_high
        covered += result.ci_low <= SIZE <= result.ci_high
        estimates.append(result.estimate)
    assert covered >= 34, f"the 95% interval covered {SIZE} in only {covered} of 40"
    assert abs(np.mean(estimates) - SIZE) < 0.05 * SIZE


def test_ignoring_the_dependence_would_be_biased() -> None:
    """The planted A-B dependence matters: the chosen model must carry it."""
    table = simulate(20_000, [0.1, 0.15, 0.2, 0.1, 0.12], dependent=[(2, 4, 0.5)], seed=3)
    for criterion in ("aic", "bic"):
        model = select_model(table, criterion)
        assert "C:E" in model.terms
        assert model.total == pytest.approx(20_000, rel=0.06)


def test_pairs_without_overlap_are_left_out_and_said_so() -> None:
    table = simulate(3000, [0.2, 0.25, 0.3], seed=11)
    counts = table.counts.copy()
    counts[(table.patterns[:, 0] == 1) & (table.patterns[:, 2] == 1)] = 0  # A and C never meet
    result = estimate(table.with_counts(counts), bootstrap=50, seed=1)
    assert "A:C" not in result.model
    assert any(note.startswith("A:C not estimable") for note in result.notes)
    assert np.isfinite(result.estimate)


def test_lists_that_never_overlap_have_no_finite_estimate() -> None:
    with pytest.raises(NoFiniteEstimate, match="no finite estimate"):
        estimate(from_combinations(["A", "B"], [((1, 0), 10), ((0, 1), 5)]), bootstrap=0)
    apart = from_combinations(["A", "B", "C"], [((1, 0, 0), 10), ((0, 1, 0), 5), ((0, 0, 1), 7)])
    with pytest.raises(NoFiniteEstimate, match="A&B=0, A&C=0, B&C=0"):
        estimate(apart, bootstrap=0)


def test_two_lists_is_the_lincoln_petersen_estimate() -> None:
    table = from_combinations(["A", "B"], [((1, 0), 60), ((0, 1), 40), ((1, 1), 20)])
    result = estimate(table, bootstrap=200, seed=5)
    assert result.estimate == pytest.approx(80 * 60 / 20)  # n_A * n_B / m
    assert result.model == ["A", "B"]
    assert result.ci_low is not None and result.ci_high is not None
    assert result.ci_low < 240 < result.ci_high


def test_bootstrap_is_seedable_and_criterion_is_checked() -> None:
    table = simulate(2000, [0.2, 0.2, 0.3], seed=4)
    first = estimate(table, bootstrap=60, seed=9)
    assert first == estimate(table, bootstrap=60, seed=9)
    with pytest.raises(Exception, match="criterion 'cp' is not one of aic, bic"):
        estimate(table, criterion="cp", bootstrap=0)


def test_sparse_bootstrap_reports_an_unbounded_upper_limit() -> None:
    """With one person linking two lists, many resamples have no overlap at all."""
    table = from_combinations(["A", "B"], [((1, 0), 30), ((0, 1), 25), ((1, 1), 1)])
    result = estimate(table, bootstrap=200, seed=2)
    assert result.ci_high is None
    assert any("no finite estimate" in note for note in result.notes)


def test_by_stratum_estimates_each_and_names_a_failing_stratum() -> None:
    adults = simulate(2000, [0.2, 0.25, 0.3], seed=21)
    minors = simulate(400, [0.3, 0.2, 0.25], seed=22)
    results = estimate_by_stratum({"adult": adults, "minor": minors}, bootstrap=50, seed=1)
    assert set(results) == {"adult", "minor"}
    assert results["minor"].estimate == pytest.approx(400, rel=0.25)
    broken = from_combinations(["A", "B"], [((1, 0), 10), ((0, 1), 5)])
    with pytest.raises(NoFiniteEstimate, match="stratum 'broken': no finite estimate"):
        estimate_by_stratum({"adult": adults, "broken": broken}, bootstrap=0)


def test_resamples_that_lose_a_small_list_drop_it() -> None:
    """A list with two people vanishes from some resamples; the estimate goes on without it."""
    table = simulate(2000, [0.25, 0.3, 0.2], seed=8)
    rows = [((*map(int, p), 0), int(n)) for p, n in zip(table.patterns, table.counts, strict=True)]
    wider = from_combinations(["A", "B", "C", "D"], [*rows, ((1, 0, 0, 1), 1), ((0, 0, 0, 1), 1)])
    result = estimate(wider, bootstrap=200, seed=3)
    assert result.ci_low is not None and result.ci_high is not None
    assert result.ci_low < result.estimate < result.ci_high
