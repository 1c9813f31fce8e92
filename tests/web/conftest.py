"""The web app against a real database (SQLite and PostgreSQL), driven in process.

The client talks to http://localhost: the one origin where the session cookie is
not `Secure`, as on a laptop demo.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests import factories
from zicht.store.db import Database
from zicht.web.app import create_app

NONCE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def app(database: Database) -> FastAPI:
    return create_app()


@pytest.fixture
def people(database: Database) -> factories.Chain:
    with database.session() as session:
        return factories.chain(session)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture
def make_client(app: FastAPI) -> Iterator[Callable[[], TestClient]]:
    """More browsers at once (an analyst and a prosecutor side by side)."""
    clients: list[TestClient] = []

    def make() -> TestClient:
        clients.append(TestClient(app, base_url="http://localhost"))
        return clients[-1]

    yield make
    for c in clients:
        c.close()


def login_nonce(client: TestClient) -> str:
    page = client.get("/login")
    assert page.status_code == 200
    found = NONCE.search(page.text)
    assert found, "the login form carries a CSRF nonce"
    return found.group(1)


def log_in(client: TestClient, username: str, password: str = factories.PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token."""
    nonce = login_nonce(client)
    response = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": nonce},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    me = client.get("/api/me")
    assert me.status_code == 200
    token: str = me.json()["csrf_token"]
    return token
