"""The fitted scikit-learn models as one sparse-times-dense product per batch.

A calibrated score is the mean over three cross-validation folds of a sigmoid of
a logistic regression, and the form is a softmax over another; scikit-learn
computes these as four separate products with validation around each, which cost
more than building the features. Stacking every coefficient vector into one
matrix makes the whole prediction one product plus a few array operations.
`predict` gives what `predict_proba` gives (a test holds it to that); models of
another shape (not sigmoid-calibrated logistic regressions) keep the slow path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class LinearPlan:
    weights: Any  # (n_features, folds + form columns)
    intercepts: Any
    slopes: Any  # sigmoid calibration per fold: p = 1 / (1 + exp(a * d + b))
    offsets: Any
    folds: int
    form_columns: int  # 0: no form model; 1: two forms (one decision column)


def compile_plan(classifier: Any, form_classifier: Any | None) -> LinearPlan | None:
    """The stacked plan, or None when a model is not of the shape this can reproduce."""
    from sklearn.linear_model import LogisticRegression

    columns, intercepts, slopes, offsets = [], [], [], []
    for fold in getattr(classifier, "calibrated_classifiers_", []):
        estimator, calibrators = fold.estimator, fold.calibrators
        if (
            not isinstance(estimator, LogisticRegression)
            or fold.method != "sigmoid"
            or len(calibrators) != 1
            or estimator.coef_.shape[0] != 1
        ):
            return None
        columns.append(estimator.coef_[0])
        intercepts.append(float(estimator.intercept_[0]))
        slopes.append(float(calibrators[0].a_))
        offsets.append(float(calibrators[0].b_))
    if not columns:
        return None
    form_columns = 0
    if form_classifier is not None:
        if not isinstance(form_classifier, LogisticRegression) or (
            form_classifier.solver == "liblinear"  # one-vs-rest, not a softmax
        ):
            return None
        columns.extend(form_classifier.coef_)
        intercepts.extend(float(v) for v in form_classifier.intercept_)
        form_columns = form_classifier.coef_.shape[0]
    return LinearPlan(
        np.ascontiguousarray(np.column_stack(columns)),
        np.asarray(intercepts),
        np.asarray(slopes),
        np.asarray(offsets),
        len(slopes),
        form_columns,
    )


def predict(plan: LinearPlan, matrix: Any) -> tuple[Any, Any]:
    """P(trafficking) per row, and P(form) per row and form (one column when no form model)."""
    return _probabilities(plan, matrix @ plan.weights + plan.intercepts)


def predict_parts(plan: LinearPlan, dense: Any, grams: Any | None) -> tuple[Any, Any]:
    """The same from the two blocks of `FeatureBuilder.parts`, without stacking them."""
    width = dense.shape[1]
    decision = dense @ plan.weights[:width] + plan.intercepts
    if grams is not None:
        decision += grams @ plan.weights[width:]
    return _probabilities(plan, decision)


def predict_texts(plan: LinearPlan, dense: Any, texts: Sequence[str] | None) -> tuple[Any, Any]:
    """The same from the dense block and the (masked) texts whose n-grams are the rest:
    their product is taken as they are hashed (`ngrams.product`), with no matrix built."""
    from zicht.detect import ngrams

    width = dense.shape[1]
    decision = dense @ plan.weights[:width] + plan.intercepts
    if texts is not None:
        decision += ngrams.product(texts, plan.weights[width:])
    return _probabilities(plan, decision)


def _probabilities(plan: LinearPlan, decision: Any) -> tuple[Any, Any]:
    folds = decision[:, : plan.folds]
    score = (1.0 / (1.0 + np.exp(plan.slopes * folds + plan.offsets))).mean(axis=1)
    if plan.form_columns == 0:
        return score, np.ones((decision.shape[0], 1))
    forms = decision[:, plan.folds :]
    if plan.form_columns == 1:  # two forms: one decision d, P(second) = sigmoid(d)
        second = 1.0 / (1.0 + np.exp(-forms[:, 0]))
        return score, np.column_stack([1.0 - second, second])
    forms = np.exp(forms - forms.max(axis=1, keepdims=True))
    return score, forms / forms.sum(axis=1, keepdims=True)
