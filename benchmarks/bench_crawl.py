"""Crawl benchmark: `zicht crawl` against bare Scrapy on the demo site, on loopback.

Both fetch the same pages (robots.txt, every listing page, every ad, every ad
image) from one demo site in the same run, with politeness delays off and the
same concurrency; for zicht that is a deviation recorded in the deployment, as
it would be for a real crawl. Reported: pages per second of each (Scrapy's own
clock, from engine start to close), their ratio, the wall time of the whole
`zicht crawl` command (process start to exit) and its peak memory. On a shared
machine the rates move with the load; the CPU time per response of each process
(all threads, start-up included) and their ratio move much less.

Floors (issue 3): zicht at least 75% of bare Scrapy's rate; 3,000 ads plus
listings in under a minute.

    python -m benchmarks.bench_crawl            # or: python benchmarks/bench_crawl.py
    BENCH_CRAWL_ADS=500 python benchmarks/bench_crawl.py   # a quicker look
    BENCH_CRAWL_PYSPY=crawl.json python benchmarks/bench_crawl.py  # py-spy the zicht crawl

Profile through this script rather than a setup of your own: the crawl then runs
against this run's site and database home (a crawl started in another shell reads
another home, and meets "no active user" or a stopped site).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

N_ADS = int(os.environ.get("BENCH_CRAWL_ADS", "3000"))
CONCURRENCY = int(os.environ.get("BENCH_CRAWL_CONCURRENCY", "8"))
RATIO_FLOOR = 0.75
WALL_FLOOR_S = 60.0


def bare_spider(url: str, concurrency: int) -> dict[str, Any]:
    """Bare Scrapy: the same pages, no privacy gate, no audit, no storage."""
    from scrapy import Request, Spider
    from scrapy.crawler import CrawlerProcess

    class Bare(Spider):
        name = "bare"

        async def start(self) -> Any:
            yield Request(url + "/ads")

        def parse(self, response: Any) -> Any:
            for href in response.css("li.ad-card a.ad-link::attr(href)").getall():
                yield response.follow(href, self.parse_ad)
            for href in response.css("nav.pagination a[rel=next]::attr(href)").getall():
                yield response.follow(href, self.parse)

        def parse_ad(self, response: Any) -> Any:
            for src in response.css("img.ad-image::attr(src)").getall():
                yield response.follow(src, self.parse_image)

        def parse_image(self, response: Any) -> None:
            return None

    process = CrawlerProcess(
        {
            "ROBOTSTXT_OBEY": True,
            "CONCURRENT_REQUESTS": max(16, concurrency),
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "COOKIES_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "LOG_LEVEL": "WARNING",
        }
    )
    crawler = process.create_crawler(Bare)
    process.crawl(crawler)
    process.start()
    assert crawler.stats is not None
    stats = crawler.stats.get_stats()
    return {
        "responses": stats.get("response_received_count", 0),
        "elapsed_s": stats.get("elapsed_time_seconds", 0.0),
        "memory_peak_bytes": stats.get("memusage/max", 0),
    }


def _subprocess(
    args: list[str], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """The finished process, its wall time and its CPU time (user + system, all threads)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, wall, cpu


