"""One handler: JSON under /api/ (and for JSON clients), an HTML page for a browser."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests import factories
from tests.web.conftest import log_in
from zicht.store.db import Database


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    """These tests are about pages, not engines: SQLite only keeps the suite fast."""
    return sqlite_database


def test_api_errors_are_json(client: TestClient, people: factories.Chain) -> None:
    assert client.get("/api/me").json() == {
        "error": "unauthenticated",
        "message": "not logged in or the session has expired",
    }
    log_in(client, "ana")
    missing = client.get("/api/deployments/9999")
    assert missing.status_code == 404
    assert missing.json() == {"error": "not_found", "message": "no deployment 9999"}
    unknown = client.get("/api/nothing-here")
    assert unknown.status_code == 404
    assert unknown.json()["error"] == "not_found"
    token = client.get("/api/me").json()["csrf_token"]
    invalid = client.post(
        "/api/deployments", json={"purpose": "x"}, headers={"X-CSRF-Token": token}
    )
    assert invalid.status_code == 422
    assert invalid.json()["error"] == "invalid"
    assert "legal_basis" in invalid.json()["message"]
    refused = client.post(
        "/api/deployments",
        json={"purpose": "x", "legal_basis": "y", "domains": ["bad host"]},
        headers={"X-CSRF-Token": token},
    )
    assert refused.status_code == 400
    assert refused.json() == {
        "error": "invalid",
        "message": "domain 'bad host' is not a host name with an optional :port",
    }


def test_browser_errors_are_pages(client: TestClient, people: factories.Chain) -> None:
    log_in(client, "ana")
    missing = client.get("/deployments/9999")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "Niet gevonden" in missing.text
    assert "no deployment 9999" in missing.text
    assert 'href="/deployments"' in missing.text  # the page keeps its navigation
    unknown = client.get("/nothing-here")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("text/html")
    not_a_number = client.get("/deployments/abc")
    assert not_a_number.status_code == 422
    assert "Ongeldig verzoek" in not_a_number.text


def test_a_json_client_gets_json_outside_api(client: TestClient, people: factories.Chain) -> None:
    response = client.get("/nothing-here", headers={"Accept": "application/json"})
    assert response.json()["error"] == "not_found"


def test_htmx_errors_land_in_the_message_area(client: TestClient, people: factories.Chain) -> None:
    token = log_in(client, "ana")
    response = client.post(
        "/deployments/9999/authorise", headers={"HX-Request": "true", "X-CSRF-Token": token}
    )
    assert response.status_code == 404
    assert response.headers["HX-Retarget"] == "#flash"
    assert 'role="alert"' in response.text
    assert "<html" not in response.text


def test_an_unexpected_error_reveals_nothing(app: FastAPI, people: factories.Chain) -> None:
    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/boom", boom)
    app.add_api_route("/boom", boom)
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        api = client.get("/api/boom")
        page = client.get("/boom")
    assert api.status_code == 500
    assert api.json() == {"error": "internal", "message": "an unexpected error occurred"}
    assert page.status_code == 500
    assert "Er ging iets mis" in page.text
    assert "secret internals" not in page.text + api.text
