"""The site's world on one day: which ads are online, in which version, per city."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from zicht.demo.ads import Ad, Snapshot
from zicht.demo.places import slug
from zicht.demo.world import World


@dataclass
class DayView:
    """What the site shows on one day: the online ads, newest first, and per city."""

    day: int
    ads: list[tuple[Ad, Snapshot]]
    cities: dict[str, tuple[str, list[tuple[Ad, Snapshot]]]] = field(default_factory=dict)

    @classmethod
    def of(cls, world: World, day: int) -> DayView:
        online = [(ad, snap) for ad in world.ads if (snap := ad.on(day)) is not None]
        online.sort(key=lambda pair: (pair[0].posted_at, pair[0].id), reverse=True)
        view = cls(day, online)
        for ad, snap in online:
            view.cities.setdefault(slug(snap.city), (snap.city, []))[1].append((ad, snap))
        return view


class SiteState:
    """The world and the day it is shown at; thread-safe day changes."""

    def __init__(self, world: World, day: int | None = None) -> None:
        self.world = world
        self._lock = threading.Lock()
        self.view = DayView.of(world, world.today if day is None else day)

    @property
    def day(self) -> int:
        return self.view.day

    def set_day(self, day: int) -> None:
        view = DayView.of(self.world, day)
        with self._lock:
            self.view = view

    def advance(self, days: int = 1) -> int:
        self.set_day(self.day + days)
        return self.day
