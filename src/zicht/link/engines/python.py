"""The one-machine engine: numpy MinHash LSH, multi-index photo hashing, union-find."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from zicht.link.engines.base import Ints, LinkEngine
from zicht.link.images import near_pairs
from zicht.link.networks.components import union_find
from zicht.link.text.minhash import band_pairs, lsh_params, signatures
from zicht.link.text.shingles import Shingles


class PythonEngine(LinkEngine):
    name = "python"

    def template_pairs(self, shingles: Shingles) -> tuple[Ints, Ints, npt.NDArray[np.float64]]:
        s = self.settings
        sig = signatures(shingles, s.num_perm)
        bands, rows = lsh_params(s.lsh_threshold, s.num_perm)
        left, right = band_pairs(sig, bands, rows)
        # Plain lists: slicing and set look-ups on Python ints cost a fraction of the same
        # on numpy slices (tens of thousands of pairs, each a few dozen shingles).
        values, offsets = shingles.values.tolist(), shingles.offsets.tolist()
        threshold = s.jaccard_threshold
        keep_l: list[int] = []
        keep_r: list[int] = []
        sims: list[float] = []
        cached_centre = -1
        centre_set: set[int] = set()
        for a, b in zip(left.tolist(), right.tolist(), strict=True):
            if a != cached_centre:  # pairs come sorted by centre: one set per centre
                cached_centre = a
                centre_set = set(values[offsets[a] : offsets[a + 1]])
            size = offsets[b + 1] - offsets[b]
            inter = len(centre_set.intersection(values[offsets[b] : offsets[b + 1]]))
            sim = inter / (len(centre_set) + size - inter) if inter else 0.0
            if sim >= threshold:
                keep_l.append(a)
                keep_r.append(b)
                sims.append(sim)
        return (
            np.asarray(keep_l, dtype=np.int64),
            np.asarray(keep_r, dtype=np.int64),
            np.asarray(sims, dtype=np.float64),
        )

    def photo_pairs(self, hashes: npt.NDArray[np.uint64]) -> tuple[Ints, Ints]:
        return near_pairs(hashes.tolist(), self.settings.photo_distance)

    def components(self, n: int, left: Ints, right: Ints) -> Ints:
        return union_find(n, left, right)
