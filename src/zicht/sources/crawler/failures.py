"""A failed request, named: the reason code and message that go to the run's error table."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as tx_error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed

from zicht.sources.crawler.middlewares.scope import OutOfScope


@dataclass(frozen=True)
class CrawlError:
    url: str
    reason: str
    message: str
    http_status: int | None = None


def classify(url: str, failure: Failure) -> CrawlError:
    exc = failure.value
    if isinstance(exc, OutOfScope):
        return CrawlError(url, exc.reason, str(exc))
    if isinstance(exc, HttpError):
        status = exc.response.status
        retries = exc.response.request.meta.get("retry_times", 0) if exc.response.request else 0
        tail = f" after {retries} retries" if retries else ""
        return CrawlError(url, "http", f"HTTP {status}{tail}", status)
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "robots.txt" in text:
            return CrawlError(url, "robots", "forbidden by robots.txt")
        if "max redirections" in text or "redirect" in text.lower():
            return CrawlError(url, "redirect_loop", text)
        return CrawlError(url, "ignored", text or type(exc).__name__)
    if isinstance(exc, DownloadTimeoutError | tx_error.TimeoutError):
        return CrawlError(url, "timeout", str(exc) or "timed out")
    if isinstance(exc, DownloadCancelledError):
        return CrawlError(url, "too_large", str(exc) or "download cancelled")
    if isinstance(exc, ResponseDataLossError | ResponseFailed | tx_error.ConnectionLost):
        return CrawlError(url, "connection", f"connection closed mid-body ({_short(exc)})")
    if isinstance(exc, CannotResolveHostError | tx_error.DNSLookupError):
        return CrawlError(url, "dns", str(exc))
    if isinstance(
        exc,
        DownloadConnectionRefusedError
        | DownloadFailedError
        | tx_error.ConnectError
        | tx_error.ConnectionDone,
    ):
        return CrawlError(url, "connection", _short(exc))
    return CrawlError(url, "error", f"{type(exc).__name__}: {_short(exc)}")


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:500]
