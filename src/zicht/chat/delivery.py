"""Posting a message: delivered to the other side at once, acknowledged once it is stored.

The order inside a conversation is its sequence numbers, given in the event
loop as messages arrive. The other side gets a message immediately (that is the
latency people feel); the sender gets it back with its number only after the
writer committed it, so "acknowledged" always means "in the database". A tab
shows its own message as pending until then, and sends it again with the same
client id after a reconnect; a repeat is never stored twice.
"""

from __future__ import annotations

from datetime import datetime

from zicht.chat.fanout import Fanout, encode
from zicht.chat.live import Live, Message, Peer
from zicht.chat.writer import TranscriptWriter


class Delivery:
    def __init__(self, fanout: Fanout, writer: TranscriptWriter) -> None:
        self.fanout = fanout
        self.writer = writer

    async def post(
        self, live: Live, sender: str, author: str | None, body: str, at: datetime, cid: str | None
    ) -> tuple[Message, bool]:
        """The numbered message, and False when it repeats one this client sent before."""
        message, new = live.add(sender, author, body, at, cid)
        if not new:
            if live.is_stored(message):  # a repeat of a stored message: acknowledge again
                await self._acknowledge(live, message)
            return message, False  # otherwise its batch acknowledges it when committed
        text = self._frame(live, message, for_visitor=True)
        if sender == "visitor":  # a visitor's message reads the same on both sides (no author)
            await self.fanout.to_counsellor(live, text)
        else:
            await self.fanout.to_visitor(live, text)
        await self.writer.put(live, message)
        return message, True

    async def stored(self, live: Live, message: Message) -> None:
        """The writer committed this message: now its sender hears back."""
        live.stored = max(live.stored, message.seq)
        await self._acknowledge(live, message)

    async def _acknowledge(self, live: Live, message: Message) -> None:
        if message.sender == "visitor":
            await self.fanout.to_visitor(live, self._frame(live, message, for_visitor=True))
        else:
            await self.fanout.to_counsellor(live, self._frame(live, message, for_visitor=False))

    async def replay(self, live: Live, peer: Peer, after: int) -> None:
        """What a returning tab missed: the other side's messages, and its own once stored."""
        for message in live.after(after):
            if message.sender == "counsellor" or live.is_stored(message):
                await peer.send(self._frame(live, message, for_visitor=True))

    @staticmethod
    def _frame(live: Live, message: Message, *, for_visitor: bool) -> str:
        return encode(message.public(live.id, for_visitor=for_visitor))
