"""Compare predicted networks with gold ones: pairwise precision/recall/F1 and adjusted Rand.

Pairwise: a pair of ads is positive when both sit in one network. Counted from the
contingency table (never by listing pairs), so 100,000 ads cost a dictionary, not 5e9 pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from zicht.errors import InvalidInput


@dataclass(frozen=True)
class PairScores:
    ads: int
    gold_networks: int
    predicted_networks: int
    precision: float
    recall: float
    f1: float
    adjusted_rand: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pair_scores(gold: Sequence[str], predicted: Sequence[str]) -> PairScores:
    if len(gold) != len(predicted):
        raise InvalidInput(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
    n = len(gold)
    both = sum(_pairs(c) for c in Counter(zip(gold, predicted, strict=True)).values())
    gold_pairs = sum(_pairs(c) for c in Counter(gold).values())
    pred_pairs = sum(_pairs(c) for c in Counter(predicted).values())
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = _pairs(n)
    expected = gold_pairs * pred_pairs / total if total else 0.0
    maximum = (gold_pairs + pred_pairs) / 2
    ari = (both - expected) / (maximum - expected) if maximum != expected else 1.0
    return PairScores(
        ads=n,
        gold_networks=len(set(gold)),
        predicted_networks=len(set(predicted)),
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        adjusted_rand=round(ari, 4),
    )
