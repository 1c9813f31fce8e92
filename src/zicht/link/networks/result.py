"""The outcome of a linkage run: networks with their members, edges, hubs and scores."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from zicht.link.ads import Ad
from zicht.link.config import LinkSettings
from zicht.link.features import AdFeatures
from zicht.link.networks.graph import Edges, IgnoredIdentifier
from zicht.link.networks.indicators import Contribution, Indicators, indicators, score


@dataclass(frozen=True)
class NetworkSummary:
    id: str
    members: tuple[int, ...]  # ad indices in input order
    indicators: Indicators
    score: float
    contributions: tuple[Contribution, ...]


@dataclass
class LinkResult:
    ads: Sequence[Ad]
    features: Sequence[AdFeatures]
    labels: npt.NDArray[np.int64]
    edges: Edges
    ignored: list[IgnoredIdentifier]
    settings: LinkSettings
    networks: dict[str, NetworkSummary] = field(default_factory=dict)
    network_of: list[str] = field(default_factory=list)
    template_labels: npt.NDArray[np.int64] | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def rows(self) -> list[dict[str, object]]:
        """The contract output: one `{id, network, score}` per input ad, in input order."""
        return [
            {"id": ad.id, "network": net, "score": self.networks[net].score}
            for ad, net in zip(self.ads, self.network_of, strict=True)
        ]


def network_id(ad_ids: Sequence[str]) -> str:
    """Stable id of a network: independent of input order, engine and run."""
    return "net-" + hashlib.sha1(min(ad_ids).encode(), usedforsecurity=False).hexdigest()[:12]


def summarise(result: LinkResult) -> LinkResult:
    """Name the networks and score them (shared by every engine)."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(result.labels.tolist()):
        members[label].append(i)
    network_of = [""] * len(result.ads)
    for group in members.values():
        net = network_id([result.ads[i].id for i in group])
        ind = indicators([result.features[i] for i in group])
        value, parts = score(ind)
        result.networks[net] = NetworkSummary(net, tuple(group), ind, value, tuple(parts))
        for i in group:
            network_of[i] = net
    result.network_of = network_of
    return result
