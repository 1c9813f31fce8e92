"""`/api/deployments`: the same service calls as the pages and the CLI."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import Field

from zicht.domain import Deployment, User
from zicht.domain.deployment import AD_FIELDS, DEFAULT_AD_FIELDS
from zicht.privacy import deployments
from zicht.store import utcnow
from zicht.web.auth import CurrentUser, DbSession
from zicht.web.schemas import (
    DeploymentCreate,
    DeploymentPublic,
    ErrorPublic,
    RevokeRequest,
    politeness_of,
)


class DeploymentDraft(DeploymentCreate):
    keep: list[str] | None = Field(
        None,
        description=f"ad fields a crawl keeps, of {', '.join(AD_FIELDS)}; "
        f"null is the strict default ({', '.join(DEFAULT_AD_FIELDS)})",
    )


class DeploymentView(DeploymentPublic):
    minimisation: list[str] = Field(description="the ad fields a crawl keeps; others never stored")

    @classmethod
    def of(cls, d: Deployment, viewer: User, now: datetime) -> DeploymentView:
        base = DeploymentPublic.of(d, viewer, now).model_dump()
        return cls(**base, minimisation=list(d.minimisation.keep))


router = APIRouter(
    prefix="/deployments",
    tags=["deployments"],
    responses={
        400: {"model": ErrorPublic, "description": "invalid input"},
        404: {"model": ErrorPublic, "description": "no such deployment visible to the caller"},
        409: {"model": ErrorPublic, "description": "the deployment is in the wrong state"},
    },
)


@router.get("")
def list_deployments(db: DbSession, user: CurrentUser) -> list[DeploymentView]:
    """The deployments the caller's organisation holds or reviews."""
    now = utcnow()
    return [DeploymentView.of(d, user, now) for d in deployments.list_visible(db, user)]


@router.post("", status_code=201)
def create_deployment(db: DbSession, user: CurrentUser, body: DeploymentDraft) -> DeploymentView:
    """Draft a deployment and submit it to a prosecution service for authorisation."""
    d = deployments.create(
        db,
        user,
        purpose=body.purpose,
        legal_basis=body.legal_basis,
        legal_basis_code=body.legal_basis_code,
        domains=body.domains,
        url_patterns=body.url_patterns,
        max_pages=body.max_pages,
        max_depth=body.max_depth,
        valid_days=body.valid_days,
        retention_days=body.retention_days,
        raw_identifiers=body.raw_identifiers,
        politeness=politeness_of(body.politeness),
        submit_to=body.submit_to,
        keep=body.keep,
    )
    return DeploymentView.of(d, user, utcnow())


@router.get("/{deployment_id}")
def get_deployment(db: DbSession, user: CurrentUser, deployment_id: int) -> DeploymentView:
    return DeploymentView.of(deployments.get(db, user, deployment_id), user, utcnow())


@router.post("/{deployment_id}/authorise")
def authorise_deployment(db: DbSession, user: CurrentUser, deployment_id: int) -> DeploymentView:
    """Authorise a draft: a prosecutor of the service it was submitted to, not its author."""
    return DeploymentView.of(deployments.authorise(db, user, deployment_id), user, utcnow())


@router.post("/{deployment_id}/revoke")
def revoke_deployment(
    db: DbSession, user: CurrentUser, deployment_id: int, body: RevokeRequest | None = None
) -> DeploymentView:
    reason = body.reason if body else ""
    return DeploymentView.of(deployments.revoke(db, user, deployment_id, reason), user, utcnow())
