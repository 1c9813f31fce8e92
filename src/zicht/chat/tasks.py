"""Background work the hub starts: kept referenced until done (asyncio holds only weak ones)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


class Tasks:
    def __init__(self) -> None:
        self._running: set[asyncio.Task[Any]] = set()

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coroutine)
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        return task

    def later(
        self, delay: float, start: Callable[[], Coroutine[Any, Any, Any]]
    ) -> asyncio.TimerHandle:
        """Start `start()` in `delay` seconds; the handle cancels it before then."""
        return asyncio.get_running_loop().call_later(delay, lambda: self.spawn(start()))
