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


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


class FeatureBuilder:
    """Turns (text, weight analysis) pairs into one sparse matrix, always in the same layout."""

    def __init__(
        self, indicator_ids: Sequence[str], *, ngrams: bool = True, masked: Sequence[str] = ()
    ) -> None:
        self.indicator_ids = list(indicator_ids)
        # Profiling-risk cues (nationality, origin) are blanked out of the text before the
        # n-grams see it, so the model cannot learn them behind the taxonomy's back.
        self.masked = frozenset(masked)
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

        Prediction multiplies the two blocks separately, which spares stacking them. The
        per-form weight scores give the form classifier the taxonomy's own view of which
        form the evidence points to, which holds across wordings better than n-grams.
        """
        import numpy as np

        # Rows as Python lists, one array at the end: setting numpy cells one by one is slow.
        base = len(self.indicator_ids)
        blank = [0.0] * self.dense_width
        rows = []
        for analysis in analyses:
            row = blank.copy()
            for hit in analysis.hits:
                if hit.counted:
                    row[self.index[hit.indicator]] = 1.0
            row[base] = _logit(analysis.score) / 4.0
            for offset, form in enumerate(FORMS, start=1):
                row[base + offset] = _logit(analysis.form_scores.get(form, 0.0)) / 4.0
            rows.append(row)
        dense = np.array(rows, dtype=np.float64).reshape(len(texts), self.dense_width)
        grams = None
        if self.ngrams:
            grams = ngrams.transform(self._mask(texts, analyses), NGRAM_FEATURES)
        return dense, grams

    def _mask(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> list[str]:
        masked = []
        for text, analysis in zip(texts, analyses, strict=True):
            for hit in analysis.hits:
                if hit.indicator in self.masked:
                    text = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
            masked.append(text)
        return masked

    def __getstate__(self) -> dict[str, Any]:
        # Only the parameters are saved: the hashing is fixed code (see `ngrams`).
        return {
            "indicator_ids": self.indicator_ids,
            "ngrams": self.ngrams,
            "masked": sorted(self.masked),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["indicator_ids"], ngrams=state["ngrams"], masked=state.get("masked", ())
        )
