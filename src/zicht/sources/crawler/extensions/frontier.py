"""A frontier shared through Redis: workers wait for each other before closing.

scrapy-redis keeps the queue and the seen-set in Redis. A worker that runs out
of requests waits while another worker is still busy (it may yet discover more
links), and the last worker to leave a finished frontier clears the seen-set,
so the next crawl of the deployment starts fresh. A killed worker's heartbeat
key expires, so it never holds the others up for long.
"""

from __future__ import annotations

import os
import socket
from typing import Any

from scrapy import signals as scrapy_signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Response
from scrapy.spiders import Spider
from twisted.internet.task import LoopingCall

from zicht.sources.crawler.context import CrawlContext, context_of

HEARTBEAT = 0.5
TTL = 10  # seconds without a heartbeat after which a worker counts as gone


class SharedFrontierExtension:
    def __init__(self, crawler: Crawler, ctx: CrawlContext) -> None:
        import redis

        assert ctx.frontier is not None
        self.crawler = crawler
        self.server: Any = redis.Redis.from_url(ctx.frontier)
        self.prefix = ctx.frontier_prefix
        self.me = f"{self.prefix}:worker:{socket.gethostname()}:{os.getpid()}:{ctx.run_id}"
        self.busy = True
        self.loop = LoopingCall(self.beat)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedFrontierExtension:
        ctx = context_of(crawler)
        if not ctx.frontier:
            raise NotConfigured("local frontier")
        ext = cls(crawler, ctx)
        crawler.signals.connect(ext.opened, signal=scrapy_signals.spider_opened)
        crawler.signals.connect(ext.idle, signal=scrapy_signals.spider_idle)
        crawler.signals.connect(ext.response, signal=scrapy_signals.response_received)
        crawler.signals.connect(ext.closed, signal=scrapy_signals.spider_closed)
        return ext

    def opened(self, spider: Spider) -> None:
        self.loop.start(HEARTBEAT)

    def beat(self) -> None:
        self.server.set(self.me, "busy" if self.busy else "idle", ex=TTL)
        if not self.busy and self.queued():
            self.wake()

    def wake(self) -> None:
        """Ask the engine for requests now: an idle engine looks at its scheduler only every
        five seconds, by which time another worker has taken all the work."""
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def response(self, response: Response, request: Any, spider: Spider) -> None:
        if not self.busy:
            self.busy = True
            self.beat()

    def others_busy(self) -> bool:
        keys = [
            k for k in self.server.scan_iter(f"{self.prefix}:worker:*") if k.decode() != self.me
        ]
        return any(v == b"busy" for v in self.server.mget(keys)) if keys else False

    def queued(self) -> int:
        return int(self.server.zcard(f"{self.prefix}:requests"))

    def idle(self, spider: Spider) -> None:
        self.busy = False
        self.beat()
        if self.queued() or self.others_busy():
            raise DontCloseSpider

    def closed(self, spider: Spider, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()
        self.server.delete(self.me)
        others = [k for k in self.server.scan_iter(f"{self.prefix}:worker:*")]
        if reason == "finished" and not others and not self.queued():
            self.server.delete(f"{self.prefix}:seen", f"{self.prefix}:requests")
