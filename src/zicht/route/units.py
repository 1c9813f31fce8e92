"""Which organisation is the AVIM team of which police unit: declared once by an admin."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts.service import get_org, org_to_domain
from zicht.domain import Organisation, OrgKind, User
from zicht.errors import Conflict, Forbidden, InvalidInput, NotFound
from zicht.privacy import audit
from zicht.route.regions import resolve, units
from zicht.store.db import utcnow
from zicht.store.tables import OrganisationRow, OrgUnitRow


def declare_unit(session: Session, actor: User, org_name: str, unit_code: str) -> None:
    """Make a police organisation the AVIM team that receives the unit's referrals."""
    if not actor.is_admin:
        raise Forbidden("only an admin declares which police unit an organisation is")
    code = unit_code.strip().upper()
    known = units()
    if code not in known:
        raise InvalidInput(f"unknown police unit {unit_code!r} (known: {', '.join(sorted(known))})")
    org = get_org(session, org_name)
    if org.kind is not OrgKind.POLICE:
        raise InvalidInput(f"{org.name!r} is a {org.kind.value} organisation, not the police")
    holder = session.scalar(select(OrgUnitRow).where(OrgUnitRow.unit_code == code))
    if holder is not None and holder.org_id != org.id:
        other = session.get(OrganisationRow, holder.org_id)
        raise Conflict(
            f"unit {code} ({known[code]}) is already served by {other.name!r}"
            if other
            else f"unit {code} is already served"
        )
    row = session.get(OrgUnitRow, org.id)
    if row is None:
        session.add(
            OrgUnitRow(
                org_id=org.id, unit_code=code, declared_by=actor.username, declared_at=utcnow()
            )
        )
    else:
        row.unit_code, row.declared_by, row.declared_at = code, actor.username, utcnow()
    session.flush()
    audit.record(
        session,
        actor=actor.username,
        org_id=actor.org_id,
        action="org.unit",
        record_type="organisation",
        record_id=org.id,
        detail={"unit": code},
    )


def team_for_unit(session: Session, unit_code: str) -> Organisation:
    row = session.scalar(select(OrgUnitRow).where(OrgUnitRow.unit_code == unit_code))
    if row is None:
        name = units().get(unit_code, unit_code)
        raise NotFound(
            f"no organisation is declared as the AVIM team of unit {unit_code} "
            f"({name}); an admin declares one with `zicht registry unit`"
        )
    org = session.get(OrganisationRow, row.org_id)
    assert org is not None
    return org_to_domain(org)


def team_for_municipality(session: Session, municipality: str) -> Organisation:
    """The AVIM team of the police unit covering the municipality (clear errors otherwise)."""
    return team_for_unit(session, resolve(municipality).unit_code)
