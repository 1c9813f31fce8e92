"""Retries that back off: Retry-After when the site names a wait, exponential otherwise.

Scrapy's RetryMiddleware retries 429 and 5xx at once; a site that asks us to
wait is obeyed. The wait holds the request's download slot, so the other
requests to that site wait too: that is the point.
"""

from __future__ import annotations

import asyncio
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response

from zicht.store.db import utcnow

BASE_DELAY = 0.5
MAX_DELAY = 60.0


def retry_after(response: Response) -> float | None:
    """Seconds the Retry-After header asks for (delta-seconds or an HTTP date)."""
    raw = response.headers.get(b"Retry-After")
    if not raw:
        return None
    value = raw.decode("latin-1").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - utcnow()).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        retried = self._retry(request, f"HTTP {response.status}")
        if retried is None:
            return response
        attempt = int(retried.meta.get("retry_times", 1))
        wait = retry_after(response)
        if wait is None:
            wait = BASE_DELAY * 2 ** (attempt - 1)
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("zicht/backoff_ms", int(min(wait, MAX_DELAY) * 1000))
        await asyncio.sleep(min(wait, MAX_DELAY))
        return retried
