"""Connected components (union-find) and Louvain communities of the guarded ad graph."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def union_find(
    n: int, left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Component label of every node: the smallest node index in its component."""
    parent = np.arange(n, dtype=np.int64)
    p = parent.tolist()

    def find(x: int) -> int:
        root = x
        while p[root] != root:
            root = p[root]
        while p[x] != root:
            p[x], x = root, p[x]
        return root

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            if ra < rb:
                p[rb] = ra
            else:
                p[ra] = rb
    return np.fromiter((find(i) for i in range(n)), dtype=np.int64, count=n)


def louvain(
    n: int,
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
    weight: npt.NDArray[np.float64],
    seed: int = 1,
) -> npt.NDArray[np.int64]:
    """Louvain communities (networkx), labelled like components by their smallest node."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for a, b, w in zip(left.tolist(), right.tolist(), weight.tolist(), strict=True):
        previous = graph.get_edge_data(a, b, default={"weight": 0.0})["weight"]
        graph.add_edge(a, b, weight=max(previous, w))
    labels = np.arange(n, dtype=np.int64)
    for community in nx.community.louvain_communities(graph, weight="weight", seed=seed):
        members = sorted(community)
        labels[members] = members[0]
    return labels
