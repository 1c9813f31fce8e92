"""Deployments: the legal frame of every collection, under the four-eyes rule.

A police (or inspectorate) analyst drafts a deployment and submits it to a
prosecution-service organisation; only a prosecutor of that organisation may
authorise it, never the author. Validity starts at authorisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import not_found
from zicht.domain import Deployment, DeploymentStatus, OrgKind, Politeness, Role, User
from zicht.domain.deployment import AD_FIELDS, Minimisation
from zicht.errors import Conflict, Forbidden, InvalidInput, Unlawful, ZichtError
from zicht.privacy import audit
from zicht.privacy.legal_basis import resolve_code
from zicht.store.db import utcnow
from zicht.store.tables import DeploymentRow, OrganisationRow

HOST = re.compile(
    r"^(?=.{1,253}(:\d{1,5})?$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$"
)
DRAFTING_ROLES = {Role.ANALYST}
DRAFTING_KINDS = {OrgKind.POLICE, OrgKind.INSPECTORATE}


def to_domain(row: DeploymentRow) -> Deployment:
    return Deployment(
        id=row.id,
        org_id=row.org_id,
        created_by=row.created_by,
        purpose=row.purpose,
        legal_basis_code=row.legal_basis_code,
        legal_basis_text=row.legal_basis_text,
        submitted_to_org_id=row.submitted_to_org_id,
        status=DeploymentStatus(row.status),
        domains=tuple(row.domains),
        url_patterns=tuple(row.url_patterns),
        max_pages=row.max_pages,
        max_depth=row.max_depth,
        valid_days=row.valid_days,
        retention_days=row.retention_days,
        raw_identifiers=row.raw_identifiers,
        created_at=row.created_at,
        politeness=Politeness(**row.politeness),
        minimisation=Minimisation(tuple(row.minimisation)),
        authorised_by=row.authorised_by,
        authorised_at=row.authorised_at,
        valid_until=row.valid_until,
        revoked_by=row.revoked_by,
        revoked_at=row.revoked_at,
    )


def _check_scope(domains: list[str], url_patterns: list[str]) -> list[str]:
    if not domains:
        raise InvalidInput("a deployment needs at least one --domain")
    clean = []
    for domain in domains:
        host = domain.strip().lower()
        if not HOST.match(host):
            raise InvalidInput(f"domain {domain!r} is not a host name with an optional :port")
        clean.append(host)
    for pattern in url_patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise InvalidInput(f"URL pattern {pattern!r} is not a valid regex: {exc}") from None
    return clean


def minimisation_of(keep: Sequence[str] | None) -> Minimisation:
    """The fields to keep, checked and in canonical order; None is the strict default."""
    if keep is None:
        return Minimisation()
    names = [n.strip().lower() for item in keep for n in item.split(",") if n.strip()]
    unknown = sorted(set(names) - set(AD_FIELDS))
    if unknown:
        raise InvalidInput(
            f"unknown ad field(s) to keep: {', '.join(unknown)} (known: {', '.join(AD_FIELDS)})"
        )
    if not names:
        raise InvalidInput("a deployment keeps at least one ad field")
    return Minimisation(tuple(f for f in AD_FIELDS if f in names))


def _prosecution_org(session: Session, name: str | None) -> OrganisationRow:
    query = select(OrganisationRow).where(OrganisationRow.kind == OrgKind.PROSECUTION.value)
    if name is not None:
        row = session.scalar(query.where(OrganisationRow.name == name))
        if row is None:
            raise InvalidInput(f"{name!r} is not a prosecution-service organisation")
        return row
    rows = session.scalars(query).all()
    if len(rows) != 1:
        names = ", ".join(r.name for r in rows) or "none exists"
        raise InvalidInput(f"name the prosecution service to submit to (--submit-to): {names}")
    return rows[0]


def create(
    session: Session,
    actor: User,
    *,
    purpose: str,
    legal_basis: str,
    domains: list[str],
    url_patterns: list[str] | None = None,
    legal_basis_code: str | None = None,
    max_pages: int = 10_000,
    max_depth: int = 10,
    valid_days: int = 30,
    retention_days: int = 180,
    raw_identifiers: bool = False,
    politeness: Politeness | None = None,
    submit_to: str | None = None,
    keep: Sequence[str] | None = None,
) -> Deployment:
    """A draft, submitted for authorisation; `keep` names the ad fields a crawl may store."""
    if not may_draft(actor):
        raise Forbidden(
            f"{actor.username} ({actor.role.value}) cannot draft deployments: "
            "only an analyst of a police or inspectorate organisation can"
        )
    if not purpose.strip():
        raise InvalidInput("a deployment needs a purpose")
    if not legal_basis.strip():
        raise InvalidInput("a deployment needs a legal basis")
    for name, value, upper in (
        ("max pages", max_pages, 10_000_000),
        ("max depth", max_depth, 100),
        ("valid days", valid_days, 366),
        ("retention days", retention_days, 3653),
    ):
        if not 1 <= value <= upper:
            raise InvalidInput(f"{name} must be between 1 and {upper}, not {value}")
    patterns = list(url_patterns or [])
    hosts = _check_scope(domains, patterns)
    polite = politeness or Politeness()
    if polite.concurrent_per_domain < 1 or polite.download_delay < 0:
        raise InvalidInput("concurrency must be at least 1 and the delay not negative")
    minimisation = minimisation_of(keep)
    prosecution = _prosecution_org(session, submit_to)
    row = DeploymentRow(
        org_id=actor.org_id,
        created_by=actor.username,
        purpose=purpose.strip(),
        legal_basis_code=resolve_code(legal_basis, legal_basis_code),
        legal_basis_text=legal_basis.strip(),
        submitted_to_org_id=prosecution.id,
        status=DeploymentStatus.DRAFT.value,
        domains=hosts,
        url_patterns=patterns,
        max_pages=max_pages,
        max_depth=max_depth,
        valid_days=valid_days,
        retention_days=retention_days,
        raw_identifiers=raw_identifiers,
        politeness=asdict(polite),
        minimisation=list(minimisation.keep),
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action="deployment.create",
        record_type="deployment",
        record_id=row.id,
        detail={
            "submitted_to": prosecution.name,
            "deviations": polite.deviations(),
            "keeps": list(minimisation.keep),
        },
    )
    return to_domain(row)


def _visible_row(session: Session, actor: User, deployment_id: int) -> DeploymentRow:
    """The row if the actor's organisation owns it or reviews it; otherwise a refusal."""
    row = session.get(DeploymentRow, deployment_id)
    if row is None or not (actor.is_admin or actor.org_id in (row.org_id, row.submitted_to_org_id)):
        raise not_found(session, actor, "deployment", deployment_id)
    return row


