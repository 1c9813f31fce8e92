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
    """Ads joined into networks by shared identifiers, templates and photos."""
    from zicht.accounts.service import get_user
    from zicht.link import ad_from_dict, link_ads
    from zicht.sources.crawler.export import ad_versions
    from zicht.store import get_database

    latest: dict[str, dict[str, object]] = {}
    with get_database().session() as session:
        for version in ad_versions(session, get_user(session, "ana"), context.deployment.id):
            latest[str(version["ad_id"])] = {**version, "id": str(version["ad_id"])}
    if not latest:
        return "no ads to link"
    result = link_ads([ad_from_dict(row) for row in latest.values()])
    networks = [n for n in result.networks.values() if len(n.members) >= 3]
    top = max((n.score for n in networks), default=0.0)
    return f"{len(latest)} ads in {len(networks)} networks of 3+ ads (highest score {top:.2f})"


PIPELINE.extend(
    [
        ("crawl", crawl_site),
        ("detect ads", detect_ads),
        ("mutations", import_mutations),
        ("networks", link_networks),
    ]
)