def run() -> dict[str, Any]:
    """Both crawls in one run; figures and whether the issue's floors hold."""
    from sqlalchemy import select

    from zicht.accounts import service
    from zicht.demo.site import serve_site
    from zicht.demo.world import generate
    from zicht.domain import Politeness
    from zicht.privacy import deployments
    from zicht.settings import reset_settings
    from zicht.store.db import get_database, reset_databases
    from zicht.store.tables import CrawlRunRow

    world = generate(seed=7, n_ads=N_ADS, n_mutations=0, n_chats=0, n_registrations=0)
    site = serve_site(world, day=world.today)
    home = tempfile.mkdtemp(prefix="zicht-bench-crawl-")
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith("ZICHT_")}
    os.environ.update(ZICHT_HOME=home, ZICHT_ENV="test")
    reset_settings()
    reset_databases()
    try:
        db = get_database()
        with db.session() as s:
            service.add_org(s, "Politie Benchmark", "police")
            service.add_org(s, "OM Benchmark", "prosecution")
            analyst = service.add_user(
                s,
                "bench-analyst",
                org="Politie Benchmark",
                role="analyst",
                password="benchmark password 1",
            )
            prosecutor = service.add_user(
                s,
                "bench-prosecutor",
                org="OM Benchmark",
                role="prosecutor",
                password="benchmark password 2",
            )
            d = deployments.create(
                s,
                analyst,
                purpose="benchmark on loopback",
                legal_basis="benchmark",
                legal_basis_code="other",
                domains=[site.url.split("//", 1)[1]],
                max_pages=100_000,
                max_depth=5,
                politeness=Politeness(
                    concurrent_per_domain=CONCURRENCY, download_delay=0.0, autothrottle=False
                ),
            )
            deployments.authorise(s, prosecutor, d.id)
        env = {**os.environ}
        profile = os.environ.get("BENCH_CRAWL_PYSPY")  # a path: py-spy records the zicht crawl
        spy = ["py-spy", "record", "--idle", "--format", "speedscope", "-o", profile or "", "--"]
        zicht, wall, zicht_cpu = _subprocess(
            [
                *(spy if profile else []),
                sys.executable,
                "-c",
                "import sys; from zicht.cli import main; sys.exit(main())",
                "crawl",
                str(d.id),
                "--as",
                "bench-analyst",
                "--no-progress",
            ],
            env,
        )
        if zicht.returncode != 0:
            raise RuntimeError(f"zicht crawl failed: {zicht.stderr}")
        with db.session() as s:
            counts = s.scalars(select(CrawlRunRow.counts)).one()
        bare_run, bare_wall, bare_cpu = _subprocess(
            [sys.executable, __file__, "--bare", site.url, str(CONCURRENCY)], env
        )
        if bare_run.returncode != 0:
            raise RuntimeError(f"bare spider failed: {bare_run.stderr}")
        bare = json.loads(bare_run.stdout.strip().splitlines()[-1])
    finally:
        site.stop()
        reset_databases()
        shutil.rmtree(home, ignore_errors=True)
        for key in [k for k in os.environ if k.startswith("ZICHT_")]:
            del os.environ[key]
        os.environ.update(saved)
        reset_settings()
    responses = counts.get("pages", 0) + counts.get("images", 0) + counts.get("robots", 0)
    zicht_rate = responses / (counts["elapsed_ms"] / 1000)
    bare_rate = bare["responses"] / bare["elapsed_s"]
    ratio = zicht_rate / bare_rate
    figures = {
        "ads": N_ADS,
        "concurrency": CONCURRENCY,
        "zicht_responses": responses,
        "zicht_stored": counts.get("appeared", 0),
        "zicht_pages_per_s": round(zicht_rate, 1),
        "bare_responses": bare["responses"],
        "bare_pages_per_s": round(bare_rate, 1),
        "ratio": round(ratio, 3),
        "ratio_floor": RATIO_FLOOR,
        "zicht_wall_s": round(wall, 1),
        "zicht_cpu_ms_per_response": round(1000 * zicht_cpu / max(responses, 1), 2),
        "bare_cpu_ms_per_response": round(1000 * bare_cpu / max(bare["responses"], 1), 2),
        "cpu_ratio": round(
            (bare_cpu / max(bare["responses"], 1)) / (zicht_cpu / max(responses, 1)), 3
        ),
        "bare_wall_s": round(bare_wall, 1),
        "wall_floor_s": WALL_FLOOR_S,
        "zicht_peak_memory_mb": round(counts.get("memory_peak_bytes", 0) / 2**20, 1),
        "bare_peak_memory_mb": round(bare["memory_peak_bytes"] / 2**20, 1),
        "floors_met": ratio >= RATIO_FLOOR and wall < WALL_FLOOR_S,
    }
    _print(figures)
    return figures


def _print(f: dict[str, Any]) -> None:
    """The figures on the console, as the other benchmarks print theirs."""
    print(f"demo site: {f['ads']:,} ads, concurrency {f['concurrency']}, on loopback")
    print(
        f"zicht crawl : {f['zicht_pages_per_s']:7.1f} pages/s, {f['zicht_responses']:,} responses"
        f" ({f['zicht_stored']:,} ads stored), {f['zicht_cpu_ms_per_response']:5.2f} ms CPU"
        f" per response, {f['zicht_wall_s']} s wall, peak {f['zicht_peak_memory_mb']} MB"
    )
    print(
        f"bare Scrapy : {f['bare_pages_per_s']:7.1f} pages/s, {f['bare_responses']:,} responses,"
        f" {f['bare_cpu_ms_per_response']:5.2f} ms CPU per response, {f['bare_wall_s']} s wall,"
        f" peak {f['bare_peak_memory_mb']} MB"
    )
    print(
        f"ratio (pages/s zicht / bare): {f['ratio']:.3f}   "
        f"CPU ratio (bare / zicht): {f['cpu_ratio']:.3f}"
    )
    rate_ok = f["ratio"] >= f["ratio_floor"]
    wall_ok = f["zicht_wall_s"] < f["wall_floor_s"]
    print(
        f"floor (ratio >= {f['ratio_floor']}): {'met' if rate_ok else 'MISSED'}; "
        f"floor (zicht crawl < {f['wall_floor_s']:.0f} s wall): {'met' if wall_ok else 'MISSED'}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--bare":
        print(json.dumps(bare_spider(sys.argv[2], int(sys.argv[3]))))
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        run()
