"""The one spider: walks listings to ads by a site profile, or generically by main text.

It does not decide scope (the scope middleware does), nor what is kept (the
privacy gate does); it finds ads and reads them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector
from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from zicht.sources.crawler import extract, profiles, signals
from zicht.sources.crawler.context import CrawlContext, context_of
from zicht.sources.crawler.decoding import honest
from zicht.sources.crawler.failures import CrawlError, classify
from zicht.sources.crawler.items import AdItem, Event
from zicht.sources.crawler.profiles import SiteProfile
from zicht.store.db import utcnow

REVISIT_CODES = [304, 404, 410]


def start_urls(ctx: CrawlContext, profile: SiteProfile | None) -> list[str]:
    if ctx.options.starts:
        return list(ctx.options.starts)
    paths = profile.start_paths if profile else ["/"]
    urls = []
    for domain in ctx.deployment.domains:
        host = domain.split(":", 1)[0]
        scheme = "http" if ":" in domain or host.replace(".", "").isdigit() else "https"
        urls += [f"{scheme}://{domain}{path}" for path in paths]
    return urls


class AdSpider(Spider):
    name = "zicht"
    ctx: CrawlContext
    known: dict[str, dict[str, Any]]
    fixed: SiteProfile | None
    site_profiles: dict[str, SiteProfile | None]

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> AdSpider:
        ctx = context_of(crawler)
        spider = super().from_crawler(crawler, *args, name=ctx.spider_name, **kwargs)
        spider.ctx = ctx
        spider.known = kwargs.get("known", {})
        spider.fixed = profiles.load(ctx.options.profile) if ctx.options.profile else None
        spider.site_profiles = {}
        return spider

    async def start(self) -> AsyncIterator[Any]:
        for url in start_urls(self.ctx, self.fixed):
            yield Request(url, callback=self.parse, errback=self.failed)
        if not self.ctx.options.recrawl:
            return
        since = self.ctx.resume_since
        for url, known in self.known.items():
            if known["disappeared"] or (since is not None and known["last_seen"] >= since):
                continue
            yield Request(
                url,
                callback=self.parse_ad,
                errback=self.failed,
                meta={"zicht_known": known, "handle_httpstatus_list": REVISIT_CODES},
            )

    # -- pages ---------------------------------------------------------------------

    # Callbacks return lists: Scrapy reads the source of a generator callback to warn
    # about `return` values, and for bound methods it does so on every response.
    def parse(self, response: Response) -> list[Any]:
        return list(self._walk(response))

    def parse_ad(self, response: Response) -> list[Any]:
        return list(self._parse_ad(response))

    def _walk(self, response: Response) -> Iterator[Any]:
        page = self.readable(response)
        if page is None:
            return
        profile = self.profile_for(page)
        if profile is None:
            yield from self.parse_generic(page)
        elif profile.is_ad(page.url):
            yield from self._parse_ad(page)
        else:
            yield from self.parse_listing(page, profile)

    def parse_listing(self, page: TextResponse, profile: SiteProfile) -> Iterator[Request]:
        sel = Selector(text=page.text)
        for url in extract.links(sel, page.url, profile.listing.ad_links):
            if url not in self.known:
                yield Request(url, callback=self.parse_ad, errback=self.failed)
        if profile.listing.next_page:
            for url in extract.links(sel, page.url, profile.listing.next_page):
                yield self.follow(url, pagination=True)
        if not profile.is_listing(page.url):  # an entry page: on to the listings and ads
            for url in extract.links(sel, page.url):
                if profile.is_listing(url) or (profile.is_ad(url) and url not in self.known):
                    yield self.follow(url)

    def _parse_ad(self, response: Response) -> Iterator[Any]:
        known = response.meta.get("zicht_known")
        site = urlsplit(response.url).netloc
        if known and response.status in (404, 410):
            yield AdItem(url=response.url, site=site, fetched_at=utcnow(), event=Event.GONE)
            return
        if known and response.status == 304:
            yield AdItem(url=response.url, site=site, fetched_at=utcnow(), event=Event.NOT_MODIFIED)
            return
        page = self.readable(response)
        if page is None:
            return
        sel = Selector(text=page.text)
        item = self.new_item(page, site)
        profile = self.profile_for(page, sel)
        if profile is not None and profile.is_ad(page.url):
            yield extract.by_profile(sel, item, profile)
        else:
            ad = extract.generic(page.text, sel, item)
            if ad is not None:
                yield ad

    def parse_generic(self, page: TextResponse) -> Iterator[Any]:
        sel = Selector(text=page.text)
        ad = extract.generic(page.text, sel, self.new_item(page, urlsplit(page.url).netloc))
        if ad is not None and page.url not in self.known:
            yield ad
        following = set(extract.links(sel, page.url, "a[rel~=next]::attr(href)"))
        for url in extract.links(sel, page.url):
            if url not in self.known:
                yield self.follow(url, pagination=url in following)

    # -- helpers -------------------------------------------------------------------

    def follow(self, url: str, *, pagination: bool = False) -> Request:
        meta = {"zicht_pagination": True} if pagination else {}
        return Request(url, callback=self.parse, errback=self.failed, meta=meta)

    def new_item(self, page: TextResponse, site: str) -> AdItem:
        def header(name: bytes) -> str | None:
            value = page.headers.get(name)
            return value.decode("latin-1") if value else None

        return AdItem(
            url=page.url,
            site=site,
            fetched_at=utcnow(),
            etag=header(b"ETag"),
            last_modified=header(b"Last-Modified"),
        )

    def readable(self, response: Response) -> TextResponse | None:
        """The page as text, or None (with the reason recorded) when it is not a web page."""
        if not isinstance(response, TextResponse):
            kind = (response.headers.get(b"Content-Type") or b"unknown").decode("latin-1")
            self.report(CrawlError(response.url, "binary", f"not a web page ({kind})"))
            return None
        page, note = honest(response)
        if note:
            self.report(CrawlError(response.url, "charset", note))
        return page

    def profile_for(self, page: TextResponse, sel: Selector | None = None) -> SiteProfile | None:
        if self.fixed is not None:
            return self.fixed
        site = urlsplit(page.url).netloc
        if site not in self.site_profiles:
            sel = sel or Selector(text=page.text)
            self.site_profiles[site] = next((p for p in profiles.bundled() if p.matches(sel)), None)
        return self.site_profiles[site]

    def failed(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        self.report(classify(url, failure))

    def report(self, error: CrawlError) -> None:
        self.crawler.signals.send_catch_log(signals.crawl_error, error=error)
