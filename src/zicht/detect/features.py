"""Features for the learned scorer: indicator hits, the weight score, and character n-grams.

The indicator part keeps the model explainable (a coefficient per indicator);
the n-gram part lets it learn wording the taxonomy does not have yet. Hashing
keeps the artefact small and needs no vocabulary fitted on personal text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from zicht.detect.scorer import Analysis

NGRAM_FEATURES = 2**16
NGRAM_RANGE = (3, 5)


def _vectoriser() -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer="char_wb",
        ngram_range=NGRAM_RANGE,
        n_features=NGRAM_FEATURES,
        alternate_sign=False,
        norm="l2",
        lowercase=True,
        strip_accents="unicode",
    )


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
        self._vectoriser = _vectoriser() if ngrams else None

    @property
    def dense_width(self) -> int:
        return len(self.indicator_ids) + 1

    def build(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> Any:
        """A CSR matrix: one row per text, indicator columns first, then the hashed n-grams."""
        import numpy as np
        from scipy import sparse

        dense = np.zeros((len(texts), self.dense_width), dtype=np.float64)
        for row, analysis in enumerate(analyses):
            for hit in analysis.signals:
                dense[row, self.index[hit.indicator]] = 1.0
            dense[row, -1] = _logit(analysis.score) / 4.0
        parts = [sparse.csr_matrix(dense)]
        if self._vectoriser is not None:
            parts.append(self._vectoriser.transform(self._mask(texts, analyses)))
        return sparse.hstack(parts, format="csr")

    def _mask(self, texts: Sequence[str], analyses: Sequence[Analysis]) -> list[str]:
        masked = []
        for text, analysis in zip(texts, analyses, strict=True):
            for hit in analysis.hits:
                if hit.indicator in self.masked:
                    text = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
            masked.append(text)
        return masked

    def __getstate__(self) -> dict[str, Any]:
        # The vectoriser is rebuilt on load: only its parameters matter, and they are fixed here.
        return {
            "indicator_ids": self.indicator_ids,
            "ngrams": self.ngrams,
            "masked": sorted(self.masked),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["indicator_ids"], ngrams=state["ngrams"], masked=state.get("masked", ())
        )
