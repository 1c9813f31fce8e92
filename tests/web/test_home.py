"""A home page per role, saying what the role can do here and linking to its pages."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from tests import factories
from tests.web.conftest import log_in
from zicht.store.db import Database
from zicht.web.i18n import catalogue

ROLES = [
    ("ana", "Politie Amsterdam", "police", "analyst", True),
    ("piet", "OM", "prosecution", "prosecutor", True),
    ("cor", "Fier", "helpline", "counsellor", False),
    ("cla", "CoMensha", "registry", "clerk", False),
    ("ine", "Arbeidsinspectie", "inspectorate", "inspector", False),
    ("ria", "Nationaal Rapporteur", "research", "researcher", False),
    ("adm", "Beheer", "registry", "admin", True),
]


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    """These tests are about pages, not engines: SQLite only keeps the suite fast."""
    return sqlite_database


@pytest.mark.parametrize(("username", "org", "kind", "role", "deployments"), ROLES)
def test_each_role_has_its_home_page(
    client: TestClient,
    database: Database,
    username: str,
    org: str,
    kind: str,
    role: str,
    deployments: bool,
) -> None:
    with database.session() as s:
        factories.user(s, username, org, kind, role)
    log_in(client, username)
    client.get("/lang/en")
    page = client.get("/")
    assert page.status_code == 200
    assert escape(catalogue("en")[f"home.{role}.intro"]) in page.text
    assert escape(catalogue("en")[f"role.{role}"]) in page.text
    assert ('href="/deployments"' in page.text) is deployments
    assert 'href="/audit"' in page.text
    assert 'action="/logout"' in page.text


def test_home_needs_a_login(client: TestClient, people: factories.Chain) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/"
