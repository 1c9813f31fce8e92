"""A redirect back to a URL already in the chain is a loop: refused with its path.

Scrapy would follow the loop until REDIRECT_MAX_TIMES, or drop it silently as
a duplicate; either way the error table would not say why the page is missing.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy import Request
from scrapy.http import Response

from zicht.sources.crawler.middlewares.scope import OutOfScope


class RedirectLoopMiddleware:
    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (301, 302, 303, 307, 308) or b"Location" not in response.headers:
            return response
        location = response.headers.get(b"Location") or b""
        target = urljoin(request.url, location.decode("latin-1"))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            path = " -> ".join([*chain[chain.index(target) :], target])
            raise OutOfScope("redirect_loop", f"redirect loop: {path}")
        return response
