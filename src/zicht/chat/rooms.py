"""The live conversations of this process, found by number or by a tab's resume secret.

An ended conversation stays findable for a while, so that a tab coming back is
told it ended (and whether it was blocked); then only its rows remain.
"""

from __future__ import annotations

import asyncio
from typing import Any

from zicht.chat import store
from zicht.chat.live import Live
from zicht.domain import User
from zicht.errors import NotFound
from zicht.store.db import utcnow

ENDED_KEEP = 600.0  # seconds an ended conversation stays in memory


class Rooms:
    def __init__(self) -> None:
        self.live: dict[int, Live] = {}
        self._by_token: dict[str, int] = {}

    def add(self, live: Live) -> None:
        self.live[live.id] = live
        self._by_token[live.token_hash] = live.id

    def get(self, conversation: object) -> Live | None:
        return self.live.get(conversation) if isinstance(conversation, int) else None

    def by_token(self, token: str) -> Live | None:
        conversation_id = self._by_token.get(store.resume_hash(token))
        return self.live.get(conversation_id) if conversation_id is not None else None

    def mine(self, user: User, conversation: object) -> Live:
        live = self.get(conversation)
        if live is None or live.counsellor != user.username:
            raise NotFound(f"no conversation {conversation} of yours is open")
        return live

    def of(self, username: str) -> list[Live]:
        return [live for live in self.live.values() if live.counsellor == username]

    def queue(self) -> list[dict[str, Any]]:
        """Who is waiting, longest first, with waiting time and number of messages."""
        now = utcnow()
        waiting = [v for v in self.live.values() if v.status == "waiting"]
        return [v.queue_item(now) for v in sorted(waiting, key=lambda v: v.created)]

    def forget_later(self, live: Live, after: float = ENDED_KEEP) -> None:
        asyncio.get_running_loop().call_later(after, self._forget, live)

    def _forget(self, live: Live) -> None:
        """Free the memory of an ended conversation; its rows stay until retention."""
        self.live.pop(live.id, None)
        self._by_token.pop(live.token_hash, None)
