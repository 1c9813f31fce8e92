"""What the spider hands the pipelines: one ad as fetched, before the privacy gate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Event(StrEnum):
    FETCHED = "fetched"  # a page with content
    NOT_MODIFIED = "not_modified"  # a conditional request answered 304
    GONE = "gone"  # a known ad answered 404 or 410


@dataclass
class AdItem:
    """Raw values live only here, in memory; the gate decides what of them is stored."""

    url: str
    site: str
    fetched_at: datetime
    event: Event = Event.FETCHED
    profile: str | None = None
    title: str | None = None
    text: str | None = None
    advertiser: str | None = None
    city: str | None = None
    age: int | None = None
    prices: list[int] = field(default_factory=list)
    posted: str | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
