"""Write-behind for transcripts: delivery never waits on the database, and nothing is lost.

A message is delivered to the other side the moment it arrives; its row joins
a bounded queue that one task writes in batches (one transaction, one thread
hop every `FLUSH_EVERY` seconds). The sender's acknowledgement (the echo with
its sequence number) goes out only after that batch committed, so an
acknowledged message is always in the database; a tab keeps what was not
acknowledged and sends it again (same client id) after a reconnect.

Bounded, not lossy: when the queue is full a sender waits for room, which slows
that one connection down instead of dropping anything. A failed write is kept
at the head of the queue and retried; nothing behind it is acknowledged first.

The queue holds only (conversation, message) pairs, the objects the conversation
keeps anyway: a row, a dict and a callback for every message waiting 100 ms
outlived the collector's young generations and made full collections (long
pauses under load) come more often.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from itertools import islice
from typing import Any

from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError, IntegrityError

from zicht.chat.live import Live, Message
from zicht.store.db import Database
from zicht.store.tables import ChatMessageRow

FLUSH_EVERY = 0.1  # seconds a message waits at most before its batch is written
LIMIT = 20_000  # messages waiting at most; then senders wait for room
BATCH = 2_000  # rows in one transaction at most
RETRY_MAX = 5.0  # seconds between attempts when the database does not answer

Row = tuple[Live, Message]
Stored = Callable[[Live, Message], Awaitable[None]]
log = logging.getLogger(__name__)


def columns(row: Row) -> dict[str, Any]:
    live, message = row
    return {
        "conversation_id": live.id,
        "seq": message.seq,
        "sender": message.sender,
        "author": message.author,
        "body": message.body,
        "at": message.at,
    }


async def _nothing(live: Live, message: Message) -> None:
    return None


class TranscriptWriter:
    def __init__(
        self,
        database: Database,
        *,
        stored: Stored = _nothing,
        every: float = FLUSH_EVERY,
        limit: int = LIMIT,
    ) -> None:
        self.database = database
        self.stored = stored  # called, in order, for each message once it is committed
        self.every = every
        self.limit = limit
        self._queue: deque[Row] = deque()
        self._room = asyncio.Condition()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task[None] | None = None
        self._insert = insert(ChatMessageRow)  # Core: executed on a connection, not a session
        self.written = 0  # rows committed since start (figures, tests)

    def __len__(self) -> int:
        return len(self._queue)

    async def put(self, live: Live, message: Message) -> None:
        """Queue one message; waits (this sender only) while the queue is full."""
        if len(self._queue) >= self.limit:
            async with self._room:
                await self._room.wait_for(lambda: len(self._queue) < self.limit)
        self._queue.append((live, message))
        self._idle.clear()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())

    async def drain(self) -> None:
        """Wait until every row queued so far is committed and acknowledged."""
        while not self._idle.is_set():
            await self._idle.wait()

    async def _run(self) -> None:
        delay = self.every
        while self._queue:
            await asyncio.sleep(delay)  # gather a batch
            batch = list(islice(self._queue, BATCH))
            try:
                stored = await asyncio.to_thread(self._store, batch)
            except DBAPIError as error:
                # Kept at the head of the queue and tried again; the cause goes to the log
                # (the statement, which holds what was typed, does not).
                log.error("chat transcript not written, retrying: %s", type(error.orig).__name__)
                delay = min(RETRY_MAX, max(delay * 2, 0.5))
                continue
            delay = self.every
            for _ in batch:
                self._queue.popleft()
            self.written += len(stored)
            async with self._room:
                self._room.notify_all()
            for live, message in stored:
                await self.stored(live, message)
        self._idle.set()

    def _store(self, batch: list[Row]) -> list[Row]:
        """The rows now in the database. A row the table refuses (its conversation gone)
        must not hold up the rest: then one by one, and a refused row is logged and never
        acknowledged."""
        try:
            self._write([columns(r) for r in batch])
        except IntegrityError:
            return [r for r in batch if self._write_one(r)]
        return batch

    def _write(self, rows: list[dict[str, Any]]) -> None:
        """Core insert, many rows at once: little Python per row, so the writing thread
        seldom holds the interpreter lock the event loop needs."""
        with self.database.engine.begin() as conn:
            conn.execute(self._insert, rows)

    def _write_one(self, row: Row) -> bool:
        try:
            self._write([columns(row)])
        except IntegrityError:
            log.error(
                "chat message %s of conversation %s refused by the database",
                row[1].seq,
                row[0].id,
            )
            return False
        return True
