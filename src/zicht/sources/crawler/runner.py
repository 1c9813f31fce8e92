"""Starting a crawl run: the refusal checks, the job directory, and Scrapy's process.

Scrapy's JOBDIR resumes a crawl that was stopped cleanly (Ctrl-C, SIGTERM). It
does not survive SIGKILL: its queue index and seen-set are written on close, so
after a kill the seen-set would hide links whose requests were lost. A marker
file tells a clean stop from a kill; after a kill the job directory is
discarded and the store, where every stored ad is committed, says what is done:
the new run skips ads already stored and fetches the rest.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select, update

from zicht.accounts.service import get_user
from zicht.errors import Conflict, ZichtError
from zicht.privacy import audit
from zicht.privacy.deployments import require_active
from zicht.settings import get_settings
from zicht.sources.crawler import auditing, config
from zicht.sources.crawler.context import CrawlContext, CrawlOptions
from zicht.sources.crawler.storage import known_ads, source_id
from zicht.store import get_database
from zicht.store.db import utcnow
from zicht.store.tables import CrawlRunRow, OrganisationRow

MARKER = "zicht-run.json"
STALE = timedelta(seconds=60)


@dataclass(frozen=True)
class RunSummary:
    run_id: int
    deployment_id: int
    status: str
    finish_reason: str | None
    counts: dict[str, int]
    resumed: bool


def frontier_namespace() -> str:
    """Redis key prefix of this installation: two installations sharing a Redis never mix."""
    url = get_settings().resolved_database_url
    return "zicht-" + hashlib.sha256(url.encode()).hexdigest()[:12]


def crawl_home() -> Path:
    return get_settings().home / "crawl"


def jobdir_for(deployment_id: int, recrawl: bool) -> Path:
    return crawl_home() / "jobs" / f"deployment-{deployment_id}-{'recrawl' if recrawl else 'crawl'}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _prepare_jobdir(jobdir: Path) -> tuple[bool, int | None]:
    """(resumed, run id of a killed run); refuses when another process crawls the job."""
    marker = jobdir / MARKER
    if not marker.exists():
        return jobdir.exists() and any(jobdir.iterdir()), None
    previous = json.loads(marker.read_text(encoding="utf-8"))
    if previous["pid"] != os.getpid() and _alive(previous["pid"]):
        raise Conflict(
            f"deployment {previous['deployment']} is being crawled already (process "
            f"{previous['pid']}, run {previous['run']}); "
            "a second worker needs a Redis frontier (ZICHT_CRAWL_FRONTIER)"
        )
    for name in ("requests.queue", "requests.seen", "spider.state"):  # untrustworthy after a kill
        path = jobdir / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    marker.unlink()
    return True, int(previous["run"])


def start_run(
    username: str, deployment_id: int, options: CrawlOptions
) -> tuple[CrawlContext, dict[str, Any]]:
    """Refuse (audited) or record a new run; returns its context and the known ads."""
    settings = get_settings()
    frontier = settings.crawl_frontier
    jobdir = None if frontier else jobdir_for(deployment_id, options.recrawl)
    with get_database().session() as session:
        user = get_user(session, username)
        deployment = require_active(session, user, deployment_id)
        resumed, killed_run = _prepare_jobdir(jobdir) if jobdir else (False, None)
        now = utcnow()
        session.execute(  # runs that stopped without a word (killed) are marked so
            update(CrawlRunRow)
            .where(
                CrawlRunRow.deployment_id == deployment_id,
                CrawlRunRow.status == "running",
                or_(
                    CrawlRunRow.id == (killed_run or -1),
                    CrawlRunRow.heartbeat_at < now - STALE,
                    CrawlRunRow.heartbeat_at.is_(None) & (CrawlRunRow.started_at < now - STALE),
                ),
            )
            .values(status="interrupted", finish_reason="killed")
        )
        resume_since = None
        if killed_run is not None:
            killed = session.get(CrawlRunRow, killed_run)
            resume_since = killed.started_at if killed is not None else None
        org = session.get(OrganisationRow, deployment.org_id)
        assert org is not None
        source_id(session, deployment.id)
        run = CrawlRunRow(
            deployment_id=deployment.id,
            org_id=deployment.org_id,
            started_by=user.username,
            mode="recrawl" if options.recrawl else "crawl",
            frontier="redis" if frontier else "local",
            status="running",
            started_at=now,
            heartbeat_at=now,
            counts={},
        )
        session.add(run)
        session.flush()
        ctx = CrawlContext(
            deployment=deployment,
            actor=user.username,
            org_name=org.name,
            run_id=run.id,
            options=options,
            frontier=frontier,
            jobdir=jobdir,
            resume_since=resume_since,
            namespace=frontier_namespace(),
        )
        audit.record_many(
            session,
            [
                auditing.event(
                    ctx,
                    "crawl.start",
                    mode=run.mode,
                    frontier=run.frontier,
                    resumed=resumed,
                    user_agent=config.user_agent(ctx),
                    deviations=deployment.politeness.deviations(),
                    keeps=list(deployment.minimisation.keep),
                )
            ],
        )
        known = known_ads(session, deployment.id)
    return ctx, {"known": known, "resumed": resumed}


def run_crawl(username: str, deployment_id: int, options: CrawlOptions | None = None) -> RunSummary:
    """Crawl under the deployment in this process; returns when the crawl has ended."""
    ctx, extra = start_run(username, deployment_id, options or CrawlOptions())
    from scrapy.crawler import CrawlerProcess

    from zicht.sources.crawler.spider import AdSpider

    logs = crawl_home() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    if ctx.jobdir is not None:
        ctx.jobdir.mkdir(parents=True, exist_ok=True)
        (ctx.jobdir / MARKER).write_text(
            json.dumps({"pid": os.getpid(), "run": ctx.run_id, "deployment": deployment_id}),
            encoding="utf-8",
        )
    process = CrawlerProcess(config.build(ctx, str(logs / f"run-{ctx.run_id}.log")))
    process.crawl(AdSpider, known=extra["known"])
    # What start-up built (modules, mapped tables, settings) lives as long as the process:
    # frozen, it is no longer traversed by every full collection during the crawl.
    gc.freeze()
    process.start()
    summary = finish(ctx, bool(extra["resumed"]))
    if summary.finish_reason == "store_failed":
        raise ZichtError(f"crawl run {ctx.run_id} stopped: storing failed (see {logs})")
    return summary


def finish(ctx: CrawlContext, resumed: bool) -> RunSummary:
    with get_database().session() as session:
        run = session.get(CrawlRunRow, ctx.run_id)
        assert run is not None
        if run.status == "running":  # the engine never reported an end
            run.status, run.finish_reason, run.finished_at = "stopped", "unknown", utcnow()
        summary = RunSummary(
            run.id, run.deployment_id, run.status, run.finish_reason, dict(run.counts), resumed
        )
        event = auditing.event(ctx, "crawl.finish", reason=run.finish_reason, counts=run.counts)
        audit.record_many(session, [event])
    if ctx.jobdir is not None:
        (ctx.jobdir / MARKER).unlink(missing_ok=True)
        if summary.finish_reason == "finished":
            shutil.rmtree(ctx.jobdir, ignore_errors=True)
    return summary


def crawl_in_subprocess(
    username: str, deployment_id: int, *, recrawl: bool = False, extra: tuple[str, ...] = ()
) -> RunSummary:
    """`zicht crawl` in a child process: for callers that run their own event loop (the demo,
    the web app), since Twisted's reactor starts once per process. Refusals raise as usual."""
    import subprocess
    import sys

    args = [
        sys.executable,
        "-c",
        "import sys; from zicht.cli import main; sys.exit(main())",
        "crawl",
        str(deployment_id),
        "--as",
        username,
        "--no-progress",
        *extra,
    ]
    if recrawl:
        args.append("--recrawl")
    result = subprocess.run(args, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines() or ["crawl failed"]
        raise ZichtError(lines[-1].removeprefix("error: "))
    with get_database().session() as session:
        run = session.scalars(
            select(CrawlRunRow)
            .where(CrawlRunRow.deployment_id == deployment_id)
            .order_by(CrawlRunRow.id.desc())
        ).first()
        assert run is not None
        return RunSummary(
            run.id,
            run.deployment_id,
            run.status,
            run.finish_reason,
            dict(run.counts),
            "[resumed]" in result.stdout,
        )
