"""Images are fetched, hashed (perceptual hash) and dropped: only the hash goes on.

The download goes through the downloader middlewares, so scope, robots.txt and
politeness apply to images as to pages; the bytes never reach the store.

Hashing runs on two threads of its own, off the reactor (decoding releases the
GIL). A worker process was tried: it showed no measurable gain (its pickling and
result thread take GIL time too), and a crawl killed with SIGKILL left it behind.
"""

from __future__ import annotations

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, UnidentifiedImageError
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

from zicht.sources.crawler import signals
from zicht.sources.crawler.failures import CrawlError, classify
from zicht.sources.crawler.items import AdItem

MAX_IMAGES = 12
CACHE = 50_000  # image URLs whose hash is remembered: networks reuse one photo across ads


def phash(data: bytes) -> str:
    import imagehash

    with Image.open(io.BytesIO(data)) as img:
        return str(imagehash.phash(img))


class ImageHashPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.known: dict[str, str | None] = {}
        self.hasher = ThreadPoolExecutor(max_workers=2, thread_name_prefix="zicht-phash")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ImageHashPipeline:
        return cls(crawler)

    async def process_item(self, item: object) -> object:
        if isinstance(item, AdItem) and item.image_urls:
            urls = item.image_urls[:MAX_IMAGES]
            hashes = await asyncio.gather(*(self.hash_of(url) for url in urls))
            item.images = [h for h in hashes if h is not None]
        return item

    async def hash_of(self, url: str) -> str | None:
        if url in self.known:
            return self.known[url]
        digest = await self.fetch_and_hash(url)
        if len(self.known) < CACHE:
            self.known[url] = digest
        return digest

    async def fetch_and_hash(self, url: str) -> str | None:
        request = Request(url, meta={"zicht_image": True})
        engine = self.crawler.engine
        assert engine is not None
        try:
            response: Response = await engine.download_async(request)
        except Exception as exc:  # noqa: BLE001 - every failure is classified and recorded
            self.report(classify(url, Failure(exc)))
            return None
        if response.status != 200:
            self.report(
                CrawlError(url, "image", f"image answered HTTP {response.status}", response.status)
            )
            return None
        try:
            return await asyncio.wrap_future(self.hasher.submit(phash, response.body))
        except (UnidentifiedImageError, OSError) as exc:
            self.report(CrawlError(url, "image", f"not a readable image: {exc}"))
            return None

    def close_spider(self) -> None:
        self.hasher.shutdown(wait=False, cancel_futures=True)

    def report(self, error: CrawlError) -> None:
        self.crawler.signals.send_catch_log(signals.crawl_error, error=error)
