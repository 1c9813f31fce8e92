"""Partner API tokens: one organisation's systems submit and read its own registrations.

A token is shown once, when it is issued; the database keeps only its SHA-256
(the token is 256 random bits, so a plain hash cannot be reversed) and its first
characters, so a list can show which token is which. A token acts for its
organisation as a clerk would, never as an admin: it sees that organisation's
data and nothing else. Issuing, revoking and every refused use are audited.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts.service import get_org
from zicht.domain import OrgKind, Role, User
from zicht.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthenticated
from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import OrganisationRow, PartnerTokenRow

PREFIX = "zpt_"
# Organisations whose people register possible victims; a prosecution service or a
# research institute has nothing to submit.
SUBMITTING = frozenset(
    {
        OrgKind.POLICE,
        OrgKind.HELPLINE,
        OrgKind.REGISTRY,
        OrgKind.INSPECTORATE,
        OrgKind.MUNICIPALITY,
    }
)
RECORD = "partner_token"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    org: str
    name: str
    prefix: str
    created_by: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _require_admin(user: User) -> None:
    if not user.is_admin:
        raise Forbidden("only an admin issues, lists or revokes partner API tokens")


def _info(row: PartnerTokenRow, org: str) -> TokenInfo:
    return TokenInfo(
        row.id,
        org,
        row.name,
        row.prefix,
        row.created_by,
        row.created_at,
        row.last_used_at,
        row.revoked_at,
    )


def create(session: Session, actor: User, org_name: str, name: str) -> tuple[str, TokenInfo]:
    """Issue a token for the organisation: (the secret, to show once; its record)."""
    org = get_org(session, org_name)
    _require_admin(actor)
    name = name.strip()
    if not name or len(name) > 100:
        raise InvalidInput("a token needs a name of 1-100 characters (which system uses it)")
    if org.kind not in SUBMITTING:
        raise InvalidInput(f"{org.name!r} is a {org.kind.value} organisation: it registers nothing")
    taken = session.scalar(
        select(PartnerTokenRow.id).where(
            PartnerTokenRow.org_id == org.id, PartnerTokenRow.name == name
        )
    )
    if taken is not None:
        raise Conflict(f"{org.name!r} already has a token named {name!r}")
    token = PREFIX + secrets.token_urlsafe(32)
    row = PartnerTokenRow(
        org_id=org.id,
        name=name,
        token_hash=digest(token),
        prefix=token[:10],
        created_by=actor.username,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action="token.create",
        record_type=RECORD,
        record_id=row.id,
        detail={"org": org.name, "name": name},
    )
    return token, _info(row, org.name)


def list_tokens(session: Session, actor: User, org_name: str | None = None) -> list[TokenInfo]:
    _require_admin(actor)
    query = (
        select(PartnerTokenRow, OrganisationRow.name)
        .join(OrganisationRow, OrganisationRow.id == PartnerTokenRow.org_id)
        .order_by(PartnerTokenRow.id)
    )
    if org_name is not None:
        query = query.where(PartnerTokenRow.org_id == get_org(session, org_name).id)
    return [_info(row, org) for row, org in session.execute(query)]


def revoke(session: Session, actor: User, token_id: int) -> TokenInfo:
    row = session.get(PartnerTokenRow, token_id)
    if row is None:
        raise NotFound(f"no partner token {token_id}")
    _require_admin(actor)
    if row.revoked_at is not None:
        raise Conflict(f"partner token {token_id} ({row.name!r}) is already revoked")
    row.revoked_at, row.revoked_by = utcnow(), actor.username
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action="token.revoke",
        record_type=RECORD,
        record_id=row.id,
        detail={"name": row.name},
    )
    org = session.get(OrganisationRow, row.org_id)
    return _info(row, org.name if org else "")


def authenticate(session: Session, token: str, *, now: datetime | None = None) -> User:
    """The organisation's acting identity for a valid token; its last use is recorded.

    The identity is a clerk of that organisation named after the token, so the
    registry's own rules (consent, scoping, audit) apply to it unchanged.
    """
    row = session.scalar(select(PartnerTokenRow).where(PartnerTokenRow.token_hash == digest(token)))
    if row is None or row.revoked_at is not None:
        raise Unauthenticated("unknown or revoked partner API token")
    org = session.get(OrganisationRow, row.org_id)
    if org is None:
        raise Unauthenticated("the token's organisation no longer exists")
    row.last_used_at = now or utcnow()
    return User(
        id=0,
        username=f"token:{row.name}@{org.name}"[:100],
        org_id=org.id,
        org_kind=OrgKind(org.kind),
        role=Role.CLERK,
    )
