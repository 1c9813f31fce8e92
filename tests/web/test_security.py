"""Security headers everywhere, and API docs that load nothing from another origin."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests import factories
from zicht.store.db import Database

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    """These tests are about pages, not engines: SQLite only keeps the suite fast."""
    return sqlite_database


def test_security_headers_on_pages_files_errors_and_docs(
    client: TestClient, people: factories.Chain
) -> None:
    for path in ("/login", "/static/zicht.css", "/nothing-here", "/docs", "/api/me"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"


def test_pages_are_not_cached(client: TestClient, people: factories.Chain) -> None:
    assert client.get("/login").headers["cache-control"] == "no-store"


def test_docs_and_openapi_are_served_from_this_origin(
    client: TestClient, people: factories.Chain
) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "http://" not in docs.text and "https://" not in docs.text
    assert not EXTERNAL.search(docs.text)
    assert "<script>" not in docs.text  # no inline script: the CSP would block it
    for asset in re.findall(r"""(?:src|href)="(/static/[^"]+)\"""", docs.text):
        assert client.get(asset).status_code == 200, asset
    schema = client.get("/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/me", "/api/deployments", "/api/deployments/{deployment_id}"} <= set(paths)
    assert "/api/deployments/{deployment_id}/authorise" in paths
    assert "/deployments" not in paths  # the HTML pages are not API
    assert client.get("/redoc").status_code == 404  # ReDoc would come from a CDN


def test_pages_load_nothing_from_elsewhere(client: TestClient, people: factories.Chain) -> None:
    page = client.get("/login")
    assert not EXTERNAL.search(page.text)
    assert "<script>" not in page.text
    assert client.get("/static/vendor/htmx.min.js").status_code == 200
