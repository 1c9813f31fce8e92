"""Storing a linkage run: the run, its networks of two or more ads, their members, typed
edges and template, and the hub identifiers it ignored with the reason.

Identifier values go in as the keyed pseudonyms the run linked on; a raw value beside
them only when every deployment of the run allows raw identifiers. One transaction:
a run is stored whole or not at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from zicht.domain import User
from zicht.link.networks.graph import KIND_CODES
from zicht.link.networks.result import LinkResult
from zicht.link.stored.read import StoreInput
from zicht.link.text.template import align
from zicht.privacy import audit
from zicht.store.tables import (
    AdNetworkRow,
    IgnoredIdentifierRow,
    LinkRunRow,
    NetworkEdgeRow,
    NetworkMemberRow,
    NetworkTemplateRow,
)

MIN_ADS = 2


def split_key(key: str) -> tuple[str, str]:
    """`phone:k1:ab12..` -> (`phone`, `k1:ab12..`); a template edge's value is its kind."""
    kind, _, value = key.partition(":")
    return kind, "template" if kind == "template" else value


def save(
    session: Session,
    actor: User,
    data: StoreInput,
    result: LinkResult,
    *,
    started_at: datetime,
    finished_at: datetime,
) -> LinkRunRow:
    networks = [n for n in result.networks.values() if len(n.members) >= MIN_ADS]
    run = LinkRunRow(
        org_id=data.org_id,
        started_by=actor.username,
        started_at=started_at,
        finished_at=finished_at,
        deployment_ids=data.deployment_ids,
        engine=result.settings.engine,
        settings=asdict(result.settings),
        ads=len(result.ads),
        networks=len(networks),
        raw_identifiers=data.raw_identifiers,
        timings=result.timings,
    )
    session.add(run)
    session.flush()

    def raw(key: str) -> str | None:
        return data.raw.get(key) if data.raw_identifiers else None

    rows: dict[str, AdNetworkRow] = {}
    for net in networks:
        seen = [data.seen[i] for i in net.members]
        ind = net.indicators
        rows[net.id] = AdNetworkRow(
            run_id=run.id,
            org_id=data.org_id,
            network_key=net.id,
            score=net.score,
            ads=ind.ads,
            cities=ind.cities,
            names=ind.names,
            first_seen=min(s[0] for s in seen),
            last_seen=max(s[1] for s in seen),
            indicators=ind.as_dict(),
            contributions=[asdict(c) for c in net.contributions],
        )
    session.add_all(rows.values())
    session.flush()

    members: list[dict[str, Any]] = []
    templates: list[dict[str, Any]] = []
    labels = result.template_labels
    for net in networks:
        network_id = rows[net.id].id
        largest: int | None = None
        if labels is not None:
            label, size = Counter(int(labels[i]) for i in net.members).most_common(1)[0]
            largest = label if size >= MIN_ADS else None
        for i in net.members:
            f = result.features[i]
            members.append({
                "network_id": network_id, "ad_id": data.ad_ids[i],
                "document_id": data.document_ids[i], "city": f.city[:100],
                "posted": f.day.isoformat() if f.day else None, "third_person": f.third_person,
                "in_template": largest is not None and labels is not None
                and int(labels[i]) == largest,
            })  # fmt: skip
        if largest is not None and labels is not None:
            template = align([result.ads[i].text for i in net.members if labels[i] == largest])
            templates.append({
                "network_id": network_id, "texts": template.texts,
                "coverage": template.coverage,
                "segments": [asdict(s) for s in template.segments],
            })  # fmt: skip
    edges = _edges(result, data, {net.id: rows[net.id].id for net in networks}, raw)
    for table, values in (
        (NetworkMemberRow, members),
        (NetworkTemplateRow, templates),
        (NetworkEdgeRow, edges),
    ):
        if values:
            session.execute(insert(table), values)
    ignored = [
        {"run_id": run.id, "kind": hub.kind, "via": split_key(hub.key)[1][:100],
         "raw_value": raw(hub.key), "ads": hub.ads, "cities": hub.cities,
         "advertisers": hub.advertisers, "reason": hub.reason}
        for hub in result.ignored
    ]  # fmt: skip
    if ignored:
        session.execute(insert(IgnoredIdentifierRow), ignored)
    audit.record(
        session,
        actor=actor.username,
        org_id=data.org_id,
        action="link.run",
        record_type="link_run",
        record_id=run.id,
        detail={
            "deployments": data.deployment_ids,
            "ads": run.ads,
            "networks": run.networks,
            "ignored": len(ignored),
            "raw_identifiers": data.raw_identifiers,
        },
    )
    return run


def _edges(
    result: LinkResult, data: StoreInput, network_ids: dict[str, int], raw: Any
) -> list[dict[str, Any]]:
    """Every edge whose two ads sit in one stored network (Louvain may cut others)."""
    e = result.edges
    out: list[dict[str, Any]] = []
    for k, (a, b) in enumerate(zip(e.left.tolist(), e.right.tolist(), strict=True)):
        net = result.network_of[a]
        if net != result.network_of[b] or net not in network_ids:
            continue
        kind, via = split_key(e.group[k])
        out.append({
            "network_id": network_ids[net], "left_ad_id": data.ad_ids[a],
            "right_ad_id": data.ad_ids[b], "kind": KIND_CODES[int(e.kind[k])],
            "weight": round(float(e.weight[k]), 4), "via": via[:100],
            "raw_value": raw(e.group[k]) if kind != "template" else None,
        })  # fmt: skip
    return out
