"""What the network view shows, as plain data: members, typed edges, the template with its
slots, the timeline of cities, and why the network scores as it does.

The web view (issue 5, item 7) renders these; the CLI's `--explain` writes them as JSON.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

import numpy as np

from zicht.errors import NotFound
from zicht.link.networks.graph import KIND_CODES
from zicht.link.networks.result import LinkResult, NetworkSummary
from zicht.link.text.template import Template, align


def network(result: LinkResult, network_id: str) -> NetworkSummary:
    try:
        return result.networks[network_id]
    except KeyError:
        raise NotFound(f"network {network_id} is not in this linkage run") from None


def members(result: LinkResult, network_id: str) -> list[dict[str, Any]]:
    rows = []
    for i in network(result, network_id).members:
        ad, f = result.ads[i], result.features[i]
        rows.append(
            {
                "id": ad.id,
                "title": ad.title,
                "city": ad.city,
                "posted_at": ad.posted_at,
                "names": list(f.names),
                "identifiers": list(f.identifiers),
                "images": [f"{h:016x}" for h in f.images],
            }
        )
    return rows


def edges(result: LinkResult, network_id: str) -> list[dict[str, Any]]:
    """Typed, weighted edges inside the network, each with the shared value behind it."""
    net = network(result, network_id)
    label = result.labels[net.members[0]]
    e = result.edges
    inside = np.flatnonzero((result.labels[e.left] == label) & (result.labels[e.right] == label))
    return [
        {
            "source": result.ads[int(e.left[k])].id,
            "target": result.ads[int(e.right[k])].id,
            "kind": KIND_CODES[int(e.kind[k])],
            "weight": round(float(e.weight[k]), 4),
            "via": e.group[k],
        }
        for k in inside.tolist()
    ]


def template(result: LinkResult, network_id: str) -> Template | None:
    """The template of the network's largest near-duplicate cluster, or None without one."""
    net = network(result, network_id)
    if result.template_labels is None:
        return None
    clusters = Counter(int(result.template_labels[i]) for i in net.members)
    label, size = clusters.most_common(1)[0]
    if size < 2:
        return None
    texts = [result.ads[i].text for i in net.members if result.template_labels[i] == label]
    return align(texts)


def timeline(result: LinkResult, network_id: str) -> list[dict[str, Any]]:
    """Ads by posting day with their city: the route a network takes through the country."""
    rows = [
        {"date": f.day.isoformat() if f.day else None, "city": f.city, "ad": result.ads[i].id}
        for i in network(result, network_id).members
        for f in [result.features[i]]
    ]
    return sorted(rows, key=lambda r: (r["date"] or "", r["ad"]))


def explanation(result: LinkResult, network_id: str) -> dict[str, Any]:
    net = network(result, network_id)
    return {
        "network": net.id,
        "score": net.score,
        "indicators": net.indicators.as_dict(),
        "contributions": [asdict(c) for c in net.contributions],
    }
