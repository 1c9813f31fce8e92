"""The login form's behaviour that does not depend on the database engine (SQLite only)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests import factories
from tests.web.conftest import log_in, login_nonce
from zicht.store.db import Database
from zicht.web.auth import SESSION_COOKIE


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    return sqlite_database


def test_the_cookie_is_secure_anywhere_but_localhost(app: FastAPI, people: factories.Chain) -> None:
    with TestClient(app, base_url="https://zicht.example") as client:
        nonce = login_nonce(client)
        response = client.post(
            "/login",
            data={"username": "ana", "password": factories.PASSWORD, "csrf_token": nonce},
            follow_redirects=False,
        )
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE + "=")
    )
    assert "Secure" in cookie


def test_next_never_leaves_the_site(client: TestClient, people: factories.Chain) -> None:
    nonce = login_nonce(client)
    response = client.post(
        "/login",
        data={
            "username": "ana",
            "password": factories.PASSWORD,
            "csrf_token": nonce,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_a_logged_in_user_skips_the_login_form(client: TestClient, people: factories.Chain) -> None:
    log_in(client, "ana")
    response = client.get("/login?next=/audit", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/audit"
