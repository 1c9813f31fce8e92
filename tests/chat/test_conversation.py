"""A whole conversation over the sockets: queue, accept, messages both ways, several at once."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.chat.conftest import console, counsellor, drain, start_visitor, until
from zicht.store.db import Database
from zicht.store.tables import AuditRow, ChatMessageRow


def test_visitor_and_counsellor_hold_a_conversation(
    clients: Callable[[], TestClient],
    wire: TestClient,
    chat_app: FastAPI,
    sqlite_database: Database,
) -> None:
    staff = counsellor(clients)
    with console(wire, staff) as cons, wire.websocket_connect("/chat/ws") as chat:
        until(cons, "hello")
        start_visitor(chat, "pl")
        queued = until(cons, "queue", items=_NonEmpty())
        item = queued["items"][0]
        assert item["lang"] == "pl" and item["waiting_seconds"] >= 0
        chat.send_json({"type": "msg", "cid": "v1", "body": "Dzień dobry"})
        mine = until(chat, "msg")
        assert (mine["seq"], mine["from"], mine["cid"]) == (1, "visitor", "v1")
        cons.send_json({"type": "accept", "conversation": item["id"]})
        snapshot = until(cons, "conversation", id=item["id"])
        assert [m["body"] for m in snapshot["messages"]] == ["Dzień dobry"]
        assert until(chat, "status")["status"] == "active"
        cons.send_json(
            {"type": "msg", "conversation": item["id"], "cid": "c1", "body": "Hallo, ik ben er."}
        )
        reply = until(chat, "msg")
        assert (reply["seq"], reply["from"], reply["author"]) == (2, "counsellor", None)
        echo = until(cons, "msg", conversation=item["id"])
        assert echo["author"] == "cor"
    drain(wire)
    with sqlite_database.session() as s:
        assert s.scalar(select(func.count()).select_from(ChatMessageRow)) == 2
        actions = set(s.scalars(select(AuditRow.action)))
    assert "chat.accept" in actions


class _NonEmpty:
    """Matches any non-empty list (`until` compares with ==)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, list) and len(other) > 0


def test_a_counsellor_holds_several_conversations_at_once(
    clients: Callable[[], TestClient],
    wire: TestClient,
) -> None:
    staff = counsellor(clients)
    with (
        console(wire, staff) as cons,
        wire.websocket_connect("/chat/ws") as a,
        wire.websocket_connect("/chat/ws") as b,
    ):
        start_visitor(a)
        start_visitor(b, "en")
        queue = until(cons, "queue", items=_Len(2))
        ids = [i["id"] for i in queue["items"]]
        for cid in ids:
            cons.send_json({"type": "accept", "conversation": cid})
            until(cons, "conversation", id=cid)
        cons.send_json({"type": "msg", "conversation": ids[1], "body": "to b"})
        cons.send_json({"type": "msg", "conversation": ids[0], "body": "to a"})
        assert until(a, "msg")["body"] == "to a"
        assert until(b, "msg")["body"] == "to b"


class _Len:
    def __init__(self, n: int) -> None:
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, list) and len(other) == self.n


def test_only_counsellors_of_a_helpline_open_the_console(
    clients: Callable[[], TestClient],
    wire: TestClient,
) -> None:
    from starlette.websockets import WebSocketDisconnect

    anonymous = clients()
    for client, code in ((anonymous, 4401), (counsellor(clients, "ana"), 4403)):
        try:
            with console(wire, client) as ws:
                ws.receive_json()
        except WebSocketDisconnect as closed:
            assert closed.code == code
        else:
            raise AssertionError("the console socket was opened")
    staff = counsellor(clients)
    try:
        with console(wire, staff, origin="http://evil.example") as ws:
            ws.receive_json()
    except WebSocketDisconnect as closed:
        assert closed.code == 1008
    else:
        raise AssertionError("a socket from another site's page was opened")
    assert anonymous.get("/chat/console", follow_redirects=False).status_code == 303
