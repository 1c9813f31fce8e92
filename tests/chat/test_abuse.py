"""Abuse resistance: rate and size limits per connection, text never markup, end and block."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.websockets import WebSocketDisconnect

from tests.chat.conftest import console, counsellor, drain, start_visitor, until
from tests.chat.test_reconnect import accepted
from zicht.chat.limits import BURST, MAX_CHARS, MAX_FRAME, Bucket
from zicht.store.db import Database
from zicht.store.tables import AuditRow, ChatConversationRow, ChatMessageRow

STATIC = Path(__file__).parents[2] / "src" / "zicht" / "web" / "static" / "chat"
XSS = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def test_the_bucket_allows_a_burst_then_the_rate() -> None:
    bucket = Bucket(rate=2, burst=3, tokens=3, stamp=0.0)
    assert [bucket.allow(0.0) for _ in range(4)] == [True, True, True, False]
    assert bucket.allow(0.5) and not bucket.allow(0.5)


def test_a_flood_is_refused_per_connection(
    clients: Callable[[], TestClient], wire: TestClient
) -> None:
    with wire.websocket_connect("/chat/ws") as chat:
        start_visitor(chat)
        for n in range(BURST + 3):
            chat.send_json({"type": "msg", "cid": f"m{n}", "body": f"spam {n}"})
        frames = [chat.receive_json() for _ in range(BURST + 3)]
    kinds = [f.get("code", f["type"]) for f in frames]
    assert kinds.count("msg") == BURST and kinds.count("rate_limited") == 3
    # Another visitor is not slowed down by the first one's flood.
    with wire.websocket_connect("/chat/ws") as other:
        start_visitor(other)
        other.send_json({"type": "msg", "cid": "x", "body": "hello"})
        assert until(other, "msg")["body"] == "hello"


def test_too_long_messages_are_refused_and_huge_frames_close_the_socket(
    clients: Callable[[], TestClient],
    wire: TestClient,
) -> None:
    with wire.websocket_connect("/chat/ws") as chat:
        start_visitor(chat)
        chat.send_json({"type": "msg", "cid": "a", "body": "x" * (MAX_CHARS + 1)})
        refused = until(chat, "error")
        assert refused["code"] == "invalid" and str(MAX_CHARS) in refused["message"]
        chat.send_text("y" * (MAX_FRAME + 1))
        with pytest.raises(WebSocketDisconnect) as closed:
            chat.receive_json()
    assert closed.value.code == 1009


def test_markup_is_kept_as_text_and_no_script_renders_markup(
    clients: Callable[[], TestClient],
    wire: TestClient,
    chat_app: FastAPI,
    sqlite_database: Database,
) -> None:
    with wire.websocket_connect("/chat/ws") as chat:
        start_visitor(chat)
        chat.send_json({"type": "msg", "cid": "x", "body": XSS})
        assert until(chat, "msg")["body"] == XSS
    drain(wire)
    with sqlite_database.session() as s:
        assert s.scalar(select(ChatMessageRow.body)) == XSS
    for script in STATIC.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        assert not re.search(
            r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", source
        ), script.name


def test_a_counsellor_ends_and_blocks_a_conversation(
    clients: Callable[[], TestClient], wire: TestClient, sqlite_database: Database
) -> None:
    staff = counsellor(clients)
    with console(wire, staff) as cons, wire.websocket_connect("/chat/ws") as chat:
        token = start_visitor(chat)
        cid = accepted(cons, chat)
        cons.send_json({"type": "block", "conversation": cid})
        assert until(chat, "status") == {"type": "status", "status": "ended", "blocked": True}
        assert until(cons, "status", conversation=cid)["blocked"] is True
        chat.send_json({"type": "msg", "cid": "late", "body": "still here?"})
        assert until(chat, "status")["blocked"] is True
        cons.send_json({"type": "msg", "conversation": cid, "body": "after the end"})
        assert until(cons, "error")["code"] == "conflict"
    with wire.websocket_connect("/chat/ws") as chat:
        chat.send_json({"type": "hello", "token": token})
        assert until(chat, "status")["blocked"] is True
    with sqlite_database.session() as s:
        row = s.get(ChatConversationRow, cid)
        assert row is not None and row.blocked and row.end_reason == "counsellor_block"
        assert "chat.block" in set(s.scalars(select(AuditRow.action)))


def test_transfer_to_a_colleague_with_a_note(
    clients: Callable[[], TestClient], wire: TestClient
) -> None:
    cor, cas = counsellor(clients), counsellor(clients, "cas")
    with (
        console(wire, cor) as one,
        console(wire, cas) as two,
        wire.websocket_connect("/chat/ws") as chat,
    ):
        until(one, "colleagues", items=["cas"])
        start_visitor(chat)
        cid = accepted(one, chat)
        one.send_json({"type": "transfer", "conversation": cid, "to": "otto", "note": "x"})
        assert until(one, "error")["code"] == "not_found"  # another helpline's counsellor
        one.send_json(
            {
                "type": "transfer",
                "conversation": cid,
                "to": "cas",
                "note": "Speaks Polish; asked about her passport.",
            }
        )
        assert until(one, "transferred", conversation=cid)["to"] == "cas"
        taken = until(two, "conversation", id=cid)
        assert (taken["note"], taken["noted_by"]) == (
            "Speaks Polish; asked about her passport.",
            "cor",
        )
        two.send_json({"type": "msg", "conversation": cid, "body": "Hello, I am taking over."})
        assert until(chat, "msg")["body"] == "Hello, I am taking over."
        one.send_json({"type": "msg", "conversation": cid, "body": "still mine?"})
        assert until(one, "error")["code"] == "not_found"
