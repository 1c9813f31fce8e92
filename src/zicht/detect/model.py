"""The learned scorer: calibrated logistic regression, saved as a versioned, auditable artefact.

An artefact is a directory with `model.joblib` and `card.json`. The card says
what the model was trained on (file, hash, counts per label, form, kind and
language), with which parameters, how it scored on a held-out part of its
training file, the indicator weights refitted on that data, and the hash of
the joblib file, which is checked before the file is unpickled.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from zicht.detect.features import NGRAM_FEATURES, NGRAM_RANGE, FeatureBuilder
from zicht.detect.scorer import FORMS, Analysis
from zicht.detect.taxonomy import Taxonomy
from zicht.errors import ConfigurationError, InvalidInput

# /2: character n-grams hashed by `zicht.detect.ngrams` (/1 used scikit-learn's hasher).
FORMAT = "zicht-detect-model/2"
PRIOR_STRENGTH = 5.0  # how many labelled hits it takes to move a weight halfway from the taxonomy's


def one_thread() -> Any:
    """BLAS/OpenMP on one thread: small sparse fits run far faster than oversubscribed."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    label: int
    form: str | None = None
    kind: str | None = None
    lang: str | None = None


@dataclass
class DetectModel:
    classifier: Any
    form_classifier: Any | None
    forms: list[str]
    features: FeatureBuilder
    weights: dict[str, float]
    card: dict[str, Any]
    _plan: Any = field(default=None, repr=False, compare=False)

    @property
    def version(self) -> str:
        return str(self.card["version"])

    def indicator_coefficients(self) -> dict[str, float]:
        """Mean coefficient per indicator over the calibration folds (log-odds units)."""
        import numpy as np

        coefs = [c.estimator.coef_[0] for c in self.classifier.calibrated_classifiers_]
        mean = np.mean(coefs, axis=0)
        return {name: float(mean[i]) for i, name in enumerate(self.features.indicator_ids)}

    def predict(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> tuple[Any, Any]:
        """P(trafficking) per document, and P(form | trafficking) per document and form."""
        import numpy as np

        from zicht.detect import linear

        if self._plan is None:
            self._plan = linear.compile_plan(self.classifier, self.form_classifier) or False
        if self._plan:
            dense = self.features.dense(texts, analyses)
            masked = self.features.masked(texts, analyses) if self.features.ngrams else None
            return linear.predict_texts(self._plan, dense, masked)
        matrix = self.features.build(texts, analyses)
        with one_thread():
            score = self.classifier.predict_proba(matrix)[:, 1]
            if self.form_classifier is None:
                forms = np.ones((len(texts), 1))
            else:
                forms = self.form_classifier.predict_proba(matrix)
        return score, forms


def fit_weights(
    taxonomy: Taxonomy, examples: Sequence[Example], analyses: Sequence[Analysis]
) -> dict[str, float]:
    """Each indicator's weight as its smoothed precision on labelled data, the taxonomy as prior."""
    fired: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for example, analysis in zip(examples, analyses, strict=True):
        for name in {hit.indicator for hit in analysis.signals}:
            fired[name] += 1
            right[name] += example.label
    weights = {}
    for indicator in taxonomy.indicators:
        prior = indicator.weight
        value = (right[indicator.id] + PRIOR_STRENGTH * prior) / (
            fired[indicator.id] + PRIOR_STRENGTH
        )
        weights[indicator.id] = float(min(0.95, max(0.01, value)))
    return weights


def _calibrated(labels: Sequence[int]) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression

    folds = max(2, min(3, min(Counter(labels).values())))
    base = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced", solver="liblinear")
    return CalibratedClassifierCV(base, method="sigmoid", cv=folds)


def fit(
    taxonomy: Taxonomy,
    examples: Sequence[Example],
    analyses: Sequence[Analysis],
    *,
    ngrams: bool = True,
) -> tuple[Any, Any | None, list[str], FeatureBuilder]:
    """Fit the calibrated classifier and the form classifier on examples already matched."""
    labels = [e.label for e in examples]
    counts = Counter(labels)
    if len(counts) < 2 or min(counts.values()) < 2:
        raise InvalidInput(
            "training needs at least two documents of each label; "
            f"got {dict(sorted(counts.items()))}"
        )
    with one_thread():
        masked = [i.id for i in taxonomy.indicators if i.profiling_risk]
        features = FeatureBuilder(taxonomy.ids, ngrams=ngrams, masked=masked)
        return _fit(examples, analyses, features, labels)


def _fit(
    examples: Sequence[Example],
    analyses: Sequence[Analysis],
    features: FeatureBuilder,
    labels: list[int],
) -> tuple[Any, Any | None, list[str], FeatureBuilder]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    matrix = features.build([e.text for e in examples], analyses)
    classifier = _calibrated(labels).fit(matrix, np.asarray(labels))
    positive = [i for i, e in enumerate(examples) if e.label == 1 and e.form in (*FORMS, "other")]
    forms = sorted({str(examples[i].form) for i in positive if examples[i].form})
    form_classifier = None
    if len(forms) >= 2:
        # No class balancing here: which form a positive shows follows the forms' own
        # frequencies, and balancing pushed sexual-exploitation documents into the rarer
        # forms (labour precision 0.52 -> 0.84 on the demo world's held-out part).
        form_classifier = LogisticRegression(C=1.0, max_iter=1000)
        form_classifier.fit(matrix[positive], [examples[i].form for i in positive])
        forms = [str(f) for f in form_classifier.classes_]
    return classifier, form_classifier, forms, features


def describe_data(path: Path | None, examples: Sequence[Example]) -> dict[str, Any]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path and path.exists() else None
    return {
        "file": str(path) if path else None,
        "sha256": digest,
        "documents": len(examples),
        "labels": dict(Counter(str(e.label) for e in examples)),
        "forms": dict(Counter(str(e.form) for e in examples if e.label == 1)),
        "kinds": dict(Counter(str(e.kind) for e in examples)),
        "langs": dict(Counter(str(e.lang) for e in examples)),
    }


def new_card(taxonomy: Taxonomy, data: dict[str, Any], ngrams: bool) -> dict[str, Any]:
    from zicht import __version__ as zicht_version

    now = datetime.now(UTC)
    return {
        "format": FORMAT,
        "version": now.strftime("%Y%m%dT%H%M%SZ"),
        "created_at": now.isoformat(timespec="seconds"),
        "zicht_version": zicht_version,
        "taxonomy_version": taxonomy.version,
        "taxonomy_fingerprint": taxonomy.fingerprint(),
        "estimator": "CalibratedClassifierCV(LogisticRegression(liblinear), sigmoid, cv=3)",
        "features": {
            "indicators": len(taxonomy.ids),
            "weight_score_logit": True,
            "form_weight_score_logits": list(FORMS),
            "char_ngrams": list(NGRAM_RANGE) if ngrams else None,
            "ngram_values": "count / sqrt(n-grams in the document)",
            "masked_from_ngrams": [i.id for i in taxonomy.indicators if i.profiling_risk],
            "hashed_features": NGRAM_FEATURES if ngrams else 0,
        },
        "training_data": data,
    }


def save(model: DetectModel, directory: Path) -> Path:
    import joblib

    directory.mkdir(parents=True, exist_ok=True)
    blob = directory / "model.joblib"
    joblib.dump(
        {
            "classifier": model.classifier,
            "form_classifier": model.form_classifier,
            "forms": model.forms,
            "features": model.features,
        },
        blob,
        compress=3,
    )
    card = dict(model.card, weights=model.weights)
    card["joblib_sha256"] = hashlib.sha256(blob.read_bytes()).hexdigest()
    (directory / "card.json").write_text(json.dumps(card, indent=2, sort_keys=True), "utf-8")
    model.card = card
    return directory


def load(directory: Path, taxonomy: Taxonomy) -> DetectModel:
    """Load an artefact, refusing one that was altered or made for another taxonomy."""
    import joblib

    card_path, blob = directory / "card.json", directory / "model.joblib"
    if not card_path.exists() or not blob.exists():
        raise ConfigurationError(
            f"{directory} is not a detect model (needs card.json and model.joblib)"
        )
    card = json.loads(card_path.read_text("utf-8"))
    if card.get("format") != FORMAT:
        raise ConfigurationError(
            f"{directory}: model format {card.get('format')!r}, expected {FORMAT}"
        )
    if hashlib.sha256(blob.read_bytes()).hexdigest() != card.get("joblib_sha256"):
        raise ConfigurationError(f"{directory}: model.joblib does not match its card (altered?)")
    if card.get("taxonomy_fingerprint") != taxonomy.fingerprint():
        raise ConfigurationError(
            f"{directory}: trained on taxonomy {card.get('taxonomy_version')} "
            f"({card.get('taxonomy_fingerprint')}); the current one is {taxonomy.version} "
            f"({taxonomy.fingerprint()}): retrain with `zicht detect-train`"
        )
    parts = joblib.load(blob)
    return DetectModel(
        parts["classifier"],
        parts["form_classifier"],
        parts["forms"],
        parts["features"],
        {str(k): float(v) for k, v in card["weights"].items()},
        card,
    )
