"""The reconnection grace period: a dropped visitor has this long to come back.

A tab loses its socket on a train, a language switch or a flaky phone; the
conversation waits for it. Only when the grace period passes without the tab
returning does the conversation end ("visitor_gone").
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from zicht.chat.live import Live
from zicht.chat.tasks import Tasks

GRACE_SECONDS = 120.0


class Grace:
    def __init__(
        self, seconds: float, tasks: Tasks, expire: Callable[[Live], Awaitable[None]]
    ) -> None:
        self.seconds = seconds
        self._tasks = tasks
        self._expire = expire

    def start(self, live: Live) -> None:
        self.cancel(live)
        live.grace = self._tasks.later(self.seconds, lambda: self._ended(live))

    def cancel(self, live: Live) -> None:
        if live.grace is not None:
            live.grace.cancel()
            live.grace = None

    async def _ended(self, live: Live) -> None:
        live.grace = None
        if live.visitor is None and live.status != "ended":
            await self._expire(live)
