"""One linkage pipeline, several engines (as Splink keeps DuckDB and Spark behind one API).

The shared steps (extraction, shingling, hub guards, graph, scoring) are written once in
`LinkEngine.link`. An engine supplies the heavy, data-parallel hooks: candidate template
pairs, near photo pairs, connected components, and communities. Every hook returns plain
numpy arrays with the same meaning, so engines can be compared pair for pair.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import ClassVar, final

import numpy as np
import numpy.typing as npt

from zicht.link.ads import Ad
from zicht.link.config import LinkSettings
from zicht.link.features import AdFeatures, ad_features
from zicht.link.networks.graph import build_graph
from zicht.link.networks.result import LinkResult, summarise
from zicht.link.text.shingles import Shingles, shingle

Ints = npt.NDArray[np.int64]
Progress = Callable[[str, int, int], None]


def _quiet(step: str, done: int, total: int) -> None:
    return None


class LinkEngine(ABC):
    name: ClassVar[str]

    def __init__(self, settings: LinkSettings) -> None:
        self.settings = settings

    @abstractmethod
    def template_pairs(self, shingles: Shingles) -> tuple[Ints, Ints, npt.NDArray[np.float64]]:
        """Pairs (i < j) of ads whose exact shingle Jaccard reaches the threshold, among the
        LSH candidates (star of each band bucket around its smallest ad)."""

    @abstractmethod
    def photo_pairs(self, hashes: npt.NDArray[np.uint64]) -> tuple[Ints, Ints]:
        """Index pairs (i < j) of distinct photo hashes within `photo_distance` bits."""

    @abstractmethod
    def components(self, n: int, left: Ints, right: Ints) -> Ints:
        """Component label of each of `n` nodes: the smallest node index in its component."""

    def communities(self, n: int, left: Ints, right: Ints, weight: npt.NDArray[np.float64]) -> Ints:
        from zicht.link.networks.components import louvain

        return louvain(n, left, right, weight)

    def close(self) -> None:  # noqa: B027 - most engines hold nothing
        """Release what the engine holds (a Spark session it started)."""

    def __enter__(self) -> LinkEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @final
    def link(self, ads: Sequence[Ad], progress: Progress = _quiet) -> LinkResult:
        """Networks of `ads`: the same steps on every engine."""
        settings = self.settings
        timings: dict[str, float] = {}
        clock = time.perf_counter()

        def lap(step: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            timings[step] = round(now - clock, 3)
            clock = now

        n = len(ads)
        features: list[AdFeatures] = []
        for i, ad in enumerate(ads):
            features.append(ad_features(ad, settings.region))
            if i % 5000 == 0:
                progress("identifiers", i, n)
        progress("identifiers", n, n)
        lap("identifiers")
        shingles = shingle([f"{ad.title}\n{ad.text}" for ad in ads], settings.shingle_k)
        progress("templates", 0, 1)
        t_left, t_right, t_jac = self.template_pairs(shingles)
        template_labels = self.components(n, t_left, t_right)
        progress("templates", 1, 1)
        lap("templates")
        distinct = sorted({h for f in features for h in f.images})
        p_left, p_right = self.photo_pairs(np.asarray(distinct, dtype=np.uint64))
        photo_labels = self.components(len(distinct), p_left, p_right).tolist()
        photo_group_of = {h: distinct[photo_labels[i]] for i, h in enumerate(distinct)}
        progress("photos", 1, 1)
        lap("photos")
        edges, ignored = build_graph(
            features, template_labels, (t_left, t_right, t_jac), photo_group_of, settings
        )
        if settings.method == "louvain":
            labels = self.communities(n, edges.left, edges.right, edges.weight)
        else:
            labels = self.components(n, edges.left, edges.right)
        progress("networks", 1, 1)
        lap("graph")
        result = LinkResult(
            ads, features, labels, edges, ignored, settings, template_labels=template_labels
        )
        summarise(result)
        lap("score")
        result.timings = timings
        return result
