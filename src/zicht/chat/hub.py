"""The hub: live conversations between visitors and counsellors in one process.

It only puts the parts together: `rooms` (the live conversations), `fanout`
(who is connected, what they are sent), `writer` (the transcript, written
behind delivery), `grace` (a dropped visitor's time to come back) and
`suggestions` (the detector beside a conversation). `visitors` and
`counsellors` speak the two sides' protocols.

One process holds the live state. Several processes would share it through a
broker (Redis pub/sub); only `rooms` and `fanout` would change.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from sqlalchemy import update

from zicht.chat import store
from zicht.chat.counsellors import Counsellors, may_counsel
from zicht.chat.delivery import Delivery
from zicht.chat.fanout import Fanout
from zicht.chat.grace import GRACE_SECONDS, Grace
from zicht.chat.live import Live, Message
from zicht.chat.rooms import Rooms
from zicht.chat.suggest import suggest
from zicht.chat.suggesting import Suggester, SuggestionRunner
from zicht.chat.tasks import Tasks
from zicht.chat.visitors import Visitors
from zicht.chat.writer import TranscriptWriter
from zicht.domain import User
from zicht.store.db import Database, utcnow
from zicht.store.tables import ChatConversationRow

__all__ = ["Hub", "may_counsel"]


class Hub:
    def __init__(
        self,
        database: Database,
        *,
        grace_seconds: float = GRACE_SECONDS,
        suggester: Suggester | None = suggest,
    ) -> None:
        self.database = database
        self.tasks = Tasks()
        self.rooms = Rooms()
        self.fanout = Fanout(self.rooms, self.tasks)
        self.writer = TranscriptWriter(database, stored=self._stored)
        self.delivery = Delivery(self.fanout, self.writer)
        self.grace = Grace(grace_seconds, self.tasks, lambda live: self.end(live, "visitor_gone"))
        self.suggestions = (
            SuggestionRunner(suggester, self.fanout, self.tasks) if suggester else None
        )
        self.visitors = Visitors(self)
        self.counsellors = Counsellors(self)
        with database.session() as session:
            # Live state does not survive a restart: say so instead of leaving them waiting.
            session.execute(
                update(ChatConversationRow)
                .where(ChatConversationRow.status.in_(("waiting", "active")))
                .values(status="ended", end_reason="restart", ended_at=utcnow())
            )

    async def db(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """One transaction in a worker thread: the event loop never waits on the database."""

        def run() -> Any:
            with self.database.session() as session:
                return fn(session, *args, **kwargs)

        return await asyncio.to_thread(run)

    async def _stored(self, live: Live, message: Message) -> None:
        await self.delivery.stored(live, message)

    async def warm(self) -> None:
        if self.suggestions is not None:
            await self.suggestions.warm()

    async def drain(self) -> None:
        """Wait until every message so far is in the database (tests, shutdown)."""
        await self.writer.drain()

    async def end(
        self, live: Live, reason: str, user: User | None = None, blocked: bool = False
    ) -> None:
        """End a conversation for both sides; its transcript is complete before it is marked."""
        was_waiting = live.status == "waiting"
        live.status, live.blocked = "ended", blocked
        self.grace.cancel(live)
        await self.writer.drain()
        await self.db(store.end, live.id, reason=reason, now=utcnow(), user=user, blocked=blocked)
        ended = {"type": "status", "status": "ended", "blocked": blocked}
        await self.fanout.to_visitor(live, ended)
        await self.fanout.to_counsellor(
            live,
            {
                "type": "status",
                "conversation": live.id,
                "status": "ended",
                "reason": reason,
                "blocked": blocked,
            },
        )
        if was_waiting:
            self.fanout.queue_changed()
        self.rooms.forget_later(live)
