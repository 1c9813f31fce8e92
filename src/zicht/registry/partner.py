"""What the partner API does for an organisation's token: submit, and read its own data.

A partner system retries: a batch that was sent before is accepted again without
change (each record `unchanged`), while a known `ref` with different content is a
conflict naming the record, so nothing is overwritten behind the owner's back.
A token reads only its own organisation's registrations and the referrals it sent;
that they are its own is why it sees them whole, counted-only names included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from zicht.accounts.scoping import not_found
from zicht.domain import User
from zicht.errors import Conflict
from zicht.privacy import audit
from zicht.registry.parse import RegistrationInput
from zicht.registry.service import RECORD, full, import_registrations
from zicht.route.referrals import ReferralStatusView, referrals_for
from zicht.store.tables import OrganisationRow, RegistrationRow


@dataclass(frozen=True, slots=True)
class Submitted:
    index: int
    ref: str
    id: int
    created: bool


class RecordConflicts(Conflict):
    """Known refs whose content differs, each named: (index, ref, reason)."""

    def __init__(self, errors: list[tuple[int, str, str]]) -> None:
        self.errors = errors
        named = "; ".join(f"registrations[{n}] (ref {ref!r}): {why}" for n, ref, why in errors[:20])
        super().__init__(f"{named}; nothing was imported")


def _stored(item: RegistrationInput) -> dict[str, Any]:
    """The columns an import would write for the item, to compare with what is stored."""
    details = dict(item.details)
    details["municipality"] = item.municipality.name
    return {
        "given_name": item.given_name,
        "family_name": item.family_name,
        "birth_date": item.birth_date,
        "sex": item.sex,
        "citizenship": item.citizenship,
        "municipality_code": item.municipality.code,
        "form": item.form,
        "year": item.year,
        "consent": item.consent.value,
        "contact": item.contact,
        "details": details,
    }


def _differs(row: RegistrationRow, item: RegistrationInput) -> list[str]:
    return [name for name, value in _stored(item).items() if getattr(row, name) != value]


def submit(session: Session, user: User, items: Sequence[RegistrationInput]) -> list[Submitted]:
    """Store the new records of a batch, all or none; a resent identical record is kept."""
    refs = [i.ref for i in items]
    existing: dict[str, RegistrationRow] = {}
    for start in range(0, len(refs), 500):
        existing.update(
            (row.ref, row)
            for row in session.scalars(
                select(RegistrationRow).where(
                    RegistrationRow.org_id == user.org_id,
                    RegistrationRow.ref.in_(refs[start : start + 500]),
                )
            )
        )
    conflicts = []
    for n, item in enumerate(items):
        if item.ref in existing and (changed := _differs(existing[item.ref], item)):
            reason = f"already registered with different {', '.join(changed)}"
            conflicts.append((n, item.ref, reason))
    if conflicts:
        raise RecordConflicts(conflicts)
    new = [i for i in items if i.ref not in existing]
    try:
        stored = import_registrations(session, user, new)
    except IntegrityError:
        # Another request stored one of these refs between our check and our insert.
        raise Conflict(
            "some of these refs were stored by a request running at the same time; "
            "nothing of this one was imported: send it again"
        ) from None
    ids = dict(zip((i.ref for i in new), stored, strict=True))
    return [
        Submitted(n, i.ref, ids[i.ref] if i.ref in ids else existing[i.ref].id, i.ref in ids)
        for n, i in enumerate(items)
    ]


def _org_name(session: Session, user: User) -> str:
    org = session.get(OrganisationRow, user.org_id)
    return org.name if org else ""


def own_registrations(
    session: Session, user: User, *, year: int | None = None, limit: int = 1000, offset: int = 0
) -> list[dict[str, Any]]:
    """The organisation's own registrations, in ref order, a page at a time; audited."""
    query = (
        select(RegistrationRow)
        .where(RegistrationRow.org_id == user.org_id)
        .order_by(RegistrationRow.ref)
        .limit(limit)
        .offset(offset)
    )
    if year is not None:
        query = query.where(RegistrationRow.year == year)
    rows = list(session.scalars(query))
    audit.record_many(
        session,
        [
            audit.Event(user.username, "read", user.org_id, RECORD, row.id, {"view": "owner"})
            for row in rows
        ],
    )
    name = _org_name(session, user)
    return [full(row, name) for row in rows]


def own_registration(session: Session, user: User, ref: str) -> dict[str, Any]:
    """One of the organisation's registrations by its own ref; any other is 'not found'."""
    row = session.scalar(
        select(RegistrationRow).where(
            RegistrationRow.org_id == user.org_id, RegistrationRow.ref == ref
        )
    )
    if row is None:
        raise not_found(
            session,
            user,
            RECORD,
            f"ref:{ref}"[:64],
            f"your organisation has no registration {ref!r}",
        )
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="read",
        record_type=RECORD,
        record_id=row.id,
        detail={"view": "owner"},
    )
    return full(row, _org_name(session, user))


def sent_referrals(session: Session, user: User) -> list[tuple[ReferralStatusView, str]]:
    """Referrals of the organisation's own registrations with their status: its feedback."""
    views = [
        v
        for v in referrals_for(session, user)
        if v.referral.from_org_id == user.org_id and v.referral.record_type == RECORD
    ]
    ids = [v.referral.record_id for v in views]
    refs = dict(
        session.execute(
            select(RegistrationRow.id, RegistrationRow.ref).where(
                RegistrationRow.org_id == user.org_id, RegistrationRow.id.in_(ids)
            )
        ).all()
    )
    return [(v, refs[v.referral.record_id]) for v in views if v.referral.record_id in refs]
