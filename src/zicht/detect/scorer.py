"""The interpretable scorer: a noisy-or over the weights of the indicators that counted.

Each counted indicator i is read as an independent piece of evidence that is
right with probability w_i, so P(trafficking) = 1 - prod(1 - w_i); the same per
form over that form's indicators and the cross-cutting ones (form 'other').
An indicator counts once per document however often it fires; a context word
near a hit raises its weight by half (capped). The contribution of each
indicator is its share of -log(1 - score), so the explanation adds up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from zicht.detect.matcher import Hit
from zicht.detect.taxonomy import Taxonomy

FORMS = ("sexual", "labour", "criminal")
CONTEXT_BOOST = 1.5
MAX_WEIGHT = 0.95


@dataclass(frozen=True, slots=True)
class Contribution:
    indicator: str
    form: str
    weight: float
    share: float  # of the document's evidence, 0..1


@dataclass(frozen=True, slots=True)
class Analysis:
    """A document's score with everything that made it."""

    score: float
    form: str | None
    form_scores: dict[str, float]
    hits: list[Hit]
    contributions: list[Contribution]
    method: str = "weights"
    model_contributions: dict[str, float] = field(default_factory=dict)

    @property
    def signals(self) -> list[Hit]:
        return [hit for hit in self.hits if hit.counted]

    def contract(self, doc_id: object) -> dict[str, object]:
        """The stable output record of `zicht detect` (see issue 4's contract)."""
        return {
            "id": doc_id,
            "score": round(self.score, 6),
            "form": self.form,
            "signals": [
                {
                    "indicator": h.indicator,
                    "form": h.form,
                    "start": h.start,
                    "end": h.end,
                    "text": h.text,
                }
                for h in self.signals
            ],
        }

    def explain(self) -> dict[str, object]:
        return {
            "method": self.method,
            "score": self.score,
            "form": self.form,
            "form_scores": self.form_scores,
            "contributions": [
                {"indicator": c.indicator, "form": c.form, "weight": c.weight, "share": c.share}
                for c in self.contributions
            ],
            "model_contributions": self.model_contributions,
            "hits": [hit.explain() for hit in self.hits],
        }


def indicator_weights(
    hits: Sequence[Hit], weights: Mapping[str, float], contexts: Mapping[str, bool] | None = None
) -> dict[str, float]:
    """The weight each counted indicator brings (its strongest hit, boosted by context)."""
    contexts = contexts or {}
    best: dict[str, float] = {}
    for hit in hits:
        if hit.negated or hit.suppressed is not None:  # `hit.counted`, without the call
            continue
        name = hit.indicator
        weight = weights[name]
        if hit.context and not contexts.get(name, False):
            weight = min(MAX_WEIGHT, weight * CONTEXT_BOOST)
        best[name] = max(best.get(name, 0.0), weight)
    return best


def noisy_or(values: Sequence[float]) -> float:
    product = 1.0
    for value in values:
        product *= 1.0 - value
    return 1.0 - product


_TABLES: dict[int, tuple[Taxonomy, dict[str, str], dict[str, bool]]] = {}


def _tables(taxonomy: Taxonomy) -> tuple[dict[str, str], dict[str, bool]]:
    """Form and context-required flag per indicator, built once per taxonomy, not per document."""
    cached = _TABLES.get(id(taxonomy))
    if cached is None or cached[0] is not taxonomy:
        forms: dict[str, str] = {i.id: str(i.form) for i in taxonomy.indicators}
        required = {i.id: i.context_required for i in taxonomy.indicators}
        cached = _TABLES[id(taxonomy)] = (taxonomy, forms, required)
    return cached[1], cached[2]


def score_hits(taxonomy: Taxonomy, hits: list[Hit], weights: Mapping[str, float]) -> Analysis:
    """Score from the weights alone: what `zicht detect` does without a trained model."""
    forms, required = _tables(taxonomy)
    used = indicator_weights(hits, weights, required) if hits else {}
    if not used:  # the common case: nothing counted, nothing to explain
        return Analysis(0.0, None, dict.fromkeys(FORMS, 0.0), hits, [])
    score = noisy_or(list(used.values()))
    # One pass over the counted indicators for every form: the same products, in the same
    # order, as a noisy-or per form would multiply.
    keeps = dict.fromkeys(FORMS, 1.0)  # over the form's indicators and the cross-cutting ones
    specific_keeps = dict.fromkeys(FORMS, 1.0)  # over the form's own indicators only
    for name, weight in used.items():
        own = forms[name]
        for name_of_form in FORMS:
            if own == name_of_form:
                keeps[name_of_form] *= 1.0 - weight
                specific_keeps[name_of_form] *= 1.0 - weight
            elif own == "other":
                keeps[name_of_form] *= 1.0 - weight
    form_scores = {f: 1.0 - keeps[f] for f in FORMS}
    specific = {f: 1.0 - specific_keeps[f] for f in FORMS}
    if any(specific.values()):
        form: str | None = max(FORMS, key=lambda f: specific[f])
    else:
        form = "other"
    logs = {name: -math.log(1.0 - weight) for name, weight in used.items()}
    total = sum(logs.values()) or 1.0
    contributions = sorted(
        (
            Contribution(name, forms[name], round(weight, 4), round(logs[name] / total, 4))
            for name, weight in used.items()
        ),
        key=lambda c: -c.share,
    )
    return Analysis(score, form, form_scores, hits, contributions)
