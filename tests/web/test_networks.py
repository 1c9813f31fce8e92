"""The network view: list by score, a network's page and graph, refusals; both engines."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.link.store_world import store_rows, world_with_deployment
from tests.web.conftest import log_in
from zicht.link.stored import link_store
from zicht.link.synthetic import generate
from zicht.store import Database
from zicht.store.tables import AdNetworkRow, AuditRow, NetworkMemberRow

SCRIPT = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


@pytest.fixture
def stored(database: Database) -> list[int]:
    """A crawl of 300 synthetic ads, linked by the analyst: network ids by score."""
    world, deployment = world_with_deployment(database)
    store_rows(database, world, deployment, generate(300, seed=61))
    with database.session() as s:
        run = link_store(s, world.chain.analyst)
        return list(
            s.scalars(
                select(AdNetworkRow.id)
                .where(AdNetworkRow.run_id == run.id)
                .order_by(AdNetworkRow.score.desc(), AdNetworkRow.ads.desc(), AdNetworkRow.id)
            )
        )


def test_list_shows_the_networks_by_score_and_the_nav_links_it(
    client: TestClient, stored: list[int], database: Database
) -> None:
    log_in(client, "ana")
    page = client.get("/networks", headers={"accept-language": "en"})
    assert page.status_code == 200
    assert 'href="/networks"' in page.text  # the navigation entry
    linked = [int(i) for i in re.findall(r'href="/networks/(\d+)"', page.text)]
    assert linked == stored
    assert "Ignored hub identifiers" in page.text
    with database.session() as s:
        listed = s.scalars(select(AuditRow).where(AuditRow.action == "network.list")).all()
    assert [(e.actor, e.detail["networks"]) for e in listed] == [("ana", len(stored))]


def test_network_page_shows_graph_timeline_map_template_and_reasons(
    client: TestClient, stored: list[int], database: Database
) -> None:
    log_in(client, "ana")
    top = stored[0]
    page = client.get(f"/networks/{top}", headers={"accept-language": "nl"})
    assert page.status_code == 200
    html = page.text
    assert "Waarom deze score" in html and "Tekstsjabloon" in html
    assert f'data-src="/networks/{top}/graph.json"' in html
    assert all(" src=" in tag for tag in SCRIPT.findall(html))  # no inline script
    assert "/static/vendor/cytoscape/cytoscape.min.js" in html
    assert 'class="land"' in html and 'class="city-dot"' in html
    assert 'class="ad-dot"' in html
    assert '<mark class="slot"' in html
    with database.session() as s:
        members = s.scalars(select(NetworkMemberRow).where(NetworkMemberRow.network_id == top))
        ad_ids = sorted(m.ad_id for m in members)
    graph = client.get(f"/networks/{top}/graph.json").json()
    assert sorted(n["data"]["ad"] for n in graph["nodes"]) == ad_ids
    ends = {e["data"]["source"] for e in graph["edges"]} | {
        e["data"]["target"] for e in graph["edges"]
    }
    assert ends <= {f"ad{i}" for i in ad_ids} and graph["edges"]
    assert not any(re.search(r"\+\d{9}", e["data"]["via"]) for e in graph["edges"])
    with database.session() as s:
        views = s.scalars(select(AuditRow).where(AuditRow.action == "network.view")).all()
    assert [(v.actor, v.record_id, v.detail["purpose"]) for v in views] == [
        ("ana", str(top), "network page"),
        ("ana", str(top), "network graph"),
    ]
    assert sorted(views[0].detail["ads"]) == ad_ids


def test_another_organisation_gets_404_and_is_audited(
    client: TestClient, stored: list[int], database: Database
) -> None:
    log_in(client, "olga")
    top = stored[0]
    assert client.get(f"/networks/{top}").status_code == 404
    assert client.get(f"/networks/{top}/graph.json").status_code == 404
    listing = client.get("/networks")
    assert listing.status_code == 200 and f"/networks/{top}" not in listing.text
    with database.session() as s:
        denied = s.scalars(select(AuditRow).where(AuditRow.action == "access.denied")).all()
        viewed = s.scalars(select(AuditRow).where(AuditRow.action == "network.view")).all()
    assert [(d.actor, d.record_type, d.record_id) for d in denied] == [
        ("olga", "network", str(top))
    ] * 2
    assert viewed == []


def test_anonymous_visitors_log_in_first_and_a_missing_network_is_404(
    client: TestClient, stored: list[int]
) -> None:
    response = client.get(f"/networks/{stored[0]}", follow_redirects=False)
    assert response.status_code in (303, 401)
    log_in(client, "ana")
    assert client.get(f"/networks/{max(stored) + 1000}").status_code == 404


def test_every_data_driven_label_has_both_languages() -> None:
    from zicht.web.i18n import LANGUAGES, catalogue
    from zicht.web.routes.networks import LABELS

    keys = {key for group in LABELS.values() for key in group.values()}
    for lang in LANGUAGES:
        assert keys <= set(catalogue(lang)), lang


def test_vendored_cytoscape_matches_its_readme_and_has_its_licence() -> None:
    import hashlib
    from pathlib import Path

    folder = Path(__file__).parents[2] / "src/zicht/web/static/vendor/cytoscape"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((folder / "cytoscape.min.js").read_bytes()).hexdigest()
    assert f"`{digest}`" in readme
    assert "Permission is hereby granted" in (folder / "LICENSE.txt").read_text()  # MIT
