"""A person record as linkage sees it: who registered it, and the fields that identify someone."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PersonRecord:
    org: str  # the registering organisation (or the keys file): a dataset in linkage terms
    ref: str  # that organisation's own record id
    given_name: str
    family_name: str
    birth_date: str  # YYYY-MM-DD or ''
    sex: str
    citizenship: str
    # Compared in the clear only (Splink): what a clerk records about the case, not the name.
    municipality: str = ""
    form: str = ""
    age_group: str = ""

    @property
    def uid(self) -> str:
        return f"{self.org}\x1f{self.ref}"


def from_row(org: str, row: dict[str, str]) -> PersonRecord:
    return PersonRecord(
        org=org,
        ref=row["ref"].strip(),
        given_name=row.get("given_name", "") or "",
        family_name=row.get("family_name", "") or "",
        birth_date=(row.get("birth_date", "") or "").strip(),
        sex=row.get("sex", "") or "",
        citizenship=(row.get("citizenship", "") or "").strip().upper(),
        municipality=(row.get("municipality", "") or "").strip(),
        form=(row.get("form", "") or "").strip().lower(),
        age_group=(row.get("age_group", "") or "").strip(),
    )


def read_csv(path: Path, org: str | None = None) -> Iterator[PersonRecord]:
    """Records of one organisation's registrations file (the import contract's columns)."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield from_row(org or path.stem, row)


def read_directory(directory: Path) -> list[PersonRecord]:
    """Every `<org>.csv` in a directory, as the demo world writes `registrations/`."""
    files = sorted(directory.glob("*.csv"))
    if not files:
        from zicht.errors import InvalidInput

        raise InvalidInput(f"no registration files (*.csv) in {directory}")
    return [record for path in files for record in read_csv(path)]


def read_gold(path: Path) -> dict[str, str]:
    """Ground truth `org,ref,person` as {uid: person}."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {f"{r['org']}\x1f{r['ref']}": r["person"] for r in csv.DictReader(handle)}


def uids(records: Iterable[PersonRecord]) -> list[str]:
    return [r.uid for r in records]
