"""Storage of gated ads, in batches on the writer thread.

A batch is one transaction: its documents, identifiers, versions and one audit
entry per stored page land together. Batching is what keeps the gate, the audit
log and the store within a quarter of bare Scrapy's page rate.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter

from scrapy.crawler import Crawler
from sqlalchemy.exc import SQLAlchemyError

from zicht.sources.crawler.closing import stop_crawl
from zicht.sources.crawler.context import CrawlContext, context_of
from zicht.sources.crawler.pipelines.gate import GatedAd
from zicht.sources.crawler.storage import store_batch
from zicht.sources.crawler.writer import Writer, writer_for

BATCH = 100
MAX_WAIT = 1.0  # seconds an ad may wait in the buffer
logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, crawler: Crawler, ctx: CrawlContext, writer: Writer) -> None:
        self.crawler = crawler
        self.ctx = ctx
        self.writer = writer
        self.buffer: list[GatedAd] = []
        self.counts: Counter[str] = Counter()
        self.lock = asyncio.Lock()
        self.timer: asyncio.TimerHandle | None = None
        self.stopping = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler, context_of(crawler), writer_for(crawler))

    def process_item(self, item: object) -> object:
        if isinstance(item, GatedAd):
            self.buffer.append(item)
            if len(self.buffer) >= BATCH:
                self.schedule(0)
            elif self.timer is None:
                self.schedule(MAX_WAIT)
        return item

    def schedule(self, delay: float) -> None:
        if self.timer is not None:
            self.timer.cancel()
        loop = asyncio.get_event_loop()
        self.timer = loop.call_later(delay, lambda: loop.create_task(self.flush()))

    async def flush(self) -> None:
        self.timer = None
        async with self.lock:  # one batch at a time, in order
            if not self.buffer:
                return
            batch, self.buffer = self.buffer, []
            await self._write(batch)

    async def _write(self, batch: list[GatedAd]) -> None:
        try:
            counts = await self.writer.run(lambda s: store_batch(s, self.ctx, batch))
        except SQLAlchemyError:
            # Nothing of the batch landed; stop rather than crawl on into a store that fails.
            logger.exception("storing %d ads failed; stopping the crawl", len(batch))
            if not self.stopping:
                self.stopping = True
                stop_crawl(self.crawler, "store_failed")
            return
        self.counts.update(counts)
        stats = self.crawler.stats
        assert stats is not None
        for key, value in counts.items():
            stats.inc_value(f"zicht/ads/{key}", value)

    async def close_spider(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        await self.flush()
