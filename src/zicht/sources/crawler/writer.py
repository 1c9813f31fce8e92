"""One writer thread per crawl: the reactor never waits on the database.

Everything a crawl writes (ads, errors, counts) goes through one serial
executor, so writes keep their order and SQLite sees one writer per process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler
from sqlalchemy.orm import Session

from zicht.store import get_database

T = TypeVar("T")
_writers: WeakKeyDictionary[Crawler, Writer] = WeakKeyDictionary()


class Writer:
    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zicht-writer")

    async def run(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one transaction on the writer thread and wait for it."""
        future = self._pool.submit(self._transaction, work)
        return await asyncio.wrap_future(future)

    def run_now(self, work: Callable[[Session], T]) -> T:
        return self._pool.submit(self._transaction, work).result()

    @staticmethod
    def _transaction(work: Callable[[Session], T]) -> T:
        with get_database().session() as session:
            return work(session)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def writer_for(crawler: Crawler) -> Writer:
    writer = _writers.get(crawler)
    if writer is None:
        writer = _writers[crawler] = Writer()
    return writer
