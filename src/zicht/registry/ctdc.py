"""Export in the shape of the CTDC global dataset (IOM's Counter Trafficking Data Collaborative).

An organisation shares its own registrations with a data collaborative: one row
per registration, no identity at all, and none with consent 'counted' (nothing
of those leaves the organisation but the linkage key). Column names follow the
CTDC codebook; citizenship stays ISO 3166 alpha-3 as registered.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.domain import User
from zicht.privacy import audit
from zicht.registry.consent import Consent
from zicht.registry.service import RECORD
from zicht.store.tables import RegistrationRow

COLUMNS = (
    "yearOfRegistration",
    "Datasource",
    "gender",
    "ageBroad",
    "majorityStatus",
    "citizenship",
    "CountryOfExploitation",
    "isSexualExploit",
    "isForcedLabour",
    "isOtherExploit",
    "typeOfExploitConcatenated",
    "meansOfControlConcatenated",
)
GENDER = {"F": "Female", "M": "Male", "X": "Other", "U": ""}
FORM = {
    "sexual": "Sexual exploitation",
    "labour": "Forced labour",
    "criminal": "Forced criminal activities",
    "other": "Other",
}


def _row(row: RegistrationRow) -> dict[str, Any]:
    age = str(row.details.get("age_group", ""))
    return {
        "yearOfRegistration": row.year,
        "Datasource": "Case Management",
        "gender": GENDER.get(row.sex, ""),
        "ageBroad": age,
        "majorityStatus": "" if not age else ("Minor" if age == "0-17" else "Adult"),
        "citizenship": row.citizenship,
        "CountryOfExploitation": "NLD",
        "isSexualExploit": int(row.form == "sexual"),
        "isForcedLabour": int(row.form == "labour"),
        "isOtherExploit": int(row.form in ("criminal", "other")),
        "typeOfExploitConcatenated": FORM[row.form],
        "meansOfControlConcatenated": ";".join(row.details.get("control_methods", [])),
    }


def export(session: Session, user: User, *, year: int | None = None) -> list[dict[str, Any]]:
    """The user's organisation's shareable registrations as CTDC rows; each read audited."""
    query = (
        select(RegistrationRow)
        .where(
            RegistrationRow.org_id == user.org_id,
            RegistrationRow.consent != Consent.COUNTED.value,
        )
        .order_by(RegistrationRow.id)
    )
    if year is not None:
        query = query.where(RegistrationRow.year == year)
    rows = list(session.scalars(query))
    audit.record_many(
        session,
        [
            audit.Event(user.username, "export.ctdc", user.org_id, RECORD, row.id, {})
            for row in rows
        ],
    )
    return [_row(row) for row in rows]
