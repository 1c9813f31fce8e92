"""Clustering checked against an independent reference (networkx), and the greedy rule."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from zicht.link.persons.clusters import components, greedy_solve
from zicht.link.persons.evaluate import pairwise


@pytest.mark.parametrize("seed", range(5))
def test_components_match_networkx_on_random_graphs(seed: int) -> None:
    rng = random.Random(seed)
    n = 200
    edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(150)]
    ours = components(n, np.array(edges, dtype=np.int64).reshape(-1, 2))
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    theirs = {node: i for i, comp in enumerate(nx.connected_components(graph)) for node in comp}
    assert pairwise(dict(enumerate(ours)), theirs).f1 == 1.0  # type: ignore[arg-type]


def test_greedy_never_joins_two_records_of_one_dataset() -> None:
    datasets = ["a", "b", "a", "c"]
    pairs = np.array([[0, 1], [1, 2], [2, 3], [0, 3]], dtype=np.int64)
    scores = np.array([0.99, 0.95, 0.9, 0.85])
    persons = greedy_solve(4, datasets, pairs, scores)
    # 0-1 first; 1-2 would put two of 'a' together; 2-3 joins; 0-3 would merge two a's.
    assert persons[0] == persons[1] != persons[2] == persons[3]


def test_greedy_starts_from_initial_groups() -> None:
    persons = greedy_solve(
        3, ["a", "b", "c"], np.empty((0, 2), dtype=np.int64), np.empty(0), initial=[5, 5, 7]
    )
    assert persons == [0, 0, 1]


def test_pairwise_scores() -> None:
    gold = {"1": "x", "2": "x", "3": "y", "4": "y"}
    found = {"1": 1, "2": 1, "3": 1, "4": 2}
    s = pairwise(found, gold)
    assert (s.true_pairs, s.predicted_pairs, s.correct_pairs) == (2, 3, 1)
    assert round(s.precision, 3) == 0.333 and s.recall == 0.5
