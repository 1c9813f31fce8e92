"""The visitor's side: start or take up a conversation, write, leave or drop away.

A visitor has no account: a tab proves it is the same conversation with a
random resume secret the server keeps only as a hash. Limits hold per
connection, never per address (the chat does not know addresses).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from zicht.chat import store
from zicht.chat.i18n import VISITOR_LANGUAGES
from zicht.chat.limits import Bucket, clean_body
from zicht.chat.live import Live, Peer
from zicht.errors import InvalidInput
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.store.db import utcnow

if TYPE_CHECKING:
    from zicht.chat.hub import Hub


def client_id(frame: dict[str, Any]) -> str | None:
    cid = frame.get("cid")
    return cid[:64] if isinstance(cid, str) and cid else None


class Visitors:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self._pseudonymiser: Pseudonymiser | None = None

    async def hello(self, peer: Peer, frame: dict[str, Any]) -> Live | None:
        """Start a conversation, or take up the one this tab had (replaying what it missed)."""
        token = frame.get("token")
        if isinstance(token, str) and token:
            return await self._resume(peer, token, frame.get("after"))
        hub = self.hub
        lang = str(frame["lang"]) if frame.get("lang") in VISITOR_LANGUAGES else "nl"
        token = secrets.token_urlsafe(32)
        key = self._visitor_key(frame.get("device"))
        now = utcnow()
        conversation_id = await hub.db(store.create, token=token, lang=lang, visitor=key, now=now)
        live = Live(conversation_id, store.resume_hash(token), lang, now, visitor=peer)
        hub.rooms.add(live)
        await peer.send({"type": "welcome", "token": token, "status": "waiting", "resumed": False})
        hub.fanout.queue_changed()
        return live

    def _visitor_key(self, device: object) -> str | None:
        """The keyed pseudonym of the device code a visitor chose to keep, if any."""
        if not isinstance(device, str) or not 16 <= len(device) <= 200:
            return None
        if self._pseudonymiser is None:
            self._pseudonymiser = Pseudonymiser.from_settings()
        return store.visitor_key(device, self._pseudonymiser)

    async def _resume(self, peer: Peer, token: str, after: object) -> Live | None:
        hub = self.hub
        live = hub.rooms.by_token(token)
        if live is None or live.status == "ended":
            blocked = bool(live and live.blocked)
            await peer.send({"type": "status", "status": "ended", "blocked": blocked})
            return None
        hub.grace.cancel(live)
        old, live.visitor = live.visitor, peer
        if old is not None:
            await old.close(4000)
        await peer.send({"type": "welcome", "token": token, "status": live.status, "resumed": True})
        seen = after if isinstance(after, int) and after >= 0 else 0
        await hub.delivery.replay(live, peer, seen)
        await hub.fanout.to_counsellor(
            live, {"type": "presence", "conversation": live.id, "visitor_connected": True}
        )
        return live

    async def message(self, live: Live, bucket: Bucket, frame: dict[str, Any], peer: Peer) -> None:
        if live.status == "ended":
            await peer.send({"type": "status", "status": "ended", "blocked": live.blocked})
            return
        if not bucket.allow():
            await peer.send({"type": "error", "code": "rate_limited", "cid": frame.get("cid")})
            return
        try:
            body = clean_body(frame.get("body"))
        except InvalidInput as error:
            refusal = {"type": "error", "code": "invalid", "message": error.message}
            await peer.send({**refusal, "cid": frame.get("cid")})
            return
        hub = self.hub
        _, new = await hub.delivery.post(live, "visitor", None, body, utcnow(), client_id(frame))
        if not new:
            return
        if live.status == "waiting":
            hub.fanout.queue_changed()
        if hub.suggestions is not None:
            hub.suggestions.add(live, body)

    async def gone(self, live: Live, peer: Peer, *, left: bool = False) -> None:
        """A dropped connection starts the grace period; leaving (quick exit) ends at once."""
        if live.visitor is not peer:
            return
        live.visitor = None
        if live.status == "ended":
            return
        if left:
            await self.hub.end(live, "visitor_left")
            return
        await self.hub.fanout.to_counsellor(
            live, {"type": "presence", "conversation": live.id, "visitor_connected": False}
        )
        self.hub.grace.start(live)
