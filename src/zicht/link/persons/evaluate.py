"""Pairwise precision, recall and F1 of a clustering against ground truth."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PairwiseScores:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_pairs": self.true_pairs,
            "predicted_pairs": self.predicted_pairs,
            "correct_pairs": self.correct_pairs,
        }


def _pairs(counts: Counter[object]) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def pairwise(predicted: Mapping[str, object], gold: Mapping[str, object]) -> PairwiseScores:
    """Scores over the records both sides know; counted from cluster sizes, not pair lists."""
    common = [uid for uid in predicted if uid in gold]
    pred = _pairs(Counter(predicted[u] for u in common))
    true = _pairs(Counter(gold[u] for u in common))
    both = _pairs(Counter((predicted[u], gold[u]) for u in common))
    precision = both / pred if pred else 1.0
    recall = both / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScores(precision, recall, f1, true, pred, both)
