"""Stopping a crawl from inside a component, cleanly, with the reason the run records."""

from __future__ import annotations

import asyncio

from scrapy.crawler import Crawler

_closing: set[asyncio.Future[None]] = set()  # a reference, so the task is not collected


def stop_crawl(crawler: Crawler, reason: str) -> None:
    engine = crawler.engine
    if engine is None:
        return
    task = asyncio.ensure_future(engine.close_spider_async(reason=reason))
    _closing.add(task)
    task.add_done_callback(_closing.discard)
