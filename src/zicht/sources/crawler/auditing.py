"""The crawl's audit events, built in one place so every entry names its deployment and run."""

from __future__ import annotations

from typing import Any

from zicht.privacy import audit
from zicht.sources.crawler.context import CrawlContext


def event(
    ctx: CrawlContext,
    action: str,
    *,
    record_type: str = "deployment",
    record_id: object = None,
    **detail: Any,
) -> audit.Event:
    """An event of this run, by its actor, in the deployment's organisation.

    The record defaults to the deployment itself; a stored page names its document.
    """
    d = ctx.deployment
    return audit.Event(
        actor=ctx.actor,
        action=action,
        org_id=d.org_id,
        record_type=record_type,
        record_id=d.id if record_id is None else record_id,
        detail={"deployment": d.id, "run": ctx.run_id, **detail},
    )
