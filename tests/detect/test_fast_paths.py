"""The vectorised paths give what the plain ones give: hashed n-grams and the stacked model."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.detect.corpus import held_out_examples, training_examples
from zicht.detect import Detector, features, linear, ngrams, train

MASK = 2**32


def reference(text: str, n_features: int) -> list[int]:
    """The same hash, one n-gram at a time in plain Python integers."""
    points = [int(p) for p in ngrams.codes(text)]
    out = []
    for n in ngrams.SIZES:
        for i in range(len(points) - n + 1):
            value = 0
            for point in points[i : i + n]:
                value = (value * 0x01000193 + point) % MASK
            value = ((value ^ n) * 0x9E3779B1) % MASK
            value ^= value >> 15
            out.append(value & (n_features - 1))
    return sorted(out)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_batch_hashing_equals_one_text_at_a_time(texts: list[str]) -> None:
    matrix = ngrams.transform(texts, 2**10)
    assert matrix.shape == (len(texts), 2**10)
    for row, text in enumerate(texts):
        got = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
        assert sorted(got.tolist()) == reference(text, 2**10)
        values = matrix.data[matrix.indptr[row] : matrix.indptr[row + 1]]
        if len(values):
            assert values == pytest.approx(1 / np.sqrt(len(values)))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="abcXYZ 0123\t\né.'", max_size=30), min_size=1, max_size=8))
def test_hashing_in_small_chunks_gives_the_same_n_grams(texts: list[str]) -> None:
    # The batch is hashed a chunk of positions at a time; n-grams across a chunk's end
    # and chunks shorter than an n-gram must come out as in one piece.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ngrams, "CHUNK", 7)
        matrix = ngrams.transform(texts, 2**10)
    for row, text in enumerate(texts):
        got = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
        assert sorted(got.tolist()) == reference(text, 2**10)


def test_folding_matches_case_accents_and_white_space() -> None:
    matrix = ngrams.transform(["Café\tNoir", "cafe noir"], 2**12)
    first, second = (sorted(matrix[i].indices.tolist()) for i in range(2))
    assert first == second
    with pytest.raises(ValueError, match="power of two"):
        ngrams.transform(["x"], 1000)


def test_the_stacked_model_predicts_what_scikit_learn_predicts() -> None:
    model = train(training_examples(), holdout=0.0)
    texts = [e.text for e in held_out_examples()]
    analyses = [Detector(model=model).weigh(text) for text in texts]
    matrix = model.features.build(texts, analyses)
    plan = linear.compile_plan(model.classifier, model.form_classifier)
    assert plan is not None and model.form_classifier is not None
    score, forms = linear.predict(plan, matrix)
    assert score == pytest.approx(model.classifier.predict_proba(matrix)[:, 1], abs=1e-12)
    assert forms == pytest.approx(model.form_classifier.predict_proba(matrix), abs=1e-12)
    split_score, split_forms = linear.predict_parts(plan, *model.features.parts(texts, analyses))
    assert split_score == pytest.approx(score, abs=1e-12)
    assert split_forms == pytest.approx(forms, abs=1e-12)
    # Hashed and multiplied in one pass: the same numbers as the matrix product, bit for bit.
    dense = model.features.dense(texts, analyses)
    direct = linear.predict_texts(plan, dense, model.features.masked(texts, analyses))
    assert np.array_equal(direct[0], split_score) and np.array_equal(direct[1], split_forms)
    assert model.predict(texts, analyses)[0] == pytest.approx(score, abs=1e-12)
    # A model of another shape keeps scikit-learn's own path.
    assert linear.compile_plan(object(), None) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcXYZ 0123\t\n.'", max_size=12), min_size=1, max_size=8))
def test_an_ascii_batch_hashes_as_its_texts_do_one_by_one(texts: list[str]) -> None:
    matrix = ngrams.transform(texts, 2**10)
    for row, text in enumerate(texts):
        got = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
        assert sorted(got.tolist()) == reference(text, 2**10)


def test_the_dense_features_are_the_indicators_and_the_logit_scores() -> None:
    model = train(training_examples(), holdout=0.0)
    texts = [e.text for e in held_out_examples()]
    analyses = [Detector(model=model).weigh(text) for text in texts]
    dense, _ = model.features.parts(texts, analyses)
    base = len(model.features.indicator_ids)
    for row, analysis in enumerate(analyses):
        fired = {model.features.index[hit.indicator] for hit in analysis.signals}
        assert {int(i) for i in np.flatnonzero(dense[row, :base])} == fired
        assert dense[row, base] == features._logit(analysis.score) / 4.0


def _compiled_hashing() -> object:
    try:
        from zicht.detect import _hashing
    except ImportError as missing:  # pragma: no cover - says what to do, then fails
        pytest.fail(f"the compiled n-gram product is not built ({missing}): run `make install`")
    return _hashing


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.text(max_size=60), min_size=1, max_size=8),
    st.sampled_from([2**4, 2**10, 2**16]),
    st.integers(1, 7),
    st.integers(0, 2**32 - 1),
)
def test_the_one_pass_product_is_the_matrix_product(
    texts: list[str], n_features: int, width: int, seed: int
) -> None:
    _compiled_hashing()
    weights = np.random.default_rng(seed).normal(size=(n_features, width))
    expected = ngrams.transform(texts, n_features) @ weights
    got = ngrams.product(texts, weights)
    assert got.shape == (len(texts), width)
    assert np.array_equal(got, expected), "a stale build? run `make install`"


def test_the_one_pass_product_without_the_compiled_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    weights = np.random.default_rng(3).normal(size=(2**10, 3))
    texts = ["Nieuw in de stad, net 18", "", "Café"]
    compiled = ngrams.product(texts, weights)
    monkeypatch.setattr(ngrams, "_compiled", lambda: None)
    assert np.array_equal(ngrams.product(texts, weights), compiled)
