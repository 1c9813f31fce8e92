"""Small builders for tests: organisations and users in one call."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from zicht.accounts import service
from zicht.domain import Deployment, User

PASSWORD = "correct horse battery"


def user(session: Session, username: str, org: str, kind: str, role: str) -> User:
    """The user, creating their organisation when it does not exist yet."""
    from zicht.errors import NotFound

    try:
        service.get_org(session, org)
    except NotFound:
        service.add_org(session, org, kind)
    return service.add_user(session, username, org=org, role=role, password=PASSWORD)


@dataclass
class Chain:
    """A police unit, a second police unit, a prosecution service and a helpline."""

    analyst: User
    analyst2: User
    other_police: User
    prosecutor: User
    prosecutor2: User
    counsellor: User
    admin: User


def chain(session: Session) -> Chain:
    return Chain(
        analyst=user(session, "ana", "Politie Amsterdam", "police", "analyst"),
        analyst2=user(session, "bert", "Politie Amsterdam", "police", "analyst"),
        other_police=user(session, "olga", "Politie Rotterdam", "police", "analyst"),
        prosecutor=user(session, "piet", "OM", "prosecution", "prosecutor"),
        prosecutor2=user(session, "pam", "OM", "prosecution", "prosecutor"),
        counsellor=user(session, "cor", "Fier", "helpline", "counsellor"),
        admin=user(session, "adm", "Beheer", "registry", "admin"),
    )


def crawl_run(session: Session, deployment: Deployment, *, status: str = "running") -> int:
    """A crawl run of the deployment, started by ana, to store crawled ads under; its id."""
    from zicht.store.db import utcnow
    from zicht.store.tables import CrawlRunRow

    run = CrawlRunRow(
        deployment_id=deployment.id,
        org_id=deployment.org_id,
        started_by="ana",
        mode="crawl",
        frontier="local",
        status=status,
        started_at=utcnow(),
        counts={},
    )
    session.add(run)
    session.flush()
    return run.id
