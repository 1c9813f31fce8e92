"""Police mutations from CSV or JSONL: every row checked first, then all stored or none.

A mutation becomes a `documents` row of kind `mutation`: its id is the external
reference (unique per organisation), its free text the document text, and the
offence, author, unit and municipality go into `fields`. Only police
organisations import mutations.

Retention: 365 days from import. Mutations are processed for the daily police
task (Wet politiegegevens art. 8), which allows such data to be used for at most
one year after it was first processed; `--retention-days` may shorten this,
never lengthen it. The retention job deletes expired documents and, by cascade,
their signals.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.domain import DocumentKind, OrgKind, User
from zicht.errors import Conflict, Forbidden, InvalidInput
from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import DocumentRow

MAX_RETENTION_DAYS = 365
FIELDS = ("offence", "author", "unit", "municipality")


class MutationRow(BaseModel):
    """One mutation as it arrives; unknown columns are refused so that nothing is kept unseen."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)
    date: dt.date | None = None
    written_at: dt.datetime | None = None
    offence: str | None = None
    author: str | None = None
    unit: str | None = None
    municipality: str | None = None
    lang: str | None = None

    @field_validator(
        "date", "written_at", "offence", "author", "unit", "municipality", "lang", mode="before"
    )
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if value == "" else value


@dataclass(frozen=True, slots=True)
class Parsed:
    line: int
    row: MutationRow


def _problem(path: Path, line: int, error: ValidationError) -> str:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "row"
    return f"{path.name} line {line}: {field}: {first['msg']}"


def _raw_rows(path: Path) -> list[tuple[int, Any]]:
    suffix = path.suffix.lower()
    text = path.read_text(encoding="utf-8-sig")
    if suffix == ".csv":
        reader = csv.DictReader(text.splitlines(keepends=True))
        if (
            not reader.fieldnames
            or "id" not in reader.fieldnames
            or "text" not in reader.fieldnames
        ):
            raise InvalidInput(f"{path.name} line 1: the header needs at least 'id' and 'text'")
        # The line where each row ends (a quoted field may span lines).
        return [(reader.line_num, row) for row in reader]
    if suffix in (".jsonl", ".ndjson"):
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InvalidInput(
                    f"{path.name} line {number}: not valid JSON ({exc.msg})"
                ) from None
        return rows
    raise InvalidInput(f"{path.name}: expected a .csv or .jsonl file")


def read_file(path: Path) -> list[Parsed]:
    """Every row parsed and checked; the first bad row stops the import with its line number."""
    if not path.exists():
        raise InvalidInput(f"{path} does not exist")
    parsed: list[Parsed] = []
    seen: dict[str, int] = {}
    for line, raw in _raw_rows(path):
        if not isinstance(raw, dict):
            raise InvalidInput(f"{path.name} line {line}: expected an object")
        if None in raw:  # csv: more cells than header columns
            raise InvalidInput(f"{path.name} line {line}: more cells than the header has columns")
        try:
            row = MutationRow.model_validate(raw)
        except ValidationError as exc:
            raise InvalidInput(_problem(path, line, exc)) from None
        if row.id in seen:
            raise InvalidInput(
                f"{path.name} line {line}: mutation id {row.id!r} repeats line {seen[row.id]}"
            )
        seen[row.id] = line
        parsed.append(Parsed(line, row))
    if not parsed:
        raise InvalidInput(f"{path.name}: no mutations")
    return parsed


def import_rows(
    session: Session, user: User, rows: list[Parsed], *, retention_days: int = MAX_RETENTION_DAYS
) -> list[int]:
    """Store the rows as documents in the user's organisation; refuse duplicates by mutation id."""
    if user.org_kind is not OrgKind.POLICE:
        raise Forbidden(
            f"user {user.username} is not in a police organisation; only police import mutations"
        )
    if not 1 <= retention_days <= MAX_RETENTION_DAYS:
        raise InvalidInput(
            f"retention of {retention_days} days: must be 1..{MAX_RETENTION_DAYS} (Wpg art. 8)"
        )
    refs = [p.row.id for p in rows]
    existing = set(
        session.scalars(
            select(DocumentRow.external_ref).where(
                DocumentRow.org_id == user.org_id,
                DocumentRow.kind == DocumentKind.MUTATION.value,
                DocumentRow.external_ref.in_(refs),
            )
        )
    )
    for parsed in rows:
        if parsed.row.id in existing:
            raise Conflict(
                f"line {parsed.line}: mutation {parsed.row.id!r} was imported before; "
                "nothing imported"
            )
    now = utcnow()
    documents = []
    for parsed in rows:
        row = parsed.row
        fields = {name: getattr(row, name) for name in FIELDS if getattr(row, name) is not None}
        if row.date is not None:
            fields["date"] = row.date.isoformat()
        if row.written_at is not None:
            fields["written_at"] = row.written_at.isoformat()
        if row.lang is not None:
            fields["lang"] = row.lang
        documents.append(
            DocumentRow(
                org_id=user.org_id,
                kind=DocumentKind.MUTATION.value,
                external_ref=row.id,
                title=row.offence,
                text=row.text,
                fields=fields,
                content_hash=hashlib.sha256(row.text.encode("utf-8")).hexdigest(),
                fetched_at=now,
                retain_until=now + dt.timedelta(days=retention_days),
            )
        )
    session.add_all(documents)
    session.flush()
    ids = [d.id for d in documents]
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="mutations.import",
        record_type="document",
        record_id=f"{ids[0]}..{ids[-1]}",
        detail={"count": len(ids), "document_ids": ids, "retention_days": retention_days},
    )
    return ids
