"""Turning scored pairs into persons: connected components, or anonlink's greedy solver."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x


def _numbered(uf: _UnionFind, n: int) -> list[int]:
    """Person numbers 0.. in order of each person's first record."""
    numbers: dict[int, int] = {}
    return [numbers.setdefault(uf.find(i), len(numbers)) for i in range(n)]


def components(n: int, pairs: np.ndarray) -> list[int]:
    """Connected components of the matched pairs: what Splink's clustering computes."""
    uf = _UnionFind(n)
    for a, b in pairs.tolist():
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb:
            uf.parent[max(ra, rb)] = min(ra, rb)
    return _numbered(uf, n)


def greedy_solve(
    n: int,
    datasets: Sequence[str],
    pairs: np.ndarray,
    scores: np.ndarray,
    initial: Sequence[int] | None = None,
    strong: float | None = None,
) -> list[int]:
    """Best pairs first; two groups merge only if they share no dataset (anonlink's greedy).

    An organisation sometimes registers one person twice, a year apart; with `strong`,
    groups that share a dataset still merge when each pair of their records from that
    dataset is itself among the pairs, scoring at least `strong`. `initial` (a group
    number per record) starts from groups found before, so a second method can only
    add to what a first one joined.
    """
    uf = _UnionFind(n)
    members: dict[int, list[int]] = {}
    if initial is not None:
        first: dict[int, int] = {}
        for i, group in enumerate(initial):
            root = first.setdefault(group, i)
            if root != i:
                uf.parent[i] = root
            members.setdefault(root, []).append(i)
    known: dict[tuple[int, int], float] = {}
    if strong is not None:
        known = {
            (a, b): s
            for (a, b), s in zip(pairs.tolist(), scores.tolist(), strict=True)
            if s >= strong
        }

    def compatible(group_a: list[int], group_b: list[int]) -> bool:
        by_dataset: dict[str, list[int]] = {}
        for i in group_a:
            by_dataset.setdefault(datasets[i], []).append(i)
        for j in group_b:
            for i in by_dataset.get(datasets[j], ()):
                if strong is None or (min(i, j), max(i, j)) not in known:
                    return False
        return True

    order = np.argsort(-scores, kind="stable")
    for a, b in pairs[order].tolist():
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        ga = members.get(ra) or [ra]
        gb = members.get(rb) or [rb]
        if not compatible(ga, gb):
            continue
        root, other = min(ra, rb), max(ra, rb)
        uf.parent[other] = root
        members[root] = ga + gb
        members.pop(other, None)
    return _numbered(uf, n)