def get(session: Session, actor: User, deployment_id: int) -> Deployment:
    return to_domain(_visible_row(session, actor, deployment_id))


def list_visible(session: Session, actor: User) -> list[Deployment]:
    query = select(DeploymentRow).order_by(DeploymentRow.id.desc())
    if not actor.is_admin:
        query = query.where(
            or_(
                DeploymentRow.org_id == actor.org_id,
                DeploymentRow.submitted_to_org_id == actor.org_id,
            )
        )
    return [to_domain(row) for row in session.scalars(query)]


def authorise(session: Session, actor: User, deployment_id: int) -> Deployment:
    row = _visible_row(session, actor, deployment_id)
    refusal = _authorise_refusal(actor, to_domain(row))
    if refusal is not None:
        raise refusal
    now = utcnow()
    row.status = DeploymentStatus.AUTHORISED.value
    row.authorised_by = actor.username
    row.authorised_at = now
    row.valid_until = now + timedelta(days=row.valid_days)
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action="deployment.authorise",
        record_type="deployment",
        record_id=row.id,
        detail={"valid_until": row.valid_until.isoformat()},
    )
    return to_domain(row)


def revoke(session: Session, actor: User, deployment_id: int, reason: str = "") -> Deployment:
    row = _visible_row(session, actor, deployment_id)
    refusal = _revoke_refusal(actor, to_domain(row))
    if refusal is not None:
        raise refusal
    row.status = DeploymentStatus.REVOKED.value
    row.revoked_by = actor.username
    row.revoked_at = utcnow()
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action="deployment.revoke",
        record_type="deployment",
        record_id=row.id,
        detail={"reason": reason},
    )
    return to_domain(row)


