"""API schemas, split Create / Public as in the FastAPI template; no table leaks out."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from zicht.domain import Deployment, Politeness, User
from zicht.privacy import deployments


class ErrorPublic(BaseModel):
    error: str = Field(description="a stable code: invalid, not_found, forbidden, csrf, ...")
    message: str = Field(description="what is wrong, for a person to read")


class UserPublic(BaseModel):
    id: int
    username: str
    org_id: int
    org_kind: str
    role: str
    csrf_token: str = Field(description="send as X-CSRF-Token with every state change")


class PolitenessSchema(BaseModel):
    """How gently the crawl behaves; anything but these defaults is shown as a deviation."""

    model_config = ConfigDict(extra="forbid")

    obey_robots: bool = True
    concurrent_per_domain: int = 1
    download_delay: float = 1.0
    autothrottle: bool = True


class DeploymentCreate(BaseModel):
    """A draft; the ranges are checked by the service, so the CLI and the API agree."""

    model_config = ConfigDict(extra="forbid")

    purpose: str
    legal_basis: str = Field(description="the legal basis in words")
    legal_basis_code: str | None = Field(
        None, description="e.g. sv-126j; found in the text if null"
    )
    domains: list[str] = Field(description="HOST[:PORT] that may be fetched")
    url_patterns: list[str] = Field(default_factory=list, description="regexes a URL must match")
    max_pages: int = 10_000
    max_depth: int = 10
    valid_days: int = 30
    retention_days: int = 180
    raw_identifiers: bool = False
    politeness: PolitenessSchema = Field(default_factory=PolitenessSchema)
    submit_to: str | None = Field(None, description="prosecution service; needed if several")


class RevokeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field("", max_length=1000)


class DeploymentPublic(BaseModel):
    id: int
    org_id: int
    created_by: str
    purpose: str
    legal_basis_code: str
    legal_basis_text: str
    submitted_to_org_id: int
    status: str = Field(description="draft, authorised, expired or revoked (expiry by time)")
    domains: list[str]
    url_patterns: list[str]
    max_pages: int
    max_depth: int
    valid_days: int
    retention_days: int
    raw_identifiers: bool
    politeness: PolitenessSchema
    deviations: list[str] = Field(description="deviations from polite crawling, in words")
    created_at: datetime
    authorised_by: str | None
    authorised_at: datetime | None
    valid_until: datetime | None
    revoked_by: str | None
    revoked_at: datetime | None
    actions: list[str] = Field(description="what the caller may do now: authorise, revoke")

    @classmethod
    def of(cls, d: Deployment, viewer: User, now: datetime) -> DeploymentPublic:
        actions = [
            name
            for name, allowed in (
                ("authorise", deployments.may_authorise(viewer, d)),
                ("revoke", deployments.may_revoke(viewer, d)),
            )
            if allowed
        ]
        return cls(
            id=d.id,
            org_id=d.org_id,
            created_by=d.created_by,
            purpose=d.purpose,
            legal_basis_code=d.legal_basis_code,
            legal_basis_text=d.legal_basis_text,
            submitted_to_org_id=d.submitted_to_org_id,
            status=d.status_at(now).value,
            domains=list(d.domains),
            url_patterns=list(d.url_patterns),
            max_pages=d.max_pages,
            max_depth=d.max_depth,
            valid_days=d.valid_days,
            retention_days=d.retention_days,
            raw_identifiers=d.raw_identifiers,
            politeness=PolitenessSchema(
                obey_robots=d.politeness.obey_robots,
                concurrent_per_domain=d.politeness.concurrent_per_domain,
                download_delay=d.politeness.download_delay,
                autothrottle=d.politeness.autothrottle,
            ),
            deviations=d.politeness.deviations(),
            created_at=d.created_at,
            authorised_by=d.authorised_by,
            authorised_at=d.authorised_at,
            valid_until=d.valid_until,
            revoked_by=d.revoked_by,
            revoked_at=d.revoked_at,
            actions=actions,
        )


def politeness_of(schema: PolitenessSchema) -> Politeness:
    return Politeness(**schema.model_dump())
