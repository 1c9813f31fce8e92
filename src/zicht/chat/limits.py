"""Abuse resistance per connection: a token bucket for messages and a size limit.

Limits hold per WebSocket connection (never per address: the chat does not know
addresses). A visitor who keeps flooding is disconnected; the conversation stays.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from zicht.errors import InvalidInput

MAX_CHARS = 2000  # one message, after trimming
MAX_FRAME = 8 * 1024  # one WebSocket frame, before parsing: bigger frames close the socket
RATE = 2.0  # messages per second, sustained
BURST = 8  # messages at once
STRIKES = 20  # refused messages before the connection is closed


@dataclass(slots=True)
class Bucket:
    """Token bucket: `BURST` messages at once, refilled at `RATE` per second."""

    rate: float = RATE
    burst: float = BURST
    tokens: float = BURST
    stamp: float = field(default_factory=time.monotonic)
    strikes: int = 0

    def allow(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        self.strikes += 1
        return False

    @property
    def exhausted(self) -> bool:
        return self.strikes >= STRIKES


def clean_body(value: object) -> str:
    """The message text as stored and shown (as text, never markup), or a clear refusal."""
    if not isinstance(value, str):
        raise InvalidInput("a message must be text")
    text = value.replace("\r\n", "\n").replace("\x00", "").strip()
    if not text:
        raise InvalidInput("an empty message is not sent")
    if len(text) > MAX_CHARS:
        raise InvalidInput(f"a message may be at most {MAX_CHARS} characters, not {len(text)}")
    return text
