"""Scrapy settings for a run, built from the deployment: polite unless the deployment deviates.

Starts from Scrapy's project template values (obey robots.txt, one request per
domain, a delay, AutoThrottle), not its permissive library defaults. Every
deviation is a field of the deployment that the prosecutor saw before authorising.
"""

from __future__ import annotations

from typing import Any

from zicht import __version__
from zicht.sources.crawler.context import SETTING, CrawlContext

P = "zicht.sources.crawler"


def user_agent(ctx: CrawlContext) -> str:
    """Honest: names the software, the organisation and the deployment it collects under."""
    return (
        f"zicht/{__version__} (crawler of {ctx.org_name}; deployment {ctx.deployment.id}; "
        f"legal basis {ctx.deployment.legal_basis_code})"
    )


def build(ctx: CrawlContext, log_file: str | None = None) -> dict[str, Any]:
    polite = ctx.deployment.politeness
    per_domain = polite.concurrent_per_domain
    settings: dict[str, Any] = {
        SETTING: ctx,
        "BOT_NAME": "zicht",
        "USER_AGENT": user_agent(ctx),
        "ROBOTSTXT_OBEY": polite.obey_robots,
        "ROBOTSTXT_USER_AGENT": "zicht",
        "CONCURRENT_REQUESTS": max(16, per_domain * len(ctx.deployment.domains)),
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_domain,
        "DOWNLOAD_DELAY": polite.download_delay,
        "AUTOTHROTTLE_ENABLED": polite.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(polite.download_delay, 1.0),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(per_domain),
        "DOWNLOAD_TIMEOUT": ctx.options.timeout,
        "DOWNLOAD_MAXSIZE": ctx.options.max_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": ctx.options.retries,
        "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
        "REDIRECT_MAX_TIMES": 10,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        # An ad page yields a handful of items and requests; Scrapy's default of 100
        # parallel output workers per response costs more than it gives.
        "CONCURRENT_ITEMS": 16,
        "LOG_LEVEL": "INFO",
        "LOG_FILE": log_file,
        "LOG_FILE_APPEND": True,
        "LOGSTATS_INTERVAL": 0,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        # Depth is counted by our middleware (pagination stays on its level) and
        # enforced, with a logged reason, by the scope middleware.
        "DEPTH_LIMIT": 0,
        "SPIDER_MIDDLEWARES": {
            "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
            f"{P}.middlewares.depth.LevelMiddleware": 900,
        },
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
            f"{P}.middlewares.scope.ScopeMiddleware": 40,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            f"{P}.middlewares.backoff.BackoffRetryMiddleware": 550,
            f"{P}.middlewares.conditional.ConditionalRequestMiddleware": 560,
            f"{P}.middlewares.redirect_loop.RedirectLoopMiddleware": 650,
        },
        "ITEM_PIPELINES": {
            f"{P}.pipelines.images.ImageHashPipeline": 100,
            f"{P}.pipelines.gate.PrivacyGatePipeline": 300,
            f"{P}.pipelines.store.StorePipeline": 800,
        },
        "EXTENSIONS": {
            f"{P}.extensions.run.CrawlRunExtension": 100,
            f"{P}.extensions.progress.ProgressExtension": 500,
            f"{P}.extensions.frontier.SharedFrontierExtension": 200,
        },
    }
    if ctx.frontier:
        settings.update(
            {
                "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
                "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
                "SCHEDULER_PERSIST": True,
                "SCHEDULER_QUEUE_KEY": f"{ctx.frontier_prefix}:requests",
                "SCHEDULER_DUPEFILTER_KEY": f"{ctx.frontier_prefix}:seen",
                "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
                "REDIS_URL": ctx.frontier,
            }
        )
    elif ctx.jobdir is not None:
        settings["JOBDIR"] = str(ctx.jobdir)
    return settings
