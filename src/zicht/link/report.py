"""A linkage run as one JSON document: networks with their evidence, and the hubs ignored."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from zicht.link.networks import view
from zicht.link.networks.result import LinkResult


def explanation(result: LinkResult, *, min_ads: int = 2) -> dict[str, Any]:
    networks = []
    for net in sorted(result.networks.values(), key=lambda n: (-n.score, n.id)):
        if len(net.members) < min_ads:
            continue
        kinds: dict[str, int] = {}
        for edge in view.edges(result, net.id):
            kinds[edge["kind"]] = kinds.get(edge["kind"], 0) + 1
        networks.append({**view.explanation(result, net.id), "edge_kinds": kinds,
                         "ads": [result.ads[i].id for i in net.members]})  # fmt: skip
    return {
        "settings": asdict(result.settings),
        "timings": result.timings,
        "ignored_identifiers": [asdict(i) for i in result.ignored],
        "networks": networks,
    }
