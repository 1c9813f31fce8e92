"""Who is connected and what each of them is sent: one encoding a frame, however many tabs.

A counsellor may have the console open in several tabs; each gets every frame.
Queue changes are coalesced: 500 arrivals make a few frames per console, not 500.
"""

from __future__ import annotations

import json
from typing import Any

from zicht.chat.live import Live, Peer
from zicht.chat.rooms import Rooms
from zicht.chat.tasks import Tasks
from zicht.domain import User

QUEUE_EVERY = 0.25  # seconds: queue changes are sent to the consoles at most this often


# One encoder for every frame (json.dumps with options builds a new one a call).
_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode(frame: dict[str, Any]) -> str:
    return _encoder.encode(frame)


class Fanout:
    def __init__(self, rooms: Rooms, tasks: Tasks, *, queue_every: float = QUEUE_EVERY) -> None:
        self.rooms = rooms
        self.tasks = tasks
        self.queue_every = queue_every
        self.consoles: dict[str, set[Peer]] = {}
        self.users: dict[str, User] = {}
        self._queue_due = False

    def join(self, user: User, peer: Peer) -> None:
        self.users[user.username] = user
        self.consoles.setdefault(user.username, set()).add(peer)

    def leave(self, user: User, peer: Peer) -> None:
        peers = self.consoles.get(user.username, set())
        peers.discard(peer)
        if not peers:
            self.consoles.pop(user.username, None)

    async def to_user(self, username: str | None, frame: dict[str, Any] | str) -> None:
        peers = self.consoles.get(username) if username else None
        if peers:
            text = frame if isinstance(frame, str) else encode(frame)
            for peer in list(peers):
                await peer.send(text)

    async def to_counsellor(self, live: Live, frame: dict[str, Any] | str) -> None:
        await self.to_user(live.counsellor, frame)

    async def to_visitor(self, live: Live, frame: dict[str, Any] | str) -> None:
        if live.visitor is not None:
            await live.visitor.send(frame)

    def queue_changed(self) -> None:
        if not self._queue_due:
            self._queue_due = True
            self.tasks.later(self.queue_every, self.broadcast_queue)

    async def broadcast_queue(self) -> None:
        self._queue_due = False
        text = encode({"type": "queue", "items": self.rooms.queue()})
        for peers in list(self.consoles.values()):
            for peer in list(peers):
                await peer.send(text)

    def colleagues(self, user: User) -> list[str]:
        """Colleagues of the same organisation with a console open (transfer targets)."""
        return sorted(
            name
            for name, u in self.users.items()
            if u.org_id == user.org_id and name != user.username and self.consoles.get(name)
        )

    async def broadcast_colleagues(self) -> None:
        for name, peers in list(self.consoles.items()):
            text = encode({"type": "colleagues", "items": self.colleagues(self.users[name])})
            for peer in list(peers):
                await peer.send(text)
