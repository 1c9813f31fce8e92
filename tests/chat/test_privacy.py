"""No address anywhere: not in a table, not in the server's log; no cookie for the visitor."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import String, Text, inspect, select, text
from websockets.sync.client import connect
from websockets.typing import Origin

from tests.chat.conftest import seed
from tests.e2e.server import serve
from zicht.store.db import Database
from zicht.store.tables import Base

CHAT_TABLES = ("chat_conversations", "chat_messages", "chat_transfers", "chat_closings")
ADDRESSY = re.compile(r"(^|_)(ip|ips|addr|address|host|client|remote|peer|user_agent|agent)(_|$)")


def test_no_chat_table_has_a_column_for_an_address() -> None:
    for name in CHAT_TABLES:
        columns = [c.name for c in Base.metadata.tables[name].columns]
        assert not [c for c in columns if ADDRESSY.search(c)], name


def test_the_visitor_page_sets_no_cookie_and_fetches_nothing_elsewhere(
    clients: Callable[[], TestClient],
) -> None:
    page = clients().get("/chat?lang=uk")
    assert page.status_code == 200 and "set-cookie" not in page.headers
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    # Every src/href on the page is a path on this site.
    for target in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert target.startswith("/") and not target.startswith("//"), target


def test_the_real_server_keeps_no_address_in_its_log_or_its_database(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    db.migrate()
    with db.session() as session:
        seed(session)
    db.dispose()
    with serve(home) as server:
        assert httpx.get(f"{server.url}/chat?lang=pl", timeout=10).status_code == 200
        assert httpx.get(f"{server.url}/weer", timeout=10).status_code == 200
        ws_url = server.url.replace("http", "ws") + "/chat/ws"
        with connect(ws_url, origin=Origin(server.url)) as ws:
            ws.send(json.dumps({"type": "hello", "lang": "pl"}))
            welcome = json.loads(ws.recv(timeout=10))
            ws.send(json.dumps({"type": "msg", "cid": "a", "body": "pomocy, mieszkam w Amsterdam"}))
            assert json.loads(ws.recv(timeout=10))["seq"] == 1
        with connect(ws_url, origin=Origin(server.url)) as ws:
            ws.send(json.dumps({"type": "hello", "token": welcome["token"], "after": 0}))
            assert json.loads(ws.recv(timeout=10))["resumed"] is True
            ws.send(json.dumps({"type": "leave"}))
    log = server.log()
    assert '"GET /chat HTTP/1.1" 200' in log and '"WebSocket /chat/ws"' in log
    assert "lang=pl" not in log
    # Only the start-up banner names an address: the server's own.
    assert [
        line
        for line in log.splitlines()
        if "127.0.0.1" in line and "Uvicorn running on" not in line
    ] == []
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            texts = [c.name for c in table.columns if isinstance(c.type, String | Text)]
            for column in texts:
                hits = conn.execute(
                    select(text("count(*)"))
                    .select_from(table)
                    .where(table.c[column].contains("127.0.0.1"))
                ).scalar()
                assert hits == 0, f"{table.name}.{column}"
        assert inspect(conn).has_table("chat_messages")
    db.dispose()
