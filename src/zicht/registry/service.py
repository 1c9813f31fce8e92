"""Registrations: create, import, read and list, with consent enforced on every read.

Functions take the acting user and a session (one transaction) and are what the
CLI, the web form and the partner API call. Every read of a registration leaves
an audit entry; a refused read looks like 'not found' and is audited too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts.scoping import not_found, routed_to
from zicht.domain import ReferralStatus, Role, User
from zicht.errors import Conflict, Forbidden
from zicht.link.persons.records import PersonRecord
from zicht.privacy import audit
from zicht.registry.consent import Audience, Consent, view
from zicht.registry.keys import KeyMaker
from zicht.registry.parse import RegistrationInput
from zicht.route.regions import resolve
from zicht.store.db import utcnow
from zicht.store.tables import OrganisationRow, ReferralRow, RegistrationRow

RECORD = "registration"
RETENTION_DAYS = 5 * 365  # a default; the caller (import) may give its own
# Who registers: everyone who meets victims; prosecutors and researchers do not.
REGISTERING = frozenset({Role.CLERK, Role.ANALYST, Role.COUNSELLOR, Role.INSPECTOR, Role.ADMIN})
COUNTED_FIELDS = ("id", "org", "consent", "year", "person")


def _require_registering(user: User) -> None:
    if user.role not in REGISTERING:
        raise Forbidden(f"a {user.role.value} cannot register possible victims")


def _record(item: RegistrationInput, org: str) -> PersonRecord:
    return PersonRecord(
        org,
        item.ref,
        item.given_name,
        item.family_name,
        item.birth_date or "",
        item.sex,
        item.citizenship,
        item.municipality.name,
        item.form,
        str(item.details.get("age_group", "")),
    )


def import_registrations(
    session: Session,
    user: User,
    items: Sequence[RegistrationInput],
    *,
    retention_days: int = RETENTION_DAYS,
    now: datetime | None = None,
    keys: KeyMaker | None = None,
) -> list[int]:
    """Store the registrations for the user's organisation, all or none; their ids."""
    _require_registering(user)
    now = now or utcnow()
    refs = [i.ref for i in items]
    taken: set[str] = set()
    for start in range(0, len(refs), 500):
        taken.update(
            session.scalars(
                select(RegistrationRow.ref).where(
                    RegistrationRow.org_id == user.org_id,
                    RegistrationRow.ref.in_(refs[start : start + 500]),
                )
            )
        )
    if taken:
        clash = [f"line {i.line}: {i.ref!r}" for i in items if i.ref in taken][:20]
        raise Conflict(
            f"your organisation already registered ref(s) {', '.join(clash)}; nothing was imported"
        )
    maker = keys or KeyMaker()
    rows = []
    for item in items:
        clk, blocks = maker.make(_record(item, str(user.org_id)))
        details = dict(item.details)
        details["municipality"] = item.municipality.name
        rows.append(
            RegistrationRow(
                org_id=user.org_id,
                ref=item.ref,
                given_name=item.given_name,
                family_name=item.family_name,
                birth_date=item.birth_date,
                sex=item.sex,
                citizenship=item.citizenship,
                municipality_code=item.municipality.code,
                form=item.form,
                year=item.year,
                consent=item.consent.value,
                details=details,
                contact=item.contact,
                linkage_key=clk,
                blocks=blocks,
                person_id=None,
                created_by=user.username,
                created_at=now,
                retain_until=now + timedelta(days=retention_days),
            )
        )
    session.add_all(rows)
    session.flush()
    audit.record_many(
        session,
        [
            audit.Event(
                user.username,
                "registration.create",
                user.org_id,
                RECORD,
                row.id,
                {"consent": row.consent},
            )
            for row in rows
        ],
    )
    return [row.id for row in rows]


def full(row: RegistrationRow, org_name: str) -> dict[str, Any]:
    """Every field, as the owning organisation sees it."""
    municipality = resolve(row.municipality_code)
    details = {k: v for k, v in row.details.items() if k != "municipality"}
    return {
        "id": row.id,
        "org": org_name,
        "ref": row.ref,
        "given_name": row.given_name,
        "family_name": row.family_name,
        "birth_date": row.birth_date,
        "sex": row.sex,
        "citizenship": row.citizenship,
        "municipality": municipality.name,
        "unit": municipality.unit_code,
        "form": row.form,
        "year": row.year,
        "consent": row.consent,
        "contact": row.contact,
        "details": details,
        "person": row.person_id,
    }


