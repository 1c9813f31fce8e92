"""The guarded ad graph: hubs ignored with reasons, real networks kept, components, score."""

from __future__ import annotations

import random
from dataclasses import replace

import networkx as nx
import numpy as np
import pytest

from zicht.link import LinkSettings, ads_from_dicts, link_ads, pair_scores
from zicht.link.networks import view
from zicht.link.networks.components import union_find
from zicht.link.synthetic import STOCK_PHOTO, WORDS, generate

FOOTER = "Adverteren? Bel 020 123 4567"


def _ad(i: int, text: str, city: str, **extra: object) -> dict[str, object]:
    return {"id": f"a{i:03d}", "text": text, "city": city, "posted_at": "2026-03-02", **extra}


def _hub_world() -> list[dict[str, object]]:
    """40 unrelated advertisers each with an own number, all with the site's footer number and
    a stock photo; plus one real network: one number, one template, many cities."""
    rng = random.Random(5)
    cities = ["amsterdam", "utrecht", "breda", "venlo", "zwolle", "leiden", "arnhem", "delft"]
    ads = []
    for i in range(40):
        own = "06" + str(20000000 + i * 7919)
        body = " ".join(rng.choice(WORDS) for _ in range(40))
        ads.append(_ad(i, f"{body}. Bel {own}. {FOOTER}", cities[i % 8],
                       images=[f"{STOCK_PHOTO:016x}"], network=f"solo{i}"))  # fmt: skip
    template = " ".join(rng.choice(WORDS) for _ in range(45))
    for k in range(30):
        ads.append(_ad(100 + k, f"Hoi ik ben {rng.choice(['Lisa', 'Mia', 'Eva'])}. {template} "
                       f"bel 0687654321. {FOOTER}", cities[k % 8], network="real"))  # fmt: skip
    return ads


def test_hub_identifiers_are_ignored_and_explained() -> None:
    rows = _hub_world()
    result = link_ads(ads_from_dicts(rows))
    ignored = {i.key: i for i in result.ignored}
    assert "phone:+31201234567" in ignored
    assert f"image:{STOCK_PHOTO:016x}" in ignored
    footer = ignored["phone:+31201234567"]
    assert footer.ads == 70 and footer.cities == 8 and footer.advertisers == 41
    assert "hub" in footer.reason and "70 ads" in footer.reason
    # The real network (one phone, one template, 8 cities, 30 ads) is not a hub.
    assert "phone:+31687654321" not in ignored
    scores = pair_scores([str(r["network"]) for r in rows], result.network_of)
    assert scores.f1 == 1.0


def test_without_guard_the_footer_glues_everything() -> None:
    rows = _hub_world()
    settings = replace(LinkSettings(), hub_min_ads=10**9)
    result = link_ads(ads_from_dicts(rows), settings)
    assert len(set(result.network_of)) == 1


def test_boilerplate_template_is_a_hub() -> None:
    words = "alle advertenties op deze site zijn van meerderjarige adverteerders die werken"
    disclaimer = " ".join(words.split() * 4)
    cities = ["amsterdam", "utrecht", "breda", "venlo", "zwolle", "leiden"]
    rows = [_ad(i, f"{disclaimer} bel 06{30000000 + i * 7877}", cities[i % 6], network=f"s{i}")
            for i in range(30)]  # fmt: skip
    result = link_ads(ads_from_dicts(rows))
    assert [i.kind for i in result.ignored] == ["template"]
    assert len(set(result.network_of)) == 30


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_union_find_matches_networkx(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 300
    left = rng.integers(0, n, 250)
    right = rng.integers(0, n, 250)
    labels = union_find(n, left, right)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(zip(left.tolist(), right.tolist(), strict=True))
    for component in nx.connected_components(graph):
        assert {int(labels[i]) for i in component} == {min(component)}


def test_synthetic_world_f1_and_views() -> None:
    rows = generate(1500, seed=11)
    result = link_ads(ads_from_dicts(rows))
    scores = pair_scores([r["network"] for r in rows], result.network_of)
    assert scores.f1 >= 0.95, scores
    biggest = max(result.networks.values(), key=lambda n: len(n.members))
    members = view.members(result, biggest.id)
    assert len(members) == len(biggest.members)
    edges = view.edges(result, biggest.id)
    assert edges and {e["kind"] for e in edges} <= {
        "phone",
        "email",
        "handle",
        "url",
        "image",
        "template",
    }
    assert all(e["via"] for e in edges)
    template = view.template(result, biggest.id)
    assert template is not None and any(s.kind == "slot" for s in template.segments)
    timeline = view.timeline(result, biggest.id)
    assert [t["date"] for t in timeline] == sorted(t["date"] for t in timeline)
    explained = view.explanation(result, biggest.id)
    assert 0 <= explained["score"] <= 1
    assert abs(sum(c["points"] for c in explained["contributions"]) - explained["score"]) < 1e-3


def test_louvain_method_runs_and_refines_components() -> None:
    rows = generate(400, seed=12)
    ads = ads_from_dicts(rows)
    components = link_ads(ads)
    communities = link_ads(ads, replace(LinkSettings(), method="louvain"))
    # Communities never join what components keep apart.
    for i in range(len(ads)):
        for j in (i + 1, i + 7):
            if j < len(ads) and communities.network_of[i] == communities.network_of[j]:
                assert components.network_of[i] == components.network_of[j]


def test_network_score_contributions() -> None:
    from zicht.link.networks.indicators import Indicators, score

    lone = Indicators(1, 1, 1, 1, 1, 1.0, 1, 0.0)
    busy = Indicators(30, 5, 6, 4, 3, 2.5, 4, 0.8)
    assert score(lone)[0] == 0.0
    value, parts = score(busy)
    assert value > 0.9
    assert parts[0].points >= parts[-1].points
    assert {p.indicator for p in parts} == {"ads", "cities", "cities_per_week", "names_per_phone",
                                             "third_person"}  # fmt: skip
