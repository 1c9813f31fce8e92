"""The detector beside a running conversation: at most one run a conversation every few seconds.

A visitor's message is delivered first; the detector reads it afterwards. Text
that arrives while a run is due waits and is read in one go with the rest
(a trailing throttle: the first message of a quiet conversation is read at once,
a busy one at most every `SUGGEST_EVERY` seconds). A busy hour therefore costs
the detector less per message, not more, and the event loop never runs the
detector for every single message of 500 conversations.

The matching runs in the event loop, after delivery: in a thread it would only
make the loop wait for the interpreter lock, and its sub-millisecond runs do not
pay for a process of their own on two busy cores.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from zicht.chat.fanout import Fanout
from zicht.chat.live import Live
from zicht.chat.suggest import Suggestions, ready, suggest
from zicht.chat.tasks import Tasks

SUGGEST_EVERY = 2.0  # seconds between two detector runs for one conversation

Suggester = Callable[[str, str], Suggestions]


def ready_detector() -> None:
    suggest("", "nl")


class SuggestionRunner:
    def __init__(
        self, suggester: Suggester, fanout: Fanout, tasks: Tasks, every: float = SUGGEST_EVERY
    ) -> None:
        self.suggester = suggester
        self.fanout = fanout
        self.tasks = tasks
        self.every = every

    async def warm(self) -> None:
        """Build the detector before the first visitor writes, not while they wait."""
        if not ready():
            await asyncio.to_thread(ready_detector)

    def add(self, live: Live, text: str) -> None:
        live.suggest_backlog.append(text)
        if live.suggest_due:
            return
        live.suggest_due = True
        wait = live.suggest_last + self.every - asyncio.get_running_loop().time()
        self.tasks.later(max(0.0, wait), lambda: self._run(live))

    async def _run(self, live: Live) -> None:
        await self.warm()
        live.suggest_due = False
        live.suggest_last = asyncio.get_running_loop().time()
        text, live.suggest_backlog = "\n".join(live.suggest_backlog), []
        if live.status == "ended" or not text:
            return
        found = self.suggester(text, live.lang)
        # Each indicator once, with the words that first made it fire (text read again in
        # another batch may match a slightly different span of the same words).
        seen = {s["indicator"] for s in live.suggestions}
        new = []
        for item in found.items:
            if item["indicator"] not in seen:
                seen.add(item["indicator"])
                new.append(item)
        if not new and found.note == live.suggest_note and live.suggestions:
            return
        live.suggest_note = found.note
        live.suggestions.extend(new)
        if new or found.note or not found.available:
            await self.fanout.to_counsellor(
                live,
                {
                    "type": "suggestions",
                    "conversation": live.id,
                    "available": found.available,
                    "note": found.note,
                    "items": live.suggestions,
                },
            )
