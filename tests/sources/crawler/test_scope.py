"""The scope middleware: what a deployment allows, decided per request, with a reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from zicht.domain import Deployment, DeploymentStatus
from zicht.sources.crawler.context import SETTING, CrawlContext
from zicht.sources.crawler.middlewares.depth import shape
from zicht.sources.crawler.middlewares.scope import ScopeMiddleware, host_allowed
from zicht.store.db import utcnow

NOW = utcnow()


def deployment(**kw: object) -> Deployment:
    base: dict[str, object] = dict(
        id=7,
        org_id=1,
        created_by="ana",
        purpose="p",
        legal_basis_code="sv-126j",
        legal_basis_text="t",
        submitted_to_org_id=2,
        status=DeploymentStatus.AUTHORISED,
        domains=("ads.example.nl", "127.0.0.1:8123"),
        url_patterns=(),
        max_pages=3,
        max_depth=2,
        valid_days=30,
        retention_days=180,
        raw_identifiers=False,
        created_at=NOW,
        valid_until=NOW + timedelta(days=1),
    )
    base.update(kw)
    return Deployment(**base)  # type: ignore[arg-type]


def middleware(**kw: object) -> ScopeMiddleware:
    ctx = CrawlContext(deployment=deployment(**kw), actor="ana", org_name="Politie", run_id=1)
    return ScopeMiddleware(get_crawler(settings_dict={SETTING: ctx}), ctx)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://ads.example.nl/ad/1", True),
        ("http://m.ads.example.nl/ad/1", True),
        ("https://ads.example.nl.evil.com/", False),
        ("https://example.nl/", False),
        ("http://127.0.0.1:8123/ads", True),
        ("http://127.0.0.1:8124/ads", False),
        ("http://127.0.0.1/ads", False),
        ("ftp://ads.example.nl/x", False),
    ],
)
def test_domains_include_the_port(url: str, allowed: bool) -> None:
    assert host_allowed(url, deployment().domains) is allowed


def reason(mw: ScopeMiddleware, url: str, now: object = NOW, **meta: object) -> str | None:
    refusal = mw.refusal(Request(url, meta=meta), now)  # type: ignore[arg-type]
    return refusal[0] if refusal else None


def test_url_patterns_apply_except_to_robots_txt() -> None:
    mw = middleware(url_patterns=(r"^https://[^/]+/ads", r"/ad/\d+$"))
    assert reason(mw, "https://ads.example.nl/ad/12") is None
    assert reason(mw, "https://ads.example.nl/forum/12") == "scope"
    assert reason(mw, "https://ads.example.nl/robots.txt", dont_obey_robotstxt=True) is None


def test_depth_and_link_traps() -> None:
    mw = middleware(max_pages=100)
    assert reason(mw, "https://ads.example.nl/a", depth=2) is None
    assert reason(mw, "https://ads.example.nl/b", depth=3) == "depth"
    assert reason(mw, "https://ads.example.nl/c", zicht_shape_run=8) == "trap"
    assert shape("http://h/calendar/2026-11-24") == shape("http://h/calendar/2027-01-01")


def test_page_budget_counts_pages_once_and_stops_the_crawl() -> None:
    mw = middleware()
    mw.stop = lambda reason: setattr(mw, "stopping", reason)  # type: ignore[method-assign]
    assert [reason(mw, f"https://ads.example.nl/{i}") for i in range(3)] == [None] * 3
    assert reason(mw, "https://ads.example.nl/0", retry_times=1) is None  # a retry is no new page
    assert reason(mw, "https://ads.example.nl/img/1.jpg", zicht_image=True) is None
    assert reason(mw, "https://ads.example.nl/4") == "budget"
    assert mw.stopping == "page_budget"


def test_validity_end_stops_the_crawl() -> None:
    mw = middleware()
    mw.stop = lambda reason: setattr(mw, "stopping", reason)  # type: ignore[method-assign]
    assert reason(mw, "https://ads.example.nl/", now=NOW + timedelta(days=2)) == "expired"
    assert mw.stopping == "deployment_expired"
