"""The hub: live conversations between visitors and counsellors in one process.

Delivery happens from memory the moment a message arrives; the transcript is
written behind it in small batches (in a thread, so the event loop never waits
on the database). A visitor whose connection drops has `grace` seconds to come
back to the same conversation; after that the conversation ends.

One process holds the live state. Several processes would share it through a
broker (Redis pub/sub); only this module would change.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from typing import Any

from zicht.chat import store
from zicht.chat.limits import Bucket, clean_body
from zicht.chat.live import Live, Message, Peer
from zicht.chat.suggest import Suggestions, ready, suggest
from zicht.domain import OrgKind, Role, User
from zicht.errors import Conflict, Forbidden, InvalidInput, NotFound
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.store.db import Database, utcnow

GRACE_SECONDS = 120.0
FLUSH_EVERY = 0.05  # seconds a message waits at most before its batch is written
ENDED_KEEP = 600.0  # seconds an ended conversation stays in memory (a returning tab is told)
QUEUE_EVERY = 0.25  # seconds: queue changes are sent to the consoles at most this often
LANGS = ("nl", "en", "pl", "ro", "bg", "uk", "es", "pt")


def ready_detector() -> None:
    suggest("", "nl")


def may_counsel(user: User) -> bool:
    return user.role is Role.COUNSELLOR and user.org_kind is OrgKind.HELPLINE


class Hub:
    def __init__(
        self,
        database: Database,
        *,
        grace_seconds: float = GRACE_SECONDS,
        suggester: Callable[[str, str], Suggestions] | None = suggest,
    ) -> None:
        self.database = database
        self.grace_seconds = grace_seconds
        self.suggester = suggester
        self.live: dict[int, Live] = {}
        self.by_token: dict[str, int] = {}
        self.consoles: dict[str, set[Peer]] = {}
        self.users: dict[str, User] = {}
        self._pending: list[store.StoredMessage] = []
        self._flushing: asyncio.Task[None] | None = None
        self._queue_due = False
        self._pseudonymiser: Pseudonymiser | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        with database.session() as session:
            # Live state does not survive a restart: say so instead of leaving them waiting.
            from sqlalchemy import update

            from zicht.store.tables import ChatConversationRow

            session.execute(
                update(ChatConversationRow)
                .where(ChatConversationRow.status.in_(("waiting", "active")))
                .values(status="ended", end_reason="restart", ended_at=utcnow())
            )

    # -- persistence -------------------------------------------------------------------

    def _persist(self, live: Live, message: Message) -> None:
        self._pending.append(
            store.StoredMessage(
                live.id, message.seq, message.sender, message.author, message.body, message.at
            )
        )
        if self._flushing is None or self._flushing.done():
            self._flushing = asyncio.create_task(self._flush())

    async def _flush(self) -> None:
        await asyncio.sleep(FLUSH_EVERY)  # gather a batch: one transaction, one thread hop
        while self._pending:
            batch, self._pending = self._pending, []
            await asyncio.to_thread(self._write, batch)

    def _write(self, batch: list[store.StoredMessage]) -> None:
        with self.database.session() as session:
            store.save_messages(session, batch)

    async def drain(self) -> None:
        """Wait until every message so far is in the database (tests, shutdown)."""
        while self._flushing is not None and not self._flushing.done():
            await self._flushing
        if self._pending:
            await self._flush()

    async def _db(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        def run() -> Any:
            with self.database.session() as session:
                return fn(session, *args, **kwargs)

        return await asyncio.to_thread(run)

    # -- fan-out -----------------------------------------------------------------------

    async def _to_counsellor(self, live: Live, data: dict[str, Any]) -> None:
        if live.counsellor:
            for peer in list(self.consoles.get(live.counsellor, ())):
                await peer.send(data)

    async def _to_visitor(self, live: Live, data: dict[str, Any]) -> None:
        if live.visitor is not None:
            await live.visitor.send(data)

    def queue(self) -> list[dict[str, Any]]:
        now = utcnow()
        waiting = [v for v in self.live.values() if v.status == "waiting"]
        return [v.queue_item(now) for v in sorted(waiting, key=lambda v: v.created)]

    def colleagues(self, user: User) -> list[str]:
        return sorted(
            name
            for name, u in self.users.items()
            if u.org_id == user.org_id and name != user.username and self.consoles.get(name)
        )

    def _spawn(self, coroutine: Any) -> None:
        """Run in the background, keeping a reference until done (asyncio holds only weak ones)."""
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _queue_changed(self) -> None:
        """Coalesce queue updates: 500 arrivals make a few frames per console, not 500."""
        if not self._queue_due:
            self._queue_due = True
            asyncio.get_running_loop().call_later(
                QUEUE_EVERY, lambda: self._spawn(self._broadcast_queue())
            )

    async def _broadcast_queue(self) -> None:
        self._queue_due = False
        frame = {"type": "queue", "items": self.queue()}
        for peers in list(self.consoles.values()):
            for peer in list(peers):
                await peer.send(frame)

    async def _broadcast_colleagues(self) -> None:
        for name, peers in list(self.consoles.items()):
            frame = {"type": "colleagues", "items": self.colleagues(self.users[name])}
            for peer in list(peers):
                await peer.send(frame)

    # -- visitors ----------------------------------------------------------------------

    async def visitor_hello(self, peer: Peer, frame: dict[str, Any]) -> Live | None:
        """Start a conversation, or take up the one this tab had (replaying what it missed)."""
        lang = str(frame["lang"]) if frame.get("lang") in LANGS else "nl"
        token = frame.get("token")
        if isinstance(token, str) and token:
            conversation_id = self.by_token.get(store.resume_hash(token))
            live = self.live.get(conversation_id) if conversation_id else None
            if live is None or live.status == "ended":
                blocked = bool(live and live.blocked)
                await peer.send({"type": "status", "status": "ended", "blocked": blocked})
                return None
            if live.grace is not None:
                live.grace.cancel()
                live.grace = None
            old, live.visitor = live.visitor, peer
            if old is not None:
                await old.close(4000)
            after = frame.get("after")
            seen = after if isinstance(after, int) and after >= 0 else 0
            await peer.send(
                {"type": "welcome", "token": token, "status": live.status, "resumed": True}
            )
            for message in live.after(seen):
                await peer.send(message.public(live.id, for_visitor=True))
            await self._to_counsellor(
                live, {"type": "presence", "conversation": live.id, "visitor_connected": True}
            )
            return live
        token = secrets.token_urlsafe(32)
        device = frame.get("device")
        if self._pseudonymiser is None and isinstance(device, str):
            self._pseudonymiser = Pseudonymiser.from_settings()
        key = (
            store.visitor_key(device, self._pseudonymiser)
            if isinstance(device, str) and 16 <= len(device) <= 200
            else None
        )
        now = utcnow()
        conversation_id = await self._db(store.create, token=token, lang=lang, visitor=key, now=now)
        live = Live(conversation_id, store.resume_hash(token), lang, now, visitor=peer)
        self.live[conversation_id] = live
        self.by_token[live.token_hash] = conversation_id
        await peer.send({"type": "welcome", "token": token, "status": "waiting", "resumed": False})
        self._queue_changed()
        return live

    async def visitor_message(
        self, live: Live, bucket: Bucket, frame: dict[str, Any], peer: Peer
    ) -> None:
        if live.status == "ended":
            await peer.send({"type": "status", "status": "ended", "blocked": live.blocked})
            return
        if not bucket.allow():
            await peer.send({"type": "error", "code": "rate_limited", "cid": frame.get("cid")})
            return
        try:
            body = clean_body(frame.get("body"))
        except InvalidInput as error:
            await peer.send(
                {
                    "type": "error",
                    "code": "invalid",
                    "message": error.message,
                    "cid": frame.get("cid"),
                }
            )
            return
        cid = frame.get("cid") if isinstance(frame.get("cid"), str) else None
        message, new = live.add("visitor", None, body, utcnow(), cid and cid[:64])
        await peer.send(message.public(live.id, for_visitor=True))
        if not new:
            return
        self._persist(live, message)
        await self._to_counsellor(live, message.public(live.id, for_visitor=False))
        if live.status == "waiting":
            self._queue_changed()
        if self.suggester is not None:
            self._queue_suggest(live, body)

    def _queue_suggest(self, live: Live, text: str) -> None:
        """One detector run per conversation at a time; text that arrives meanwhile waits
        and is read in one go, so a busy hour costs the detector less, not more."""
        live.suggest_backlog.append(text)
        if len(live.suggest_backlog) == 1:
            self._spawn(self._suggest(live))

    async def _run_suggester(self, text: str, lang: str) -> Suggestions:
        assert self.suggester is not None
        if not ready():
            await asyncio.to_thread(ready_detector)
        # In the loop, after delivery: a thread would only make the loop wait for the GIL
        # (measured: a far worse p99 than running the sub-millisecond match here; a
        # process of its own measured worse too on two busy cores).
        await asyncio.sleep(0)
        return self.suggester(text, lang)

    async def warm(self) -> None:
        """Build the detector before the first visitor writes, not while they wait."""
        if self.suggester is not None:
            await self._run_suggester("", "nl")

    async def _suggest(self, live: Live) -> None:
        assert self.suggester is not None
        while live.suggest_backlog:
            taken = len(live.suggest_backlog)
            text = "\n".join(live.suggest_backlog[:taken])
            found = await self._run_suggester(text, live.lang)
            del live.suggest_backlog[:taken]
            seen = {(s["indicator"], s["text"]) for s in live.suggestions}
            new = [s for s in found.items if (s["indicator"], s["text"]) not in seen]
            if not new and found.note == live.suggest_note and live.suggestions:
                continue
            live.suggest_note = found.note
            live.suggestions.extend(new)
            if new or found.note or not found.available:
                await self._to_counsellor(
                    live,
                    {
                        "type": "suggestions",
                        "conversation": live.id,
                        "available": found.available,
                        "note": found.note,
                        "items": live.suggestions,
                    },
                )

    async def visitor_gone(self, live: Live, peer: Peer, *, left: bool = False) -> None:
        """A dropped connection starts the grace period; leaving (quick exit) ends at once."""
        if live.visitor is not peer:
            return
        live.visitor = None
        if live.status == "ended":
            return
        if left:
            await self._end(live, "visitor_left")
            return
        await self._to_counsellor(
            live, {"type": "presence", "conversation": live.id, "visitor_connected": False}
        )
        loop = asyncio.get_running_loop()
        live.grace = loop.call_later(self.grace_seconds, lambda: self._spawn(self._expire(live)))

    async def _expire(self, live: Live) -> None:
        live.grace = None
        if live.visitor is None and live.status != "ended":
            await self._end(live, "visitor_gone")

    async def _end(
        self, live: Live, reason: str, user: User | None = None, blocked: bool = False
    ) -> None:
        was_waiting = live.status == "waiting"
        live.status, live.blocked = "ended", blocked
        if live.grace is not None:
            live.grace.cancel()
            live.grace = None
        await self.drain()
        await self._db(store.end, live.id, reason=reason, now=utcnow(), user=user, blocked=blocked)
        await self._to_visitor(live, {"type": "status", "status": "ended", "blocked": blocked})
        await self._to_counsellor(
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
            self._queue_changed()
        asyncio.get_running_loop().call_later(ENDED_KEEP, self._forget, live)

    def _forget(self, live: Live) -> None:
        """Free the memory of an ended conversation; its rows stay until retention."""
        self.live.pop(live.id, None)
        self.by_token.pop(live.token_hash, None)

    # -- counsellors -------------------------------------------------------------------

    async def console_open(self, user: User, peer: Peer) -> None:
        if not may_counsel(user):
            raise Forbidden(f"{user.username} is not a counsellor of a helpline")
        self.users[user.username] = user
        self.consoles.setdefault(user.username, set()).add(peer)
        await peer.send(
            {"type": "hello", "user": user.username, "suggestions": self.suggester is not None}
        )
        await peer.send({"type": "queue", "items": self.queue()})
        for live in self.live.values():
            if live.counsellor == user.username:
                await peer.send(live.snapshot())
        await self._broadcast_colleagues()

    async def console_closed(self, user: User, peer: Peer) -> None:
        peers = self.consoles.get(user.username, set())
        peers.discard(peer)
        if not peers:
            self.consoles.pop(user.username, None)
        await self._broadcast_colleagues()

    def _mine(self, user: User, conversation: object) -> Live:
        live = self.live.get(conversation) if isinstance(conversation, int) else None
        if live is None or live.counsellor != user.username:
            raise NotFound(f"no conversation {conversation} of yours is open")
        return live

    async def console_action(self, user: User, frame: dict[str, Any], peer: Peer) -> None:
        kind = frame.get("type")
        conversation = frame.get("conversation")
        if kind == "accept":
            live = self.live.get(conversation) if isinstance(conversation, int) else None
            if live is None or live.status != "waiting":
                raise Conflict(f"conversation {conversation} is no longer waiting")
            live.status, live.counsellor, live.org_id = "active", user.username, user.org_id
            await self._db(store.accept, user, live.id, utcnow())
            await self._to_counsellor(live, live.snapshot())
            await self._to_visitor(live, {"type": "status", "status": "active"})
            self._queue_changed()
            if live.suggestions or live.suggest_note:
                return
            text = "\n".join(m.body for m in live.messages if m.sender == "visitor")
            if text and self.suggester is not None:
                self._queue_suggest(live, text)
        elif kind == "msg":
            live = self._mine(user, conversation)
            if live.status != "active":
                raise Conflict(f"conversation {live.id} has ended")
            body = clean_body(frame.get("body"))
            cid = frame.get("cid") if isinstance(frame.get("cid"), str) else None
            message, new = live.add("counsellor", user.username, body, utcnow(), cid and cid[:64])
            if new:
                self._persist(live, message)
                await self._to_visitor(live, message.public(live.id, for_visitor=True))
            await self._to_counsellor(live, message.public(live.id, for_visitor=False))
        elif kind in ("end", "block"):
            live = self._mine(user, conversation)
            if live.status != "ended":
                await self._end(live, "counsellor_" + kind, user, blocked=kind == "block")
        elif kind == "transfer":
            await self._transfer(user, self._mine(user, conversation), frame)
        else:
            raise InvalidInput(f"unknown action {kind!r}")

    async def _transfer(self, user: User, live: Live, frame: dict[str, Any]) -> None:
        target = self.users.get(str(frame.get("to")))
        if target is None or target.org_id != user.org_id or target.username == user.username:
            raise NotFound(f"no colleague {frame.get('to')!r} of your organisation is online")
        raw_note = frame.get("note")
        note = raw_note.strip()[:2000] or None if isinstance(raw_note, str) else None
        await self._db(store.transfer, user, live.id, target, note, utcnow())
        live.counsellor, live.note, live.noted_by = target.username, note, user.username
        for old in list(self.consoles.get(user.username, ())):
            await old.send({"type": "transferred", "conversation": live.id, "to": target.username})
        await self._to_counsellor(live, live.snapshot())
