"""`zicht crawl DEPLOYMENT_ID --as USERNAME [--recrawl]` and `zicht export ads`."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from zicht.cli import app, export_app
from zicht.commands.common import acting_as

AS = typer.Option(..., "--as", help="act as this user (the audit log names them)")


@app.command("crawl")
def crawl(
    deployment_id: int,
    as_user: str = AS,
    recrawl: bool = typer.Option(
        False, "--recrawl", help="revisit known ads and record their versions"
    ),
    profile: str | None = typer.Option(
        None, "--profile", help="site profile name or YAML path (default: detected per site)"
    ),
    start: list[str] = typer.Option(
        [], "--start", help="start URL (default: the deployment's domains); scope still applies"
    ),
    timeout: float = typer.Option(30.0, "--timeout", help="seconds before a request times out"),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", help="size cap of one response"),
    retries: int = typer.Option(2, "--retries", help="retries of a 429/5xx/timeout, backing off"),
    progress: bool = typer.Option(True, "--progress/--no-progress"),
) -> None:
    """Crawl under an authorised, valid deployment; refuses otherwise (audited)."""
    from zicht.sources.crawler.context import CrawlOptions
    from zicht.sources.crawler.runner import run_crawl

    options = CrawlOptions(
        recrawl=recrawl,
        timeout=timeout,
        max_bytes=max_bytes,
        retries=retries,
        profile=profile,
        starts=tuple(start),
        progress=progress,
    )
    summary = run_crawl(as_user, deployment_id, options)
    c = summary.counts
    typer.echo(
        f"crawl run {summary.run_id} {summary.status} ({summary.finish_reason}): "
        f"pages {c.get('pages', 0)}, images {c.get('images', 0)}, items {c.get('items', 0)}, "
        f"appeared {c.get('appeared', 0)}, changed {c.get('changed', 0)}, "
        f"unchanged {c.get('unchanged', 0)}, disappeared {c.get('disappeared', 0)}, "
        f"errors {c.get('errors', 0)}" + (" [resumed]" if summary.resumed else "")
    )


@export_app.command("ads")
def export_ads(
    deployment_id: int,
    output: Path = typer.Option(..., "-o", "--output", help="JSON Lines file to write"),
    as_user: str = AS,
) -> None:
    """One JSON object per stored ad version of the deployment."""
    from zicht.sources.crawler.export import ad_versions

    count = 0
    with acting_as(as_user) as (session, user), output.open("w", encoding="utf-8") as out:
        for record in ad_versions(session, user, deployment_id):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    typer.echo(f"{count} ad versions written to {output}")
