"""The deployment's scope, enforced where every request passes: in the downloader.

The spider may ask for anything; this middleware refuses what the deployment
does not allow (domain and port, URL patterns, depth, link traps, page budget,
validity window) with a reason that lands in the run's error table. When the
budget is spent or the deployment's validity ends, it stops the crawl cleanly.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from zicht.domain import Deployment
from zicht.sources.crawler.closing import stop_crawl
from zicht.sources.crawler.context import CrawlContext, context_of
from zicht.store.db import utcnow

TRAP_RUN = 8  # this many consecutive hops between pages of one URL shape is a link trap


class OutOfScope(IgnoreRequest):
    """A request the deployment does not allow; `reason` is the error table's code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def host_allowed(url: str, domains: tuple[str, ...]) -> bool:
    """Whether the URL's host (and port, when the domain names one) is in the deployment."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    host = parts.hostname.lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for domain in domains:
        name, _, want_port = domain.partition(":")
        if want_port:
            if host == name and port == int(want_port):
                return True
        elif host == name or host.endswith("." + name):
            return True
    return False


def is_robots(request: Request) -> bool:
    return urlsplit(request.url).path == "/robots.txt" and bool(
        request.meta.get("dont_obey_robotstxt")
    )


class ScopeMiddleware:
    def __init__(self, crawler: Crawler, ctx: CrawlContext) -> None:
        self.crawler = crawler
        self.ctx = ctx
        self.deployment: Deployment = ctx.deployment
        self.patterns = [re.compile(p) for p in self.deployment.url_patterns]
        self.pages = 0
        self.stopping: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeMiddleware:
        return cls(crawler, context_of(crawler))

    def process_request(self, request: Request) -> None:
        reason = self.refusal(request, utcnow())
        if reason is not None:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value(f"zicht/scope/{reason[0]}")
            raise OutOfScope(*reason)

    def refusal(self, request: Request, now: datetime) -> tuple[str, str] | None:
        d = self.deployment
        if d.valid_until is not None and now >= d.valid_until:
            self.stop("deployment_expired")
            return ("expired", f"deployment {d.id} was valid until {d.valid_until:%Y-%m-%d %H:%M}")
        if self.stopping:
            return ("stopped", f"the crawl is stopping ({self.stopping})")
        if not host_allowed(request.url, d.domains):
            return ("scope", f"host not in deployment {d.id} ({', '.join(d.domains)})")
        if is_robots(request):
            return None
        if self.patterns and not any(p.search(request.url) for p in self.patterns):
            return ("scope", "URL matches none of the deployment's URL patterns")
        if request.meta.get("zicht_image"):
            return None  # part of an ad page already in the budget
        depth = int(request.meta.get("depth", 0))
        if depth > d.max_depth:
            return ("depth", f"depth {depth} is beyond the deployment's limit of {d.max_depth}")
        run = int(request.meta.get("zicht_shape_run", 0))
        if run >= TRAP_RUN:
            return ("trap", f"link trap: {run} consecutive pages of the same URL shape")
        if request.meta.get("retry_times") or request.meta.get("redirect_times"):
            return None  # the same page again, counted once
        if self.pages >= d.max_pages:
            self.stop("page_budget")
            return ("budget", f"the page budget of {d.max_pages} is spent")
        self.pages += 1
        return None

    def stop(self, reason: str) -> None:
        if self.stopping is None:
            self.stopping = reason
            stop_crawl(self.crawler, reason)
