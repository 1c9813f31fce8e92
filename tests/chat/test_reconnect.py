"""A dropped connection loses nothing: the same conversation, replay by sequence number."""

from __future__ import annotations

import time
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.chat.conftest import console, counsellor, drain, start_visitor, until
from zicht.chat.hub import Hub
from zicht.store.db import Database
from zicht.store.tables import ChatConversationRow, ChatMessageRow


def accepted(cons: object, chat: object) -> int:
    queue = until(cons, "queue", items=_Any())  # type: ignore[arg-type]
    cid: int = queue["items"][0]["id"]
    cons.send_json({"type": "accept", "conversation": cid})  # type: ignore[attr-defined]
    until(chat, "status", status="active")  # type: ignore[arg-type]
    return cid


class _Any:
    def __eq__(self, other: object) -> bool:
        return isinstance(other, list) and len(other) > 0


def test_the_visitor_comes_back_to_the_same_conversation_and_misses_nothing(
    clients: Callable[[], TestClient],
    wire: TestClient,
    chat_app: FastAPI,
    sqlite_database: Database,
) -> None:
    staff = counsellor(clients)
    with console(wire, staff) as cons:
        with wire.websocket_connect("/chat/ws") as chat:
            token = start_visitor(chat)
            cid = accepted(cons, chat)
            chat.send_json({"type": "msg", "cid": "v1", "body": "first"})
            seen = until(chat, "msg")["seq"]
        # The visitor's connection dropped; the counsellor sees it and goes on writing.
        assert until(cons, "presence", visitor_connected=False)
        for text in ("while you were away", "are you there?"):
            cons.send_json({"type": "msg", "conversation": cid, "body": text})
        with wire.websocket_connect("/chat/ws") as chat:
            # The tab re-sends what it had not seen acknowledged, with the same client id.
            chat.send_json({"type": "hello", "token": token, "after": seen, "lang": "nl"})
            welcome = until(chat, "welcome")
            assert welcome["resumed"] and welcome["status"] == "active"
            missed = [until(chat, "msg")["body"] for _ in range(2)]
            assert missed == ["while you were away", "are you there?"]
            chat.send_json({"type": "msg", "cid": "v1", "body": "first"})
            again = until(chat, "msg")
            assert again["seq"] == seen  # the same message, not a second copy
            chat.send_json({"type": "msg", "cid": "v2", "body": "back"})
            assert until(chat, "msg")["seq"] == 4
        assert until(cons, "presence", visitor_connected=True)
    drain(wire)
    with sqlite_database.session() as s:
        rows = s.execute(
            select(ChatMessageRow.seq, ChatMessageRow.body)
            .where(ChatMessageRow.conversation_id == cid)
            .order_by(ChatMessageRow.seq)
        ).all()
    assert [tuple(r) for r in rows] == [
        (1, "first"),
        (2, "while you were away"),
        (3, "are you there?"),
        (4, "back"),
    ]


def test_after_the_grace_period_the_conversation_ends(
    clients: Callable[[], TestClient],
    wire: TestClient,
    chat_app: FastAPI,
    sqlite_database: Database,
) -> None:
    chat_app.state.chat_hub = Hub(sqlite_database, grace_seconds=0.2)
    with wire.websocket_connect("/chat/ws") as chat:
        token = start_visitor(chat)
    deadline = time.monotonic() + 5
    with sqlite_database.session() as s:
        while time.monotonic() < deadline:
            row = s.scalar(select(ChatConversationRow))
            if row is not None and row.status == "ended":
                break
            s.expire_all()
            time.sleep(0.05)
        assert row is not None and (row.status, row.end_reason) == ("ended", "visitor_gone")
    with wire.websocket_connect("/chat/ws") as chat:
        chat.send_json({"type": "hello", "token": token, "after": 0})
        assert until(chat, "status") == {"type": "status", "status": "ended", "blocked": False}
