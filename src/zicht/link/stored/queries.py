"""Reading stored networks back: scoped to the organisation that crawled the ads, audited.

A network of another organisation is 'not found' (it does not confirm the network exists)
and the attempt is audited; every read of a network's ads leaves an audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import not_found, require_readable
from zicht.domain import User
from zicht.errors import NotFound
from zicht.privacy import audit
from zicht.store.tables import (
    AdNetworkRow,
    CrawledAdRow,
    DocumentRow,
    IgnoredIdentifierRow,
    LinkRunRow,
    NetworkEdgeRow,
    NetworkMemberRow,
    NetworkTemplateRow,
)


@dataclass(frozen=True)
class NetworkDetail:
    network: AdNetworkRow
    run: LinkRunRow
    members: list[dict[str, Any]]  # one per ad: crawled ad, document, city, day, title, url
    edges: list[NetworkEdgeRow]
    template: NetworkTemplateRow | None


def runs(session: Session, user: User, limit: int = 20) -> list[LinkRunRow]:
    """The organisation's runs, newest first (an admin sees every organisation's)."""
    query = select(LinkRunRow).order_by(LinkRunRow.id.desc()).limit(limit)
    if not user.is_admin:
        query = query.where(LinkRunRow.org_id == user.org_id)
    return list(session.scalars(query))


def get_run(session: Session, user: User, run_id: int | None = None) -> LinkRunRow | None:
    """A run the user may read (the newest of their organisation when no id is given)."""
    if run_id is None:
        found = session.scalar(
            select(LinkRunRow)
            .where(LinkRunRow.org_id == user.org_id)
            .order_by(LinkRunRow.id.desc())
            .limit(1)
        )
        return found
    run = session.get(LinkRunRow, run_id)
    if run is None:
        raise NotFound(f"no link run {run_id}")
    require_readable(
        session, user, owner_org_id=run.org_id, record_type="link_run", record_id=run.id
    )
    return run


def networks(
    session: Session, user: User, run: LinkRunRow, *, limit: int = 500
) -> list[AdNetworkRow]:
    """The run's networks by score, highest first (figures only: no ad, no identifier).

    Audited all the same: the list says which networks the organisation holds and who looked.
    """
    rows = list(
        session.scalars(
            select(AdNetworkRow)
            .where(AdNetworkRow.run_id == run.id)
            .order_by(AdNetworkRow.score.desc(), AdNetworkRow.ads.desc(), AdNetworkRow.id)
            .limit(limit)
        )
    )
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="network.list",
        record_type="link_run",
        record_id=run.id,
        detail={"networks": len(rows)},
    )
    return rows


def ignored(session: Session, run: LinkRunRow) -> list[IgnoredIdentifierRow]:
    return list(
        session.scalars(
            select(IgnoredIdentifierRow)
            .where(IgnoredIdentifierRow.run_id == run.id)
            .order_by(IgnoredIdentifierRow.ads.desc(), IgnoredIdentifierRow.id)
        )
    )


def network(session: Session, user: User, network_id: int, *, purpose: str) -> NetworkDetail:
    """A network with its ads, edges and template; audited, other organisations refused."""
    row = session.get(AdNetworkRow, network_id)
    if row is None:
        raise not_found(session, user, "network", network_id)
    require_readable(
        session, user, owner_org_id=row.org_id, record_type="network", record_id=row.id
    )
    run = session.get(LinkRunRow, row.run_id)
    assert run is not None  # the foreign key guarantees it
    query = (
        select(NetworkMemberRow, CrawledAdRow, DocumentRow)
        .join(CrawledAdRow, CrawledAdRow.id == NetworkMemberRow.ad_id)
        .outerjoin(DocumentRow, DocumentRow.id == NetworkMemberRow.document_id)
        .where(NetworkMemberRow.network_id == row.id)
        .order_by(NetworkMemberRow.posted, NetworkMemberRow.ad_id)
    )
    members = [
        {
            "ad_id": ad.id,
            "document_id": member.document_id,
            "url": ad.url,
            "site": ad.site,
            "title": document.title if document is not None else None,
            "city": member.city,
            "posted": member.posted,
            "third_person": member.third_person,
            "in_template": member.in_template,
            "first_seen": ad.first_seen,
            "last_seen": ad.last_seen,
            "disappeared_at": ad.disappeared_at,
        }
        for member, ad, document in session.execute(query)
    ]
    edges = list(
        session.scalars(
            select(NetworkEdgeRow)
            .where(NetworkEdgeRow.network_id == row.id)
            .order_by(NetworkEdgeRow.id)
        )
    )
    template = session.scalar(
        select(NetworkTemplateRow).where(NetworkTemplateRow.network_id == row.id)
    )
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="network.view",
        record_type="network",
        record_id=row.id,
        detail={"purpose": purpose, "ads": [m["ad_id"] for m in members]},
    )
    return NetworkDetail(row, run, members, edges, template)
