"""What the annual figures read from the store: the counted columns of registrations, no names.

Only the columns a count needs leave the database (never a name, contact or linkage
key), as an Arrow table that DuckDB reads in place. The birth date is read to tell a
minor from an adult and goes no further than the age-group column of the person-years.
Each read is one audit entry naming who computed figures and how many registrations
were read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from zicht.privacy import audit
from zicht.store.tables import OrganisationRow, ReferralRow, RegistrationRow

REGISTRATIONS_SCHEMA = pa.schema(
    [
        ("id", pa.int64()),
        ("org", pa.string()),
        ("person_id", pa.string()),
        ("year", pa.int32()),
        ("form", pa.string()),
        ("sex", pa.string()),
        ("citizenship", pa.string()),
        ("municipality_code", pa.string()),
        ("birth_date", pa.string()),
        ("age_group", pa.string()),
        ("created_at", pa.timestamp("us", tz="UTC")),
    ]
)
REFERRALS_SCHEMA = pa.schema(
    [("registration_id", pa.int64()), ("sent_at", pa.timestamp("us", tz="UTC"))]
)


def read_registrations(session: Session, *, actor: str, org_id: int | None) -> pa.Table:
    """Every registration's counted columns, with its organisation's name and its person id."""
    age_group = cast(RegistrationRow.details["age_group"].as_string(), String)
    rows = session.execute(
        select(
            RegistrationRow.id,
            OrganisationRow.name,
            RegistrationRow.person_id,
            RegistrationRow.year,
            RegistrationRow.form,
            RegistrationRow.sex,
            RegistrationRow.citizenship,
            RegistrationRow.municipality_code,
            RegistrationRow.birth_date,
            age_group,
            RegistrationRow.created_at,
        )
        .join(OrganisationRow, OrganisationRow.id == RegistrationRow.org_id)
        .order_by(RegistrationRow.id)
    ).all()
    table = _columns(rows, REGISTRATIONS_SCHEMA)
    audit.record(
        session,
        actor=actor,
        org_id=org_id,
        action="figures.read",
        record_type="registration",
        detail={"registrations": table.num_rows, "columns": "counted, no identity"},
    )
    return table


def read_referrals(session: Session) -> pa.Table:
    """When each registration was referred: the second stage of its throughput time."""
    rows = session.execute(
        select(ReferralRow.record_id, ReferralRow.sent_at).where(
            ReferralRow.record_type == "registration"
        )
    ).all()
    return _columns(rows, REFERRALS_SCHEMA)


def _columns(rows: Sequence[Any], schema: pa.Schema) -> pa.Table:
    data = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.table(
        [pa.array(list(col), type=f.type) for col, f in zip(data, schema, strict=True)],
        schema=schema,
    )
