"""The linker's input from the store: the latest version of every ad an organisation crawled.

Identifiers become keyed pseudonyms before linking, whatever the deployment allowed: the
crawler's own pseudonyms are used as stored, and anything the linker finds in the text is
pseudonymised with the active key. Two ads then share a key exactly when they share a
number, and the networks can be stored without raw values. Raw values are remembered
(beside the keys, never in them) only for deployments whose authorisation allows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import not_found
from zicht.domain import User
from zicht.errors import InvalidInput
from zicht.link.ads import Ad
from zicht.link.identifiers import extract_ad
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.store.tables import (
    AdVersionRow,
    CrawledAdRow,
    DeploymentRow,
    DocumentRow,
    IdentifierRow,
)

CHUNK = 500
PSEUDONYM_KINDS = ("phone", "email", "handle", "url")  # images stay hashes: they are compared


@dataclass
class StoreInput:
    """Ads in linker form, and for ad i the crawled ad, document and dates it came from."""

    org_id: int
    deployment_ids: list[int]
    raw_identifiers: bool  # every deployment of the run allows raw identifiers
    ads: list[Ad] = field(default_factory=list)
    ad_ids: list[int] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)
    seen: list[tuple[datetime, datetime]] = field(default_factory=list)
    raw: dict[str, str] = field(default_factory=dict)  # key -> raw value, where allowed


def deployments_of(
    session: Session, actor: User, deployment_ids: Sequence[int] | None
) -> list[DeploymentRow]:
    """The actor's organisation's deployments (all, or those named); another's is 'not found'."""
    query = select(DeploymentRow).where(DeploymentRow.org_id == actor.org_id)
    rows = list(session.scalars(query.order_by(DeploymentRow.id)))
    if not deployment_ids:
        return rows
    mine = {row.id: row for row in rows}
    for wanted in deployment_ids:
        if wanted not in mine:
            raise not_found(
                session,
                actor,
                "deployment",
                wanted,
                f"no deployment {wanted} of organisation {actor.org_id} to link",
            )
    return [mine[i] for i in dict.fromkeys(deployment_ids)]


def _posted(fields: dict[str, object], seen: datetime) -> str:
    value = fields.get("posted")
    if isinstance(value, str) and value:
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value
        except ValueError:
            pass
    return seen.isoformat()


def load(
    session: Session, actor: User, deployments: Sequence[DeploymentRow], region: str = "NL"
) -> StoreInput:
    """Every crawled ad of `deployments` at its latest stored version, identifiers keyed."""
    if not deployments:
        raise InvalidInput(f"organisation {actor.org_id} has no deployments whose ads to link")
    raw_allowed = {d.id for d in deployments if d.raw_identifiers}
    data = StoreInput(
        org_id=actor.org_id,
        deployment_ids=[d.id for d in deployments],
        raw_identifiers=len(raw_allowed) == len(deployments),
    )
    latest = (
        select(AdVersionRow.ad_id, func.max(AdVersionRow.version).label("version"))
        .where(AdVersionRow.document_id.is_not(None))
        .group_by(AdVersionRow.ad_id)
        .subquery()
    )
    query = (
        select(CrawledAdRow, DocumentRow)
        .join(latest, latest.c.ad_id == CrawledAdRow.id)
        .join(
            AdVersionRow,
            (AdVersionRow.ad_id == CrawledAdRow.id) & (AdVersionRow.version == latest.c.version),
        )
        .join(DocumentRow, DocumentRow.id == AdVersionRow.document_id)
        .where(CrawledAdRow.deployment_id.in_(data.deployment_ids))
        .order_by(CrawledAdRow.id)
    )
    rows = [(r[0], r[1]) for r in session.execute(query)]
    pseudonymiser = Pseudonymiser.from_settings()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        stored: dict[int, list[str]] = {}
        for ident in session.scalars(
            select(IdentifierRow)
            .where(IdentifierRow.document_id.in_([d.id for _, d in chunk]))
            .order_by(IdentifierRow.id)
        ):
            if ident.kind not in PSEUDONYM_KINDS:
                continue
            key = f"{ident.kind}:{ident.key_id}:{ident.pseudonym}"
            stored.setdefault(ident.document_id, []).append(key)
            if ident.raw_value:  # only a deployment that allows raw values stored one
                data.raw.setdefault(key, ident.raw_value)
        visits = _visits(session, [crawled.id for crawled, _ in chunk])
        for crawled, document in chunk:
            keep_raw = crawled.deployment_id in raw_allowed
            fields = document.fields or {}
            images = [h for h in fields.get("images") or [] if isinstance(h, str)]
            ad = Ad(
                id=str(crawled.id),
                text=document.text or "",
                title=document.title or "",
                images=tuple(images),
                city=str(fields.get("city") or ""),
                posted_at=_posted(fields, crawled.first_seen),
                visits=tuple(visits.get(crawled.id, ())),
            )
            keys = list(stored.get(document.id, []))
            for found in extract_ad(ad, region):
                pseudonym = pseudonymiser.pseudonymise(found.kind, found.value)
                key = f"{found.kind}:{pseudonym}"
                keys.append(key)
                if keep_raw:
                    data.raw.setdefault(key, found.value)
            data.ads.append(_with_keys(ad, keys))
            data.ad_ids.append(crawled.id)
            data.document_ids.append(document.id)
            data.seen.append((crawled.first_seen, crawled.last_seen))
    return data


def _visits(session: Session, ad_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """(day first seen, city) of every stored version of the ads: the recrawl history."""
    found: dict[int, list[tuple[str, str]]] = {}
    query = (
        select(AdVersionRow.ad_id, AdVersionRow.first_seen, DocumentRow.fields)
        .join(DocumentRow, DocumentRow.id == AdVersionRow.document_id)
        .where(AdVersionRow.ad_id.in_(ad_ids))
        .order_by(AdVersionRow.ad_id, AdVersionRow.version)
    )
    for ad_id, seen, fields in session.execute(query):
        city = (fields or {}).get("city")
        if isinstance(city, str) and city:
            found.setdefault(ad_id, []).append((seen.date().isoformat(), city))
    return found


def _with_keys(ad: Ad, keys: list[str]) -> Ad:
    return replace(ad, keys=tuple(dict.fromkeys(keys)))
