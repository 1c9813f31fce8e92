"""The network view: networks by score, and one network's graph, timeline, map, template
and the reasons for its score.

Every page that shows a network's ads goes through `zicht.link.stored.queries.network`,
which refuses other organisations (404, audited) and audits the read. The graph is drawn
by vendored cytoscape.js from `/networks/{id}/graph.json`; no inline script.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.responses import Response

from zicht.domain import Role
from zicht.link.networks import geo
from zicht.link.networks.graph import KIND_CODES
from zicht.link.networks.indicators import WEIGHTS
from zicht.link.stored import queries
from zicht.web.auth import CurrentUser, DbSession
from zicht.web.navigation import Page, register
from zicht.web.templating import render

router = APIRouter(prefix="/networks", include_in_schema=False)
register(Page("networks", "/networks", frozenset({Role.ANALYST, Role.ADMIN})))

# Message keys of data-driven labels, listed here so a test can check every one exists.
KIND_KEYS = {kind: "networks.kind." + kind for kind in KIND_CODES}
INDICATOR_KEYS = {name: "networks.indicator." + name for name in WEIGHTS}
REASON_KEYS = {name: "networks.reason." + name for name in WEIGHTS}
LABELS = {"kind": KIND_KEYS, "indicator": INDICATOR_KEYS, "reason": REASON_KEYS}
TIMELINE_WIDTH = 640
ROW = 22
MAX_SLOT_VALUES = 6


@router.get("")
def list_page(
    request: Request, db: DbSession, user: CurrentUser, run: int | None = None
) -> Response:
    found = queries.get_run(db, user, run)
    rows = queries.networks(db, user, found) if found is not None else []
    hubs = queries.ignored(db, found) if found is not None else []
    return render(
        request,
        "networks/list.html",
        {
            "run": found,
            "rows": rows,
            "hubs": hubs,
            "runs": queries.runs(db, user),
            "labels": LABELS,
        },
    )


def timeline(members: list[dict[str, Any]]) -> dict[str, Any]:
    """Dots of ads by day (x) and city (y, in order of first visit): the network's route."""
    dated = [(date.fromisoformat(m["posted"]), m) for m in members if m.get("posted")]
    if not dated:
        return {"dots": [], "cities": [], "width": TIMELINE_WIDTH, "height": ROW}
    first = min(d for d, _ in dated)
    span = max((max(d for d, _ in dated) - first).days, 1)
    order: list[str] = []
    for _, m in sorted(dated, key=lambda x: x[0]):
        if m["city"] not in order:
            order.append(m["city"])
    left = 130
    dots = [
        {
            "x": round(left + (d - first).days / span * (TIMELINE_WIDTH - left - 10), 1),
            "y": ROW * order.index(m["city"]) + ROW // 2,
            "day": d.isoformat(),
            "ad": m["ad_id"],
            "city": m["city"],
        }
        for d, m in dated
    ]
    cities = [{"name": c or "?", "y": ROW * i + ROW // 2 + 4} for i, c in enumerate(order)]
    return {
        "dots": dots, "cities": cities, "width": TIMELINE_WIDTH, "height": ROW * len(order),
        "first": first.isoformat(), "last": max(d for d, _ in dated).isoformat(), "left": left,
    }  # fmt: skip


def slots(segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Template segments for display: a slot shows a few of the values ads put there."""
    out = []
    for s in segments:
        values = [v for v in s.get("values", []) if v]
        out.append({
            "kind": s["kind"], "text": s.get("text", ""),
            "shown": values[:MAX_SLOT_VALUES], "more": max(0, len(values) - MAX_SLOT_VALUES),
            "empty": len(values) < len(s.get("values", [])),
        })  # fmt: skip
    return out


@router.get("/{network_id}")
def detail(request: Request, db: DbSession, user: CurrentUser, network_id: int) -> Response:
    found = queries.network(db, user, network_id, purpose="network page")
    cities = Counter(m["city"] for m in found.members)
    points, unplaced = geo.city_points(dict(cities))
    kinds = Counter(e.kind for e in found.edges)
    return render(
        request,
        "networks/detail.html",
        {
            "n": found.network,
            "run": found.run,
            "members": found.members,
            "kinds": sorted(kinds.items()),
            "template": found.template,
            "segments": slots(found.template.segments) if found.template else [],
            "timeline": timeline(found.members),
            "map": {
                "width": geo.WIDTH,
                "height": geo.HEIGHT,
                "outline": geo.outline_points(),
                "points": points,
                "unplaced": unplaced,
                "most": max((p.ads for p in points), default=1),
            },
            "indicators": found.network.indicators,
            "labels": LABELS,
        },
    )


@router.get("/{network_id}/graph.json")
def graph(db: DbSession, user: CurrentUser, network_id: int) -> Response:
    """Nodes (ads) and typed, weighted edges for cytoscape.js; values stay pseudonyms."""
    found = queries.network(db, user, network_id, purpose="network graph")
    nodes = [
        {"data": {"id": f"ad{m['ad_id']}", "label": f"{m['city'] or '?'} {m['posted'] or ''}",
                  "ad": m["ad_id"], "template": m["in_template"]}}
        for m in found.members
    ]  # fmt: skip
    edges = [
        {"data": {"id": f"e{e.id}", "source": f"ad{e.left_ad_id}", "target": f"ad{e.right_ad_id}",
                  "kind": e.kind, "weight": e.weight, "via": e.via[:12]}}
        for e in found.edges
    ]  # fmt: skip
    return JSONResponse({"network": found.network.id, "nodes": nodes, "edges": edges})
