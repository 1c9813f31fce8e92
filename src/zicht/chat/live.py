"""The live state of a conversation: its numbered messages, who is connected, the queue entry.

One sequence number per conversation orders the messages of both sides. A tab
that reconnects says which number it saw last and gets what came after (replay);
a message a tab re-sends after a dropped connection carries the same client id
and is not stored twice.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

SENDERS = ("visitor", "counsellor", "system")


class Peer(Protocol):
    """One WebSocket, as the hub sees it: the web layer hides Starlette behind this."""

    async def send(self, data: dict[str, Any] | str) -> bool:
        """Send one JSON frame (a dict, or one already encoded); False when the socket has gone."""
        ...

    async def close(self, code: int = 1000) -> None: ...


@dataclass(frozen=True, slots=True)
class Message:
    seq: int
    sender: str
    author: str | None
    body: str
    at: datetime
    cid: str | None = None

    def public(self, conversation_id: int, *, for_visitor: bool) -> dict[str, Any]:
        """The frame for a client; the visitor never learns a counsellor's username."""
        return {
            "type": "msg",
            "conversation": conversation_id,
            "seq": self.seq,
            "from": self.sender,
            "author": None if for_visitor else self.author,
            "body": self.body,
            "at": self.at.isoformat(timespec="seconds"),
            "cid": self.cid,
        }


@dataclass(slots=True)
class Live:
    id: int
    token_hash: str
    lang: str
    created: datetime
    status: str = "waiting"  # waiting, active, ended
    counsellor: str | None = None
    org_id: int | None = None
    messages: list[Message] = field(default_factory=list)
    cids: dict[str, int] = field(default_factory=dict)
    visitor: Peer | None = None
    grace: asyncio.TimerHandle | None = None
    blocked: bool = False
    note: str | None = None
    noted_by: str | None = None
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    suggest_note: str | None = None
    suggest_backlog: list[str] = field(default_factory=list)  # text waiting for the detector
    suggest_due: bool = False  # a detector run is scheduled
    suggest_last: float = float("-inf")  # loop time of the last run
    stored: int = 0  # every message up to this number is in the database

    def is_stored(self, message: Message) -> bool:
        return message.seq <= self.stored

    @property
    def last_seq(self) -> int:
        return self.messages[-1].seq if self.messages else 0

    def add(
        self, sender: str, author: str | None, body: str, at: datetime, cid: str | None
    ) -> tuple[Message, bool]:
        """The message with its number; False when this client id was stored already."""
        key = f"{sender}:{cid}" if cid else None
        if key is not None and key in self.cids:
            return self.messages[self.cids[key] - 1], False
        message = Message(self.last_seq + 1, sender, author, body, at, cid)
        self.messages.append(message)
        if key is not None:
            self.cids[key] = message.seq
        return message, True

    def after(self, seq: int) -> list[Message]:
        return self.messages[max(0, seq) :]

    def queue_item(self, now: datetime) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "waiting_seconds": max(0, int((now - self.created).total_seconds())),
            "messages": sum(1 for m in self.messages if m.sender == "visitor"),
        }

    def snapshot(self) -> dict[str, Any]:
        """Everything a counsellor's console needs to show the conversation from scratch."""
        return {
            "type": "conversation",
            "id": self.id,
            "lang": self.lang,
            "status": self.status,
            "counsellor": self.counsellor,
            "visitor_connected": self.visitor is not None,
            "blocked": self.blocked,
            "note": self.note,
            "noted_by": self.noted_by,
            "messages": [m.public(self.id, for_visitor=False) for m in self.messages],
            "suggestions": self.suggestions,
            "suggest_note": self.suggest_note,
        }
