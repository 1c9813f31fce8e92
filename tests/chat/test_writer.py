"""The transcript is written behind delivery: bounded, in order, acknowledged once stored."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.chat.conftest import console, counsellor, drain, start_visitor, until
from tests.chat.test_reconnect import accepted
from zicht.chat import store
from zicht.chat.live import Live, Message
from zicht.chat.writer import TranscriptWriter
from zicht.store.db import Database
from zicht.store.tables import ChatMessageRow

AT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def stored(db: Database, conversation_id: int) -> list[int]:
    with db.session() as s:
        return list(
            s.scalars(
                select(ChatMessageRow.seq)
                .where(ChatMessageRow.conversation_id == conversation_id)
                .order_by(ChatMessageRow.seq)
            )
        )


def new_conversation(db: Database) -> int:
    with db.session() as s:
        conversation_id: int = store.create(s, token="t" * 20, lang="nl", visitor=None, now=AT)
        return conversation_id


def test_a_full_queue_makes_senders_wait_and_loses_nothing(sqlite_database: Database) -> None:
    live = Live(new_conversation(sqlite_database), "hash", "nl", AT)
    acked: list[tuple[int, list[int]]] = []
    most = 0

    async def ack(live: Live, message: Message) -> None:  # what the database holds by then
        acked.append((message.seq, stored(sqlite_database, live.id)))

    async def run() -> None:
        nonlocal most
        writer = TranscriptWriter(sqlite_database, stored=ack, every=0.01, limit=3)
        for seq in range(1, 21):  # one after the other, as one socket sends
            await writer.put(live, Message(seq, "visitor", None, f"message {seq}", AT))
            most = max(most, len(writer))
        await writer.drain()
        assert writer.written == 20

    asyncio.run(run())
    assert most <= 3
    assert stored(sqlite_database, live.id) == list(range(1, 21))
    assert [seq for seq, _ in acked] == list(range(1, 21))  # in order
    assert all(seq in rows for seq, rows in acked)  # never before it was stored


def test_a_row_the_database_refuses_holds_up_nothing_and_is_not_acknowledged(
    sqlite_database: Database,
) -> None:
    live = Live(new_conversation(sqlite_database), "hash", "nl", AT)
    gone = Live(987654, "other", "nl", AT)  # no such conversation: the foreign key refuses
    acked: list[tuple[int, int]] = []

    async def ack(live: Live, message: Message) -> None:
        acked.append((live.id, message.seq))

    async def run() -> None:
        writer = TranscriptWriter(sqlite_database, stored=ack, every=0.01)
        for conv, seq in ((live, 1), (gone, 1), (live, 2)):
            await writer.put(conv, Message(seq, "visitor", None, "x", AT))
        await writer.drain()

    asyncio.run(run())
    assert stored(sqlite_database, live.id) == [1, 2]
    assert acked == [(live.id, 1), (live.id, 2)]


def test_the_sender_hears_back_only_when_the_message_is_stored(
    clients: Callable[[], TestClient], wire: TestClient, sqlite_database: Database
) -> None:
    staff = counsellor(clients)
    with console(wire, staff) as cons, wire.websocket_connect("/chat/ws") as chat:
        start_visitor(chat)
        cid = accepted(cons, chat)
        for n in range(3):
            chat.send_json({"type": "msg", "cid": f"v{n}", "body": f"visitor {n}"})
            assert until(cons, "msg", cid=f"v{n}")["body"] == f"visitor {n}"  # delivered
            echo = until(chat, "msg", cid=f"v{n}")
            assert echo["seq"] in stored(sqlite_database, cid)  # acknowledged: stored
            cons.send_json({"type": "msg", "conversation": cid, "cid": f"c{n}", "body": "ok"})
            until(chat, "msg", cid=f"c{n}")
            mine = until(cons, "msg", cid=f"c{n}")
            assert mine["seq"] in stored(sqlite_database, cid)
    assert stored(sqlite_database, cid) == [1, 2, 3, 4, 5, 6]


def test_a_message_sent_just_before_the_drop_is_stored_once(
    clients: Callable[[], TestClient], wire: TestClient, sqlite_database: Database
) -> None:
    staff = counsellor(clients)
    with console(wire, staff) as cons:
        with wire.websocket_connect("/chat/ws") as chat:
            token = start_visitor(chat)
            cid = accepted(cons, chat)
            chat.send_json({"type": "msg", "cid": "last", "body": "sent as the train left"})
        # The tab never heard back, so it still holds the message and sends it again.
        with wire.websocket_connect("/chat/ws") as chat:
            chat.send_json({"type": "hello", "token": token, "after": 0})
            assert until(chat, "welcome")["resumed"]
            chat.send_json({"type": "msg", "cid": "last", "body": "sent as the train left"})
            echo = until(chat, "msg", cid="last")
            assert echo["seq"] == 1
            chat.send_json({"type": "msg", "cid": "next", "body": "and this"})
            assert until(chat, "msg", cid="next")["seq"] == 2
    drain(wire)
    with sqlite_database.session() as s:
        count = s.scalar(select(func.count()).select_from(ChatMessageRow))
    assert count == 2 and stored(sqlite_database, cid) == [1, 2]
