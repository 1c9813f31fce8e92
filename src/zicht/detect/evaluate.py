"""Measuring the detector against ground truth: precision, recall, F1 and ROC AUC.

Overall, a document is predicted positive when its score reaches the threshold.
Per form, the task is one-vs-rest: the gold positives are trafficking documents
of that form; a document is predicted positive for the form when its score
reaches the threshold and the detector names that form; the ranking score for
ROC AUC is the per-form score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from zicht.detect.model import Example
from zicht.detect.scorer import FORMS

if TYPE_CHECKING:
    from zicht.detect.detector import Detector

DEFAULT_THRESHOLD = 0.5


def _metrics(
    truth: Sequence[int], predicted: Sequence[int], scores: Sequence[float]
) -> dict[str, Any]:
    from sklearn.metrics import precision_recall_fscore_support, roc_auc_score

    precision, recall, f1, _ = precision_recall_fscore_support(
        truth, predicted, average="binary", zero_division=0
    )
    auc = roc_auc_score(truth, scores) if len(set(truth)) == 2 else None
    return {
        "precision": round(float(precision), 4),
        "recall": round(float(recall), 4),
        "f1": round(float(f1), 4),
        "roc_auc": None if auc is None else round(float(auc), 4),
        "positives": int(sum(truth)),
        "documents": len(truth),
    }


def evaluate(
    detector: Detector, examples: Sequence[Example], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, Any]:
    """Figures overall and per form, with the threshold and the method that produced them."""
    analyses = detector.analyse_many([e.text for e in examples])
    truth = [e.label for e in examples]
    scores = [a.score for a in analyses]
    result: dict[str, Any] = {
        "threshold": threshold,
        "method": detector.method,
        "overall": _metrics(truth, [int(s >= threshold) for s in scores], scores),
        "forms": {},
    }
    for form in FORMS:
        form_truth = [int(e.label == 1 and e.form == form) for e in examples]
        if not any(form_truth):
            continue
        predicted = [int(a.score >= threshold and a.form == form) for a in analyses]
        result["forms"][form] = _metrics(
            form_truth, predicted, [a.form_scores[form] for a in analyses]
        )
    return result


def format_report(result: dict[str, Any]) -> list[str]:
    lines = [f"threshold {result['threshold']}  method {result['method']}"]
    lines.append(
        f"{'':10} {'precision':>9} {'recall':>7} {'f1':>6} {'roc_auc':>7} {'pos':>5} {'docs':>6}"
    )
    rows = [("overall", result["overall"]), *result["forms"].items()]
    for name, m in rows:
        auc = "-" if m["roc_auc"] is None else f"{m['roc_auc']:.3f}"
        lines.append(
            f"{name:10} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:6.3f} {auc:>7} "
            f"{m['positives']:5d} {m['documents']:6d}"
        )
    return lines
