"""The demo's organisations, accounts and the authorised deployment for its ad site.

Idempotent: running the demo twice reuses what the first run created.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts import service
from zicht.domain import Deployment, DeploymentStatus, Politeness
from zicht.errors import NotFound
from zicht.privacy import deployments
from zicht.store.db import utcnow
from zicht.store.tables import DeploymentRow

DEMO_PASSWORD = "zicht-demo-2026"  # noqa: S105 - printed by `zicht demo`, demo accounts only


@dataclass(frozen=True, slots=True)
class DemoAccount:
    username: str
    organisation: str
    kind: str
    role: str


ACCOUNTS = (
    DemoAccount("ana", "Politie Amsterdam", "police", "analyst"),
    DemoAccount("rob", "Politie Rotterdam", "police", "analyst"),
    DemoAccount("piet", "Openbaar Ministerie", "prosecution", "prosecutor"),
    DemoAccount("cor", "Fier", "helpline", "counsellor"),
    DemoAccount("clara", "CoMensha", "registry", "clerk"),
    DemoAccount("ines", "Nederlandse Arbeidsinspectie", "inspectorate", "inspector"),
    DemoAccount("rita", "Nationaal Rapporteur", "research", "researcher"),
    DemoAccount("gert", "Gemeente Rotterdam", "municipality", "inspector"),
    DemoAccount("beheer", "CoMensha", "registry", "admin"),
)


def ensure_accounts(session: Session) -> list[DemoAccount]:
    for account in ACCOUNTS:
        try:
            service.get_org(session, account.organisation)
        except NotFound:
            service.add_org(session, account.organisation, account.kind, actor="demo")
        try:
            service.get_user(session, account.username)
        except NotFound:
            service.add_user(
                session,
                account.username,
                org=account.organisation,
                role=account.role,
                password=DEMO_PASSWORD,
                actor="demo",
            )
    return list(ACCOUNTS)


# Who registers the demo world's registrations of each organisation (`zicht.demo.registrations`).
REGISTRARS = {
    "politie": "ana",
    "arbeidsinspectie": "ines",
    "hulplijn": "cor",
    "gemeente-rotterdam": "gert",
    "comensha": "clara",
}
# The AVIM teams that receive signals and referrals, by police unit (RE05 Amsterdam).
AVIM_UNITS = {"Politie Amsterdam": "RE05", "Politie Rotterdam": "RE07"}


def ensure_avim_units(session: Session) -> None:
    """Declare the demo's police organisations as the AVIM teams of their units, once."""
    from zicht.route.units import declare_unit
    from zicht.store.tables import OrgUnitRow

    if session.scalar(select(OrgUnitRow.org_id).limit(1)) is not None:
        return
    admin = service.get_user(session, "beheer")
    for organisation, unit in AVIM_UNITS.items():
        declare_unit(session, admin, organisation, unit)


def ensure_site_deployment(session: Session, site_host: str) -> Deployment:
    """An authorised, valid deployment for the demo site: drafted by ana, authorised by piet."""
    analyst = service.get_user(session, "ana")
    now = utcnow()
    for row in session.scalars(select(DeploymentRow).where(DeploymentRow.org_id == analyst.org_id)):
        existing = deployments.to_domain(row)
        if site_host in existing.domains and existing.status_at(now) is DeploymentStatus.AUTHORISED:
            return existing
    draft = deployments.create(
        session,
        analyst,
        purpose="Demo: signals of human trafficking in the ads of the demo site",
        legal_basis="Wet politiegegevens art. 9: onderzoek naar mensenhandel (demo)",
        domains=[site_host],
        url_patterns=[],
        max_pages=20_000,
        valid_days=30,
        retention_days=90,
        raw_identifiers=False,
        # A recorded deviation: the demo site runs on this machine, so no delay is needed.
        politeness=Politeness(download_delay=0.0, autothrottle=False, concurrent_per_domain=4),
    )
    return deployments.authorise(session, service.get_user(session, "piet"), draft.id)
