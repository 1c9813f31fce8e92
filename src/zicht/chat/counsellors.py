"""The counsellor's side: the console, accepting, writing, ending or blocking, transferring.

Only counsellors of a helpline open the console; each action names a
conversation, and a counsellor acts only on conversations they hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zicht.chat import store
from zicht.chat.limits import clean_body
from zicht.chat.live import Live, Peer
from zicht.chat.visitors import client_id
from zicht.domain import OrgKind, Role, User
from zicht.errors import Conflict, Forbidden, InvalidInput, NotFound
from zicht.store.db import utcnow

if TYPE_CHECKING:
    from zicht.chat.hub import Hub

NOTE_CHARS = 2000


def may_counsel(user: User) -> bool:
    return user.role is Role.COUNSELLOR and user.org_kind is OrgKind.HELPLINE


class Counsellors:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    async def open(self, user: User, peer: Peer) -> None:
        if not may_counsel(user):
            raise Forbidden(f"{user.username} is not a counsellor of a helpline")
        hub = self.hub
        hub.fanout.join(user, peer)
        await peer.send(
            {"type": "hello", "user": user.username, "suggestions": hub.suggestions is not None}
        )
        await peer.send({"type": "queue", "items": hub.rooms.queue()})
        for live in hub.rooms.of(user.username):
            await peer.send(live.snapshot())
        await hub.fanout.broadcast_colleagues()

    async def closed(self, user: User, peer: Peer) -> None:
        self.hub.fanout.leave(user, peer)
        await self.hub.fanout.broadcast_colleagues()

    async def action(self, user: User, frame: dict[str, Any], peer: Peer) -> None:
        kind, conversation = frame.get("type"), frame.get("conversation")
        if kind == "accept":
            await self._accept(user, conversation)
            return
        live = self.hub.rooms.mine(user, conversation)
        if kind == "msg":
            if live.status != "active":
                raise Conflict(f"conversation {live.id} has ended")
            body = clean_body(frame.get("body"))
            await self.hub.delivery.post(
                live, "counsellor", user.username, body, utcnow(), client_id(frame)
            )
        elif kind in ("end", "block"):
            if live.status != "ended":
                await self.hub.end(live, "counsellor_" + kind, user, blocked=kind == "block")
        elif kind == "transfer":
            await self._transfer(user, live, frame)
        else:
            raise InvalidInput(f"unknown action {kind!r}")

    async def _accept(self, user: User, conversation: object) -> None:
        hub = self.hub
        live = hub.rooms.get(conversation)
        if live is None or live.status != "waiting":
            raise Conflict(f"conversation {conversation} is no longer waiting")
        live.status, live.counsellor, live.org_id = "active", user.username, user.org_id
        await hub.db(store.accept, user, live.id, utcnow())
        await hub.fanout.to_counsellor(live, live.snapshot())
        await hub.fanout.to_visitor(live, {"type": "status", "status": "active"})
        hub.fanout.queue_changed()

    async def _transfer(self, user: User, live: Live, frame: dict[str, Any]) -> None:
        hub = self.hub
        target = hub.fanout.users.get(str(frame.get("to")))
        if (
            target is None
            or not hub.fanout.consoles.get(target.username)
            or target.org_id != user.org_id
            or target.username == user.username
        ):
            raise NotFound(f"no colleague {frame.get('to')!r} of your organisation is online")
        raw_note = frame.get("note")
        note = (raw_note.strip()[:NOTE_CHARS] or None) if isinstance(raw_note, str) else None
        await hub.db(store.transfer, user, live.id, target, note, utcnow())
        live.counsellor, live.note, live.noted_by = target.username, note, user.username
        await hub.fanout.to_user(
            user.username, {"type": "transferred", "conversation": live.id, "to": target.username}
        )
        await hub.fanout.to_counsellor(live, live.snapshot())
