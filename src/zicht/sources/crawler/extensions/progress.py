"""A live progress line on the terminal: pages, items, errors and the page rate."""

from __future__ import annotations

import sys
import time
from typing import Any

from rich.console import Console
from rich.live import Live
from rich.text import Text
from scrapy import signals as scrapy_signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.spiders import Spider
from twisted.internet.task import LoopingCall

from zicht.sources.crawler.context import context_of


class ProgressExtension:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.ctx = context_of(crawler)
        self.console = Console(file=sys.stderr)
        self.live = Live(console=self.console, refresh_per_second=4, transient=False)
        self.loop = LoopingCall(self.refresh)
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        if not context_of(crawler).options.progress or not sys.stderr.isatty():
            raise NotConfigured("no terminal to show progress on")
        ext = cls(crawler)
        crawler.signals.connect(ext.opened, signal=scrapy_signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=scrapy_signals.spider_closed)
        return ext

    def opened(self, spider: Spider) -> None:
        self.started = time.monotonic()
        self.live.start()
        self.loop.start(0.5)

    def render(self) -> Text:
        stats: Any = self.crawler.stats
        get = stats.get_value
        pages = get("response_received_count", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        stored = sum(get(f"zicht/ads/{k}", 0) for k in ("appeared", "changed"))
        errors = sum(v for k, v in stats.get_stats().items() if k.startswith("zicht/errors/"))
        return Text.assemble(
            (f"deployment {self.ctx.deployment.id} ", "bold"),
            f"responses {pages}  items {get('item_scraped_count', 0)}  stored {stored}  ",
            (f"errors {errors}", "red" if errors else ""),
            f"  {pages / elapsed:.1f}/s  {elapsed:.0f}s",
        )

    def refresh(self) -> None:
        self.live.update(self.render())

    def closed(self, spider: Spider, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()
        self.live.update(self.render())
        self.live.stop()
