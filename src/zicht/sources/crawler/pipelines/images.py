"""Images are fetched, hashed (perceptual hash) and dropped: only the hash goes on.

The download goes through the downloader middlewares, so scope, robots.txt and
politeness apply to images as to pages; the bytes never reach the store.

Hashing runs on two threads of its own, off the reactor (decoding releases the
GIL). A worker process was tried: it showed no measurable gain (its pickling and
result thread take GIL time too), and a crawl killed with SIGKILL left it behind.
"""

from __future__ import annotations

import asyncio
import hashlib
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
HASH_SIZE = 8  # a 64-bit hash, as imagehash's phash gives by default


def phash(data: bytes) -> str:
    """imagehash's phash of the image, as its hex string (`str(imagehash.phash(img))`).

    The same steps as imagehash 4.3 (grey, 32x32 Lanczos, 2-D DCT, low 8x8 against
    their median), without its per-call overhead: the median of the 64 values
    as numpy computes it, and the bits packed straight to hex. A test holds the
    two together on the demo's photos.
    """
    import numpy
    import scipy.fftpack

    with Image.open(io.BytesIO(data)) as img:
        small = img.convert("L").resize((HASH_SIZE * 4, HASH_SIZE * 4), Image.Resampling.LANCZOS)
    pixels = numpy.asarray(small)
    low = scipy.fftpack.dct(scipy.fftpack.dct(pixels, axis=0), axis=1)[:HASH_SIZE, :HASH_SIZE]
    ordered = numpy.sort(low, axis=None)
    middle = ordered.size // 2
    median = (ordered[middle - 1] + ordered[middle]) / 2
    return bytes(numpy.packbits(low > median)).hex()


class ImageHashPipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.known: dict[str, str | None] = {}
        # The same photo is often served under several URLs: its bytes are hashed once.
        self.by_content: dict[bytes, str] = {}
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
        content = hashlib.blake2b(response.body, digest_size=16).digest()
        known = self.by_content.get(content)
        if known is not None:
            return known
        try:
            digest = await asyncio.wrap_future(self.hasher.submit(phash, response.body))
        except (UnidentifiedImageError, OSError) as exc:
            self.report(CrawlError(url, "image", f"not a readable image: {exc}"))
            return None
        if len(self.by_content) < CACHE:
            self.by_content[content] = digest
        return digest

    def close_spider(self) -> None:
        self.hasher.shutdown(wait=False, cancel_futures=True)

    def report(self, error: CrawlError) -> None:
        self.crawler.signals.send_catch_log(signals.crawl_error, error=error)