def require_active(
    session: Session, actor: User, deployment_id: int, now: datetime | None = None
) -> Deployment:
    """The deployment if `actor` may collect under it now; a clear, audited refusal otherwise."""
    row = _visible_row(session, actor, deployment_id)
    deployment = to_domain(row)
    status = deployment.status_at(now or utcnow())
    reason = None
    if actor.org_id != deployment.org_id:
        reason = f"{actor.username} is not of the organisation that holds deployment {row.id}"
    elif status is not DeploymentStatus.AUTHORISED:
        reason = (
            f"deployment {row.id} is {status.value}; "
            "only an authorised deployment allows collection"
        )
    if reason:
        raise audit.refuse(
            session,
            Unlawful(
                reason,
                audit={
                    "actor": actor.username,
                    "org_id": actor.org_id,
                    "action": "collection.refused",
                    "record_type": "deployment",
                    "record_id": row.id,
                    "detail": {"reason": reason},
                },
            ),
        )
    return deployment


def may_draft(actor: User) -> bool:
    """Whether `create` would let the actor draft (so a page offers the form only then)."""
    return actor.role in DRAFTING_ROLES and actor.org_kind in DRAFTING_KINDS


def _reviews(actor: User, submitted_to_org_id: int) -> bool:
    """A prosecutor of the prosecution service the deployment was submitted to."""
    return actor.role is Role.PROSECUTOR and actor.org_id == submitted_to_org_id


def _holds(actor: User, org_id: int) -> bool:
    """An analyst or admin of the organisation that holds the deployment."""
    return actor.org_id == org_id and actor.role in (Role.ANALYST, Role.ADMIN)


def _authorise_refusal(actor: User, deployment: Deployment) -> ZichtError | None:
    """Why `authorise` refuses the actor now (four-eyes and state), or None."""
    if not _reviews(actor, deployment.submitted_to_org_id):
        return Forbidden(
            f"{actor.username} cannot authorise deployment {deployment.id}: only a prosecutor "
            "of the prosecution service it was submitted to can"
        )
    if actor.username == deployment.created_by:
        return Forbidden("nobody can authorise their own draft (four-eyes rule)")
    if deployment.status is not DeploymentStatus.DRAFT:
        return Conflict(f"deployment {deployment.id} is {deployment.status.value}, not a draft")
    return None


def _revoke_refusal(actor: User, deployment: Deployment) -> ZichtError | None:
    """Why `revoke` refuses the actor now, or None."""
    if not (_reviews(actor, deployment.submitted_to_org_id) or _holds(actor, deployment.org_id)):
        return Forbidden(f"{actor.username} cannot revoke deployment {deployment.id}")
    if deployment.status is DeploymentStatus.REVOKED:
        return Conflict(f"deployment {deployment.id} is revoked already")
    return None


def may_authorise(actor: User, deployment: Deployment) -> bool:
    """Whether `authorise` would accept the actor now: the rule behind a button."""
    return _authorise_refusal(actor, deployment) is None


def may_revoke(actor: User, deployment: Deployment) -> bool:
    """Whether `revoke` would accept the actor now: the rule behind a button."""
    return _revoke_refusal(actor, deployment) is None
