"""The crawl run's record: counts, per-URL errors, and a periodic check of the deployment.

Every few seconds the run's counts and new errors are written, and the
deployment is read again: a deployment revoked or expired while crawling stops
the crawl cleanly (the scope middleware also refuses every request past the
validity end).
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from scrapy import signals as scrapy_signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.spiders import Spider
from sqlalchemy.orm import Session
from twisted.internet.task import LoopingCall

from zicht.domain import DeploymentStatus
from zicht.sources.crawler import signals
from zicht.sources.crawler.closing import stop_crawl
from zicht.sources.crawler.context import CrawlContext, context_of
from zicht.sources.crawler.failures import CrawlError
from zicht.sources.crawler.run_record import store_errors, update_run
from zicht.sources.crawler.writer import Writer, writer_for
from zicht.store.db import utcnow
from zicht.store.tables import DeploymentRow

INTERVAL = 2.0
logger = logging.getLogger(__name__)


class CrawlRunExtension:
    def __init__(self, crawler: Crawler, ctx: CrawlContext, writer: Writer) -> None:
        self.crawler = crawler
        self.ctx = ctx
        self.writer = writer
        self.errors: list[CrawlError] = []
        self.counts: Counter[str] = Counter()
        self.loop = LoopingCall(self.tick)
        self.stopping = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRunExtension:
        ext = cls(crawler, context_of(crawler), writer_for(crawler))
        crawler.signals.connect(ext.opened, signal=scrapy_signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=scrapy_signals.spider_closed)
        crawler.signals.connect(ext.response, signal=scrapy_signals.response_received)
        crawler.signals.connect(ext.item, signal=scrapy_signals.item_scraped)
        crawler.signals.connect(ext.error, signal=signals.crawl_error)
        return ext

    def opened(self, spider: Spider) -> None:
        self.loop.start(INTERVAL, now=False)

    def response(self, response: Response, request: Any, spider: Spider) -> None:
        kind = "images" if request.meta.get("zicht_image") else "pages"
        if request.meta.get("dont_obey_robotstxt"):
            kind = "robots"
        self.counts[kind] += 1
        self.counts["bytes"] += len(response.body)

    def item(self, item: Any, response: Any, spider: Spider) -> None:
        self.counts["items"] += 1

    def error(self, error: CrawlError) -> None:
        self.errors.append(error)
        self.counts["errors"] += 1
        self.counts[f"errors.{error.reason}"] += 1
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value(f"zicht/errors/{error.reason}")

    def snapshot(self) -> dict[str, int]:
        stats = self.crawler.stats
        assert stats is not None
        counts = dict(self.counts)
        for key, value in stats.get_stats().items():
            if key.startswith("zicht/ads/"):
                counts[key.removeprefix("zicht/ads/")] = int(value)
        started = stats.get_value("start_time")
        if started is not None:
            counts["elapsed_ms"] = int((utcnow() - started).total_seconds() * 1000)
        counts["memory_peak_bytes"] = int(stats.get_value("memusage/max", 0))
        return counts

    async def write(self, **end: str) -> str | None:
        """Write counts and errors; returns why the crawl must stop, if the deployment says so."""
        errors, self.errors = self.errors, []
        counts = self.snapshot()
        run_id, deployment_id = self.ctx.run_id, self.ctx.deployment.id

        def work(session: Session) -> str | None:
            store_errors(session, run_id, errors)
            update_run(session, run_id, counts, status=end.get("status"), reason=end.get("reason"))
            row = session.get(DeploymentRow, deployment_id)
            if row is None or row.status == DeploymentStatus.REVOKED.value:
                return "deployment_revoked"
            if row.valid_until is not None and utcnow() >= row.valid_until:
                return "deployment_expired"
            return None

        return await self.writer.run(work)

    def tick(self) -> Any:
        from scrapy.utils.defer import deferred_from_coro

        return deferred_from_coro(self._tick())

    async def _tick(self) -> None:
        # The deployment is read again: revoked, or its validity shortened, since the start.
        stop = await self.write()
        if stop is not None and not self.stopping:
            self.stop(stop)

    def stop(self, reason: str) -> None:
        self.stopping = True
        stop_crawl(self.crawler, reason)

    async def closed(self, spider: Spider, reason: str) -> None:
        if self.loop.running:
            self.loop.stop()
        status = "finished" if reason == "finished" else "stopped"
        await self.write(status=status, reason=reason)
        self.writer.close()
