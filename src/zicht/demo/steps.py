"""The demo's pipeline: one function per step of the road in DESIGN.md, in order.

Each step takes the demo's context and returns a one-line report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from zicht.demo.site import RunningSite
from zicht.demo.world import World
from zicht.domain import Deployment


@dataclass
class DemoContext:
    world: World
    directory: Path
    site: RunningSite
    deployment: Deployment
    console: Console


Step = Callable[[DemoContext], str]

PIPELINE: list[tuple[str, Step]] = []  # filled at the end of this module


def crawl_site(context: DemoContext) -> str:
    """The analyst crawls the demo site under the authorised deployment."""
    from zicht.sources.crawler.runner import crawl_in_subprocess

    summary = crawl_in_subprocess("ana", context.deployment.id)
    counts = summary.counts
    return (
        f"run {summary.run_id} {summary.status}: {counts.get('stored', 0)} ads stored, "
        f"{counts.get('errors', 0)} errors"
    )


def detect_ads(context: DemoContext) -> str:
    """Indicators of trafficking in the crawled ads, stored as signals for the queue."""
    from sqlalchemy import select

    from zicht.accounts.service import get_user
    from zicht.detect import Detector
    from zicht.detect.signals import detect_documents
    from zicht.store import get_database
    from zicht.store.tables import DocumentRow

    with get_database().session() as session:
        analyst = get_user(session, "ana")
        ids = list(
            session.scalars(
                select(DocumentRow.id).where(DocumentRow.deployment_id == context.deployment.id)
            )
        )
        flagged = detect_documents(session, analyst, ids, Detector())
    return f"{flagged} of {len(ids)} ads show indicators"


def import_mutations(context: DemoContext) -> str:
    """The police's own mutations, searched for hidden signals (the DIGW method)."""
    from zicht.accounts.service import get_user
    from zicht.detect import Detector
    from zicht.detect.signals import detect_documents
    from zicht.errors import Conflict
    from zicht.sources import mutations
    from zicht.store import get_database

    rows = mutations.read_file(context.directory / "mutations.jsonl")
    try:
        with get_database().session() as session:
            analyst = get_user(session, "ana")
            ids = mutations.import_rows(session, analyst, rows)
            flagged = detect_documents(session, analyst, ids, Detector())
    except Conflict:
        return "already imported by an earlier demo run"
    return f"{len(ids)} mutations imported, {flagged} with signals"


def link_networks(context: DemoContext) -> str:
    """Ads joined into networks by shared identifiers, templates and photos, and stored."""
    from zicht.accounts.service import get_user
    from zicht.link.stored import link_store
    from zicht.store import get_database

    with get_database().session() as session:
        run = link_store(session, get_user(session, "ana"), deployment_ids=[context.deployment.id])
        if not run.ads:
            return "no ads to link"
        return (
            f"link run {run.id}: {run.ads} ads in {run.networks} networks of 2+ ads (see /networks)"
        )


def register_victims(context: DemoContext) -> str:
    """Each organisation imports its registrations of possible victims; the registry links
    them into persons (Splink in the clear where consent allows, Bloom-filter keys otherwise)."""
    from zicht.accounts.service import get_user
    from zicht.demo.accounts import REGISTRARS, ensure_avim_units
    from zicht.errors import Conflict
    from zicht.registry.linkage import link_registrations
    from zicht.registry.parse import parse_csv
    from zicht.registry.service import import_registrations
    from zicht.store import get_database

    imported = 0
    with get_database().session() as session:
        ensure_avim_units(session)
    for slug, username in REGISTRARS.items():
        path = context.directory / "registrations" / f"{slug}.csv"
        if not path.exists():
            continue
        items = parse_csv(path.read_text(encoding="utf-8"), name=str(path))
        try:
            with get_database().session() as session:
                imported += len(import_registrations(session, get_user(session, username), items))
        except Conflict:
            continue  # imported by an earlier demo run
    with get_database().session() as session:
        result = link_registrations(session, actor="zicht demo")
    return (
        f"{imported} registrations imported; {result.get('registrations', 0)} registrations "
        f"are {result.get('persons', 0)} persons"
    )


def publish_figures(context: DemoContext) -> str:
    """The rapporteur's annual report over the linked persons (see /figures)."""
    from collections import Counter
    from datetime import date

    from zicht.accounts.service import get_user
    from zicht.figures.annual import annual_figures
    from zicht.figures.report import render_report
    from zicht.store import get_database

    with get_database().session() as session:
        rita = get_user(session, "rita")
        years = Counter(int(r.row["year"]) for r in context.world.registrations)
        year = years.most_common(1)[0][0] if years else date.today().year
        figures = annual_figures(
            session, year, actor=rita.username, org_id=rita.org_id, as_of=date.today()
        )
    out = context.directory / f"report-{year}.html"
    out.write_text(render_report(figures, lang="nl"), encoding="utf-8")
    return f"annual report {year} written to {out}"


PIPELINE.extend(
    [
        ("crawl", crawl_site),
        ("detect ads", detect_ads),
        ("mutations", import_mutations),
        ("networks", link_networks),
        ("registry", register_victims),
        ("figures", publish_figures),
    ]
)
