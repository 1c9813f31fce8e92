"""Features for the learned scorer: indicator hits, the weight score, and character n-grams.

The indicator part keeps the model explainable (a coefficient per indicator);
the n-gram part lets it learn wording the taxonomy does not have yet. Hashing
keeps the artefact small and needs no vocabulary fitted on personal text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from zicht.detect import ngrams
from zicht.detect.scorer import FORMS, Analysis

NGRAM_FEATURES = 2**16
NGRAM_RANGE = (min(ngrams.SIZES), max(ngrams.SIZES))
_ZEROS = (0.0,) * len(FORMS)  # the default of each form's weight score


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _logits(probabilities: list[float]) -> Any:
    """`_logit` of each, as an array: the arithmetic in numpy, the logarithm by `math.log`.

    Clipping, the ratio and a quarter are exact in either; numpy's vectorised log may
    differ from `math.log` in the last bit, so the logarithm stays Python's (C, per item).
    """
    import numpy as np

    clipped = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-4, 1 - 1e-4)
    return np.fromiter(map(math.log, (clipped / (1 - clipped)).tolist()), np.float64)


class FeatureBuilder:
    """Turns (text, weight analysis) pairs into one sparse matrix, always in the same layout."""

    def __init__(
        self, indicator_ids: Sequence[str], *, ngrams: bool = True, masked: Sequence[str] = ()
    ) -> None:
        self.indicator_ids = list(indicator_ids)
        # Profiling-risk cues (nationality, origin) are blanked out of the text before the
        # n-grams see it, so the model cannot learn them behind the taxonomy's back.
        self.masked_ids = frozenset(masked)
        self.index = {name: i for i, name in enumerate(self.indicator_ids)}
        self.ngrams = ngrams

    @property
    def dense_width(self) -> int:
        # Indicators, the overall weight score, and the weight score of each form.
        return len(self.indicator_ids) + 1 + len(FORMS)

    def build(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> Any:
        """A CSR matrix: one row per text, indicator columns first, then the hashed n-grams."""
        from scipy import sparse

        dense, grams = self.parts(texts, analyses)
        blocks = [sparse.csr_matrix(dense)] + ([grams] if grams is not None else [])
        return sparse.hstack(blocks, format="csr")

    def parts(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> tuple[Any, Any]:
        """The dense block (indicators, weight scores) and the n-gram CSR block (or None).

        The per-form weight scores give the form classifier the taxonomy's own view of
        which form the evidence points to, which holds across wordings better than n-grams.
        """
        grams = None
        if self.ngrams:
            grams = ngrams.transform(self.masked(texts, analyses), NGRAM_FEATURES)
        return self.dense(texts, analyses), grams

    def dense(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> Any:
        """The dense block: which indicators fired, and the logits of the weight scores.

        The batch as one array: the fired indicators set by one fancy-indexed store, the
        weight scores' logits as one column block (math.log, as `_logit` reads them).
        """
        import numpy as np

        base = len(self.indicator_ids)
        index = self.index
        rows: list[int] = []
        columns: list[int] = []
        probabilities: list[float] = []
        for row, analysis in enumerate(analyses):
            for hit in analysis.hits:
                if hit.counted:
                    rows.append(row)
                    columns.append(index[hit.indicator])
            probabilities.append(analysis.score)
            probabilities.extend(map(analysis.form_scores.get, FORMS, _ZEROS))
        dense = np.zeros((len(texts), self.dense_width), dtype=np.float64)
        dense[rows, columns] = 1.0
        dense[:, base:] = _logits(probabilities).reshape(len(texts), 1 + len(FORMS)) / 4.0
        return dense

    def masked(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> list[str]:
        """The texts with their profiling-risk cues blanked out, as the n-grams read them."""
        masked = []
        for text, analysis in zip(texts, analyses, strict=True):
            for hit in analysis.hits:
                if hit.indicator in self.masked_ids:
                    text = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
            masked.append(text)
        return masked

    def __getstate__(self) -> dict[str, Any]:
        # Only the parameters are saved: the hashing is fixed code (see `ngrams`).
        return {
            "indicator_ids": self.indicator_ids,
            "ngrams": self.ngrams,
            "masked": sorted(self.masked_ids),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["indicator_ids"], ngrams=state["ngrams"], masked=state.get("masked", ())
        )
