"""The detector: matcher, weight scorer and (optionally) the learned model behind one call.

Without a model the score is the noisy-or of the indicator weights; with one it
is the model's calibrated probability, and the explanation carries both the
weights' contributions and the model's coefficient for every indicator that fired.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zicht.detect import model as model_io
from zicht.detect.matcher import matcher_for
from zicht.detect.model import DetectModel, Example
from zicht.detect.scorer import FORMS, Analysis, score_hits
from zicht.detect.taxonomy import Taxonomy, default_taxonomy

BATCH = 256


class Detector:
    def __init__(self, taxonomy: Taxonomy | None = None, model: DetectModel | None = None) -> None:
        self.taxonomy = taxonomy or default_taxonomy()
        self.matcher = matcher_for(self.taxonomy)
        self.model = model
        self.weights = (
            dict(model.weights) if model else {i.id: i.weight for i in self.taxonomy.indicators}
        )
        self._coefficients = model.indicator_coefficients() if model else {}
        # As the explanation shows them: rounded once, not per document.
        self._rounded = {i: round(c, 4) for i, c in self._coefficients.items()}

    @classmethod
    def load(cls, model_path: Path | None = None, taxonomy: Taxonomy | None = None) -> Detector:
        taxonomy = taxonomy or default_taxonomy()
        model = model_io.load(model_path, taxonomy) if model_path else None
        return cls(taxonomy, model)

    @property
    def method(self) -> str:
        return f"model:{self.model.version}" if self.model else "weights"

    def weigh(self, text: str) -> Analysis:
        """Match and score by the weights alone (the part that needs no model)."""
        return score_hits(self.taxonomy, self.matcher.find(text), self.weights)

    def analyse(self, text: str) -> Analysis:
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: Sequence[str]) -> list[Analysis]:
        weighed = [self.weigh(text) for text in texts]
        if self.model is None or not texts:
            return weighed
        results: list[Analysis] = []
        for offset in range(0, len(texts), BATCH):
            chunk, analyses = texts[offset : offset + BATCH], weighed[offset : offset + BATCH]
            results.extend(self._with_model(analyses, *self.model.predict(chunk, analyses)))
        return results

    def _with_model(self, analyses: Sequence[Analysis], scores: Any, forms: Any) -> list[Analysis]:
        """The batch's analyses with the model's score, form scores and form.

        Form scores and the most likely form come out of the batch's arrays in one step
        each; Python floats are read once per batch (element-wise numpy reads are slow).
        """
        import numpy as np

        assert self.model is not None
        names = self.model.forms or ["other"]
        # P(form) of each of FORMS per document; a form the model does not know has 0.
        known = [names.index(form) if form in names else -1 for form in FORMS]
        form_probabilities = np.zeros((len(analyses), len(FORMS)))
        for column, source in enumerate(known):
            if 0 <= source < forms.shape[1]:
                form_probabilities[:, column] = forms[:, source]
        form_rows = (scores[:, None] * form_probabilities).tolist()
        best = [names[i] for i in np.argmax(forms[:, : len(names)], axis=1).tolist()]
        method, rounded, by_model = self.method, self._rounded, bool(self.model.forms)
        results = []
        for analysis, score, form_row, likely in zip(
            analyses, scores.tolist(), form_rows, best, strict=True
        ):
            fired = {hit.indicator for hit in analysis.hits if hit.counted}
            form = None
            if fired or score >= 0.5:
                form = likely if by_model else analysis.form
            results.append(
                Analysis(
                    score,
                    form,
                    dict(zip(FORMS, form_row, strict=True)),
                    analysis.hits,
                    analysis.contributions,
                    method,
                    {i: rounded.get(i, 0.0) for i in sorted(fired)} if fired else {},
                )
            )
        return results


def train(
    examples: Sequence[Example],
    *,
    taxonomy: Taxonomy | None = None,
    source: Path | None = None,
    ngrams: bool = True,
    holdout: float = 0.2,
    seed: int = 0,
) -> DetectModel:
    """Fit weights and model; measure on a stratified held-out part first, then refit on all."""
    from zicht.detect.evaluate import evaluate

    taxonomy = taxonomy or default_taxonomy()
    base = Detector(taxonomy)
    analyses = [base.weigh(e.text) for e in examples]
    card = model_io.new_card(taxonomy, model_io.describe_data(source, examples), ngrams)
    card["params"] = {"holdout": holdout, "seed": seed, "ngrams": ngrams}
    train_idx, test_idx = _split([e.label for e in examples], holdout, seed)
    if test_idx:
        part = [examples[i] for i in train_idx]
        part_analyses = [analyses[i] for i in train_idx]
        trial = _build(taxonomy, part, part_analyses, ngrams, card)
        held = [examples[i] for i in test_idx]
        card["metrics"] = {"held_out": evaluate(Detector(taxonomy, trial), held)}
        card["metrics"]["held_out"]["documents"] = len(held)
    return _build(taxonomy, examples, analyses, ngrams, card)


def _build(
    taxonomy: Taxonomy,
    examples: Sequence[Example],
    analyses: Sequence[Analysis],
    ngrams: bool,
    card: dict[str, Any],
) -> DetectModel:
    weights = model_io.fit_weights(taxonomy, examples, analyses)
    refit = Detector(taxonomy)
    refit.weights = weights
    reweighed = [refit.weigh(e.text) for e in examples]
    classifier, form_classifier, forms, features = model_io.fit(
        taxonomy, examples, reweighed, ngrams=ngrams
    )
    return DetectModel(classifier, form_classifier, forms, features, weights, dict(card))


def _split(labels: Sequence[int], holdout: float, seed: int) -> tuple[list[int], list[int]]:
    """A stratified split; no held-out part when a label has too few documents to spare."""
    import random

    rng = random.Random(seed)
    train_idx: list[int] = []
    test_idx: list[int] = []
    for label in sorted(set(labels)):
        members = [i for i, value in enumerate(labels) if value == label]
        rng.shuffle(members)
        take = int(len(members) * holdout)
        if len(members) - take < 4 or take < 2:
            return list(range(len(labels))), []
        test_idx += members[:take]
        train_idx += members[take:]
    return sorted(train_idx), sorted(test_idx)
