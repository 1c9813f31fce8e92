"""Login, logout, cookies and session expiry, through the real form and database."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from tests import factories
from tests.web.conftest import log_in, login_nonce
from zicht.store.db import Database, utcnow
from zicht.store.tables import AuditRow, WebSessionRow
from zicht.web.auth import SESSION_COOKIE


def actions(database: Database) -> list[tuple[str, str]]:
    with database.session() as s:
        return [(r.actor, r.action) for r in s.scalars(select(AuditRow).order_by(AuditRow.seq))]


def test_login_sets_a_strict_httponly_session_cookie_and_is_audited(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    nonce = login_nonce(client)
    response = client.post(
        "/login",
        data={"username": "ana", "password": factories.PASSWORD, "csrf_token": nonce, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    cookie = next(
        h for h in response.headers.get_list("set-cookie") if h.startswith(SESSION_COOKIE + "=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    assert "Secure" not in cookie  # plain http on localhost only
    assert "Max-Age=28800" in cookie  # ZICHT_SESSION_HOURS, 8 by default
    assert ("ana", "login") in actions(database)
    assert client.get("/").status_code == 200


def test_a_wrong_password_shows_the_form_again_and_is_audited(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    nonce = login_nonce(client)
    response = client.post(
        "/login",
        data={"username": "ana", "password": "not the password", "csrf_token": nonce},
        follow_redirects=False,
    )
    assert response.status_code == 401
    assert "Onjuiste gebruikersnaam of wachtwoord" in response.text
    assert SESSION_COOKIE not in response.cookies
    assert ("ana", "login.failed") in actions(database)
    assert client.get("/api/me").status_code == 401


def test_login_without_the_signed_nonce_is_refused(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    # Another site posting our login form has neither our cookie nor a matching nonce.
    response = client.post(
        "/login",
        data={"username": "ana", "password": factories.PASSWORD, "csrf_token": "forged"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in response.cookies
    login_nonce(client)  # now the cookie is there, but the nonce is still wrong
    response = client.post(
        "/login",
        data={"username": "ana", "password": factories.PASSWORD, "csrf_token": "forged"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert ("ana", "login") not in actions(database)


def test_logout_ends_the_session_on_the_server(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    csrf = log_in(client, "ana")
    token = client.cookies[SESSION_COOKIE]
    response = client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    assert ("ana", "logout") in actions(database)
    # Even a copy of the old cookie no longer works: the session is gone from the database.
    client.cookies.set(SESSION_COOKIE, token)
    assert client.get("/api/me").status_code == 401


def test_an_expired_session_sends_the_browser_to_login(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    log_in(client, "ana")
    with database.session() as s:
        s.execute(update(WebSessionRow).values(expires_at=utcnow() - timedelta(seconds=1)))
    page = client.get("/deployments", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=/deployments"
    api = client.get("/api/deployments")
    assert api.status_code == 401
    assert api.json()["error"] == "unauthenticated"
