"""Exporting a deployment's ads: one JSON object per stored ad version (the Contract).

Identifiers come out as stored: raw values where the deployment allowed them,
keyed pseudonyms ('key:digest') otherwise. Reading them is audited once per export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import require_readable
from zicht.domain import User
from zicht.privacy import audit
from zicht.privacy.deployments import get as get_deployment
from zicht.store.tables import AdVersionRow, CrawledAdRow, DocumentRow, IdentifierRow

CHUNK = 500
LISTS = {"phone": "phones", "email": "emails", "handle": "handles"}


def ad_versions(session: Session, actor: User, deployment_id: int) -> Iterator[dict[str, Any]]:
    deployment = get_deployment(session, actor, deployment_id)
    require_readable(
        session,
        actor,
        owner_org_id=deployment.org_id,
        record_type="deployment",
        record_id=deployment_id,
    )
    query = (
        select(AdVersionRow, CrawledAdRow, DocumentRow)
        .join(CrawledAdRow, CrawledAdRow.id == AdVersionRow.ad_id)
        .join(DocumentRow, DocumentRow.id == AdVersionRow.document_id)
        .where(CrawledAdRow.deployment_id == deployment_id)
        .order_by(AdVersionRow.ad_id, AdVersionRow.version)
    )
    rows: list[tuple[AdVersionRow, CrawledAdRow, DocumentRow]] = [
        (row[0], row[1], row[2]) for row in session.execute(query)
    ]
    count = 0
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        found: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for ident in session.scalars(
            select(IdentifierRow)
            .where(IdentifierRow.document_id.in_([d.id for _, _, d in chunk]))
            .order_by(IdentifierRow.id)
        ):
            value = ident.raw_value or f"{ident.key_id}:{ident.pseudonym}"
            found[ident.document_id][ident.kind].append(value)
        for version, ad, document in chunk:
            count += 1
            yield record(version, ad, document, found[document.id])
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action="export.ads",
        record_type="deployment",
        record_id=deployment_id,
        detail={"versions": count},
    )


def record(
    version: AdVersionRow,
    ad: CrawledAdRow,
    document: DocumentRow,
    identifiers: dict[str, list[str]],
) -> dict[str, Any]:
    fields = document.fields or {}
    return {
        "id": document.id,
        "ad_id": ad.id,
        "version": version.version,
        "change": version.change,
        "changed_fields": version.changed_fields,
        "url": ad.url,
        "site": ad.site,
        "title": document.title,
        "text": document.text,
        **{key: identifiers.get(kind, []) for kind, key in LISTS.items()},
        "advertiser": fields.get("advertiser"),
        "city": fields.get("city"),
        "age": fields.get("age"),
        "prices": fields.get("prices", []),
        "posted": fields.get("posted"),
        "images": fields.get("images", []),
        "content_hash": document.content_hash,
        "fetched_at": document.fetched_at.isoformat(),
        "first_seen": version.first_seen.isoformat(),
        "last_seen": version.last_seen.isoformat(),
        "disappeared_at": ad.disappeared_at.isoformat() if ad.disappeared_at else None,
        "retain_until": document.retain_until.isoformat(),
    }