def audience_of(session: Session, user: User, row: RegistrationRow) -> Audience | None:
    """How the user stands to the registration; None when they may not see it at all."""
    if user.org_id == row.org_id:
        return Audience.OWNER
    if row.consent != Consent.COUNTED and routed_to(session, user.org_id, RECORD, row.id):
        return Audience.RECIPIENT
    return Audience.OTHER if user.is_admin else None


def shown(row: RegistrationRow, org_name: str, audience: Audience) -> dict[str, Any]:
    data = full(row, org_name)
    visible = view(data, Consent(row.consent), audience)
    return visible if visible is not None else {k: data[k] for k in COUNTED_FIELDS}


def _org_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(OrganisationRow.id, OrganisationRow.name)).all())


def get_registration(session: Session, user: User, registration_id: int) -> dict[str, Any]:
    """One registration as the user may see it; refused and audited if they may not."""
    row = session.get(RegistrationRow, registration_id)
    audience = None if row is None else audience_of(session, user, row)
    if row is None or audience is None:
        raise not_found(session, user, RECORD, registration_id)
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="read",
        record_type=RECORD,
        record_id=row.id,
        detail={"view": audience.value},
    )
    return shown(row, _org_names(session)[row.org_id], audience)


def visible_rows(
    session: Session, user: User, *, year: int | None = None
) -> list[tuple[RegistrationRow, Audience]]:
    """Registrations the user may see, each with how: their organisation's, what was
    routed to it (never a counted-only one), and for an admin every registration."""
    query = select(RegistrationRow).order_by(RegistrationRow.org_id, RegistrationRow.ref)
    if year is not None:
        query = query.where(RegistrationRow.year == year)
    if not user.is_admin:
        routed = select(ReferralRow.record_id).where(
            ReferralRow.to_org_id == user.org_id,
            ReferralRow.record_type == RECORD,
            ReferralRow.status != ReferralStatus.DECLINED.value,
        )
        query = query.where(
            (RegistrationRow.org_id == user.org_id)
            | (RegistrationRow.id.in_(routed) & (RegistrationRow.consent != Consent.COUNTED.value))
        )
    out = []
    for row in session.scalars(query):
        audience = audience_of(session, user, row)
        if audience is not None:
            out.append((row, audience))
    return out


def list_registrations(
    session: Session, user: User, *, year: int | None = None
) -> list[dict[str, Any]]:
    """What the user may see, each as consent allows; every row's read audited."""
    names = _org_names(session)
    rows = visible_rows(session, user, year=year)
    audit.record_many(
        session,
        [
            audit.Event(user.username, "read", user.org_id, RECORD, row.id, {"view": aud.value})
            for row, aud in rows
        ],
    )
    return [shown(row, names[row.org_id], aud) for row, aud in rows]


def export_persons(session: Session, user: User) -> list[dict[str, str]]:
    """`org,ref,person` for every registration the user may see (an admin: all); audited.

    No name travels: the person id is the linkage's number, the ref the owner's own id.
    An unlinked registration is its own person (`r<id>`).
    """
    names = _org_names(session)
    rows = visible_rows(session, user)
    audit.record_many(
        session,
        [
            audit.Event(
                user.username,
                "export",
                user.org_id,
                RECORD,
                row.id,
                {"fields": ["org", "ref", "person"]},
            )
            for row, _ in rows
        ],
    )
    return [{"org": names[row.org_id], "ref": row.ref, "person": person_of(row)} for row, _ in rows]


def person_of(row: RegistrationRow) -> str:
    return row.person_id or f"r{row.id}"


def count(session: Session, year: int) -> dict[str, int]:
    """Registrations of a year and the unique persons behind them (no one is read)."""
    persons = set()
    total = 0
    for rid, pid in session.execute(
        select(RegistrationRow.id, RegistrationRow.person_id).where(RegistrationRow.year == year)
    ):
        total += 1
        persons.add(pid or f"r{rid}")
    return {"year": year, "registrations": total, "persons": len(persons)}
