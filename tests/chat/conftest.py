"""The chat against a real database, driven in process: sockets through Starlette's TestClient."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

from tests import factories
from tests.web.conftest import log_in
from zicht.chat.hub import Hub
from zicht.domain import User
from zicht.route.units import declare_unit
from zicht.store.db import Database
from zicht.web.app import create_app


@dataclass
class Helpline:
    cor: User  # counsellor
    cas: User  # a colleague in the same helpline
    other: User  # a counsellor of another helpline
    analyst: User  # the AVIM team of unit Amsterdam (RE05)
    admin: User


def seed(session: Any) -> Helpline:
    chain = factories.chain(session)
    people = Helpline(
        cor=chain.counsellor,
        cas=factories.user(session, "cas", "Fier", "helpline", "counsellor"),
        other=factories.user(session, "otto", "Slachtofferhulp", "helpline", "counsellor"),
        analyst=chain.analyst,
        admin=chain.admin,
    )
    declare_unit(session, chain.admin, "Politie Amsterdam", "RE05")
    return people


@pytest.fixture
def helpline(sqlite_database: Database) -> Helpline:
    with sqlite_database.session() as session:
        return seed(session)


@pytest.fixture
def chat_app(sqlite_database: Database, helpline: Helpline) -> FastAPI:
    app = create_app()
    app.state.chat_hub = Hub(sqlite_database, grace_seconds=30)
    return app


@pytest.fixture
def wire(chat_app: FastAPI) -> Iterator[TestClient]:
    """The one client every socket goes through: one event loop, as in the real server.

    (Each TestClient runs the app in its own event loop; sockets of one conversation
    must share the hub's loop.) It holds no cookie: a login travels as a header.
    """
    with TestClient(chat_app, base_url="http://localhost") as client:
        yield client


def drain(wire: TestClient) -> None:
    """Wait until the hub has written every message so far."""
    assert wire.portal is not None and isinstance(wire.app, FastAPI)
    hub: Hub = wire.app.state.chat_hub
    wire.portal.call(hub.drain)


@pytest.fixture
def clients(chat_app: FastAPI) -> Iterator[Callable[[], TestClient]]:
    made: list[TestClient] = []

    def make() -> TestClient:
        made.append(TestClient(chat_app, base_url="http://localhost"))
        return made[-1]

    yield make
    for c in made:
        c.close()


def counsellor(make: Callable[[], TestClient], username: str = "cor") -> TestClient:
    client = make()
    log_in(client, username)
    return client


def console(wire: TestClient, login: TestClient, **headers: str) -> Any:
    """A counsellor's console socket: the login's cookie, sent through the wire."""
    cookie = f"zicht_session={login.cookies.get('zicht_session', '')}"
    return wire.websocket_connect("/chat/console/ws", headers={"cookie": cookie, **headers})


def until(ws: WebSocketTestSession, kind: str, **match: object) -> dict[str, Any]:
    """Read frames until one of this type (and these values) arrives."""
    for _ in range(200):
        frame: dict[str, Any] = ws.receive_json()
        if frame["type"] == kind and all(frame.get(k) == v for k, v in match.items()):
            return frame
    raise AssertionError(f"no {kind} frame with {match}")


def start_visitor(ws: WebSocketTestSession, lang: str = "nl", **extra: object) -> str:
    ws.send_json({"type": "hello", "lang": lang, **extra})
    welcome = until(ws, "welcome")
    token: str = welcome["token"]
    return token
