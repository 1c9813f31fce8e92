"""Conditional requests on a recrawl: If-None-Match / If-Modified-Since for known ads.

The spider marks a revisit with what the store remembers (`zicht_known`); a
site that supports validators answers 304 and sends nothing.
"""

from __future__ import annotations

from scrapy import Request


class ConditionalRequestMiddleware:
    def process_request(self, request: Request) -> None:
        known = request.meta.get("zicht_known")
        if not known:
            return
        if known.get("etag"):
            request.headers.setdefault(b"If-None-Match", known["etag"])
        if known.get("last_modified"):
            request.headers.setdefault(b"If-Modified-Since", known["last_modified"])
