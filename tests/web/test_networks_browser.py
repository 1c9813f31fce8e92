"""The network page in headless Chromium: cytoscape.js draws the graph under the strict CSP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.browser import shot
from tests.e2e.server import serve
from tests.factories import PASSWORD
from tests.link.store_world import store_rows, world_with_deployment
from zicht.link.stored import link_store
from zicht.link.synthetic import generate
from zicht.store.db import Database
from zicht.store.tables import AdNetworkRow

pytestmark = pytest.mark.browser


def test_the_graph_is_drawn_from_the_json_endpoint(tmp_path: Path, browser: Any) -> None:
    home = tmp_path / "site"
    home.mkdir()
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    db.migrate()
    world, deployment = world_with_deployment(db)
    store_rows(db, world, deployment, generate(300, seed=62))
    with db.session() as s:
        run = link_store(s, world.chain.analyst)
        top = s.scalars(
            select(AdNetworkRow).where(AdNetworkRow.run_id == run.id)
            .order_by(AdNetworkRow.ads.desc())
        ).first()  # fmt: skip
        assert top is not None
        network_id, ads = top.id, top.ads
    db.dispose()
    with serve(home) as server:
        context = browser.new_context(base_url=server.url, locale="en-GB")
        requests: list[str] = []
        errors: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on(
            "console",
            lambda m: (
                errors.append(f"{m.text} {m.location.get('url')}")
                if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico")
                else None
            ),
        )  # the browser's own favicon request is no page's doing
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"/login?next=/networks/{network_id}")
        page.fill("#username", "ana")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"**/networks/{network_id}")
        page.wait_for_selector("#network-graph[data-nodes]", state="attached")
        graph = page.locator("#network-graph")
        assert graph.get_attribute("data-nodes") == str(ads)
        assert int(graph.get_attribute("data-edges") or 0) >= ads - 1
        assert page.locator("#network-graph canvas").count() > 0
        drawn = page.evaluate("document.getElementById('network-graph').cy.nodes().length")
        assert drawn == ads
        shot(page, "network-page")
        context.close()
    assert errors == []  # no CSP violation, no script error
    assert all(u.startswith((server.url, "data:")) for u in requests)
