"""What every crawl component needs to know about the run it serves, in one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zicht.domain import Deployment

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

SETTING = "ZICHT_CRAWL"


@dataclass(frozen=True)
class CrawlOptions:
    """Choices of the person who starts a run; scope and politeness come from the deployment."""

    recrawl: bool = False
    timeout: float = 30.0
    max_bytes: int = 5_000_000
    retries: int = 2
    profile: str | None = None
    starts: tuple[str, ...] = ()
    progress: bool = True


@dataclass(frozen=True)
class CrawlContext:
    deployment: Deployment
    actor: str
    org_name: str
    run_id: int
    options: CrawlOptions = field(default_factory=CrawlOptions)
    frontier: str | None = None  # a redis:// URL, or None for the local scheduler
    jobdir: Path | None = None
    resume_since: datetime | None = None

    namespace: str = "zicht"  # distinguishes installations that share one Redis

    @property
    def spider_name(self) -> str:
        return f"deployment-{self.deployment.id}"

    @property
    def frontier_prefix(self) -> str:
        return f"{self.namespace}:crawl:{self.spider_name}"


def context_of(crawler: Crawler) -> CrawlContext:
    ctx: Any = crawler.settings.get(SETTING)
    if not isinstance(ctx, CrawlContext):
        from scrapy.exceptions import NotConfigured

        raise NotConfigured("not a zicht crawl (no ZICHT_CRAWL setting)")
    return ctx
