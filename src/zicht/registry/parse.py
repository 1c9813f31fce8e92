"""Reading registrations from CSV: every malformed row reported with its line number.

The columns follow the import contract (`ref`, `given_name`, `family_name`,
`birth_date`, `sex`, `citizenship`, `municipality`, `form`, `year`, `consent`);
the optional ones are fields of IOM's Human Trafficking Case Data Standard.
An unknown column is refused, so nothing is stored that no purpose asked for.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from zicht.errors import InvalidInput
from zicht.registry.consent import Consent
from zicht.registry.consent import parse as parse_consent
from zicht.route.regions import Municipality, resolve

REQUIRED = (
    "ref",
    "given_name",
    "family_name",
    "birth_date",
    "sex",
    "citizenship",
    "municipality",
    "form",
    "year",
    "consent",
)
# HTCDS 2.0: person (age group, language), victim (status, sector, relationship to the
# exploiter, means of control, places of recruitment and exploitation), case status.
OPTIONAL = (
    "age_group",
    "language",
    "victim_status",
    "sector",
    "relationship",
    "control_methods",
    "recruitment_place",
    "exploitation_place",
    "case_status",
    "contact",
)
FORMS = ("sexual", "labour", "criminal", "other")
AGE_GROUPS = ("0-17", "18-24", "25-34", "35-44", "45+")
VICTIM_STATUS = ("possible", "actual")
SEXES = {
    "f": "F",
    "female": "F",
    "v": "F",
    "vrouw": "F",
    "m": "M",
    "male": "M",
    "man": "M",
    "x": "X",
    "u": "U",
    "": "U",
}
_ALPHA3 = re.compile(r"^[A-Z]{3}$")
MAX_ERRORS = 20


@dataclass(frozen=True, slots=True)
class RegistrationInput:
    line: int
    ref: str
    given_name: str
    family_name: str
    birth_date: str | None
    sex: str
    citizenship: str
    municipality: Municipality
    form: str
    year: int
    consent: Consent
    contact: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


def _row(line: int, raw: dict[str, str], today: date) -> RegistrationInput:
    value = {k: (v or "").strip() for k, v in raw.items()}
    ref = value["ref"]
    if not ref or len(ref) > 100:
        raise ValueError("ref is empty or longer than 100 characters")
    if not (value["given_name"] or value["family_name"]):
        raise ValueError("given_name and family_name are both empty")
    birth = value["birth_date"] or None
    if birth is not None:
        try:
            born = date.fromisoformat(birth)
        except ValueError:
            raise ValueError(f"birth_date {birth!r} is not YYYY-MM-DD") from None
        if born > today or born.year < 1900:
            raise ValueError(f"birth_date {birth} is not a plausible birth date")
        birth = born.isoformat()
    sex = SEXES.get(value["sex"].lower())
    if sex is None:
        raise ValueError(f"sex {value['sex']!r} is not F, M, X or empty")
    citizenship = value["citizenship"].upper()
    if citizenship and not _ALPHA3.match(citizenship):
        raise ValueError(f"citizenship {value['citizenship']!r} is not an ISO 3166 alpha-3 code")
    form = value["form"].lower()
    if form not in FORMS:
        raise ValueError(f"form {value['form']!r} is not one of {', '.join(FORMS)}")
    try:
        year = int(value["year"])
    except ValueError:
        raise ValueError(f"year {value['year']!r} is not a number") from None
    if not 1990 <= year <= today.year + 1:
        raise ValueError(f"year {year} is outside 1990-{today.year + 1}")
    try:
        municipality = resolve(value["municipality"])
        consent = parse_consent(value["consent"])
    except InvalidInput as exc:
        raise ValueError(exc.message) from None
    details: dict[str, Any] = {}
    for name in OPTIONAL:
        text = value.get(name, "")
        if not text or name == "contact":
            continue
        if name == "age_group" and text not in AGE_GROUPS:
            raise ValueError(f"age_group {text!r} is not one of {', '.join(AGE_GROUPS)}")
        if name == "victim_status" and text not in VICTIM_STATUS:
            raise ValueError(f"victim_status {text!r} is not possible or actual")
        details[name] = (
            [p.strip() for p in text.split(";") if p.strip()]
            if (name == "control_methods")
            else text
        )
    return RegistrationInput(
        line,
        ref,
        value["given_name"],
        value["family_name"],
        birth,
        sex,
        citizenship,
        municipality,
        form,
        year,
        consent,
        value.get("contact") or None,
        details,
    )


class RecordErrors(InvalidInput):
    """Bad records, each named (`line 3`, `registrations[2] (ref 'X')`) with its reason."""

    def __init__(self, errors: list[tuple[int, str, str]], label: str) -> None:
        self.errors = errors  # (position, ref, reason)
        shown = [f"{label.format(n=n, ref=ref)}: {why}" for n, ref, why in errors[:MAX_ERRORS]]
        more = f" (and {len(errors) - MAX_ERRORS} more)" if len(errors) > MAX_ERRORS else ""
        super().__init__("; ".join(shown) + more + "; nothing was imported")


def _parse(
    rows: Iterable[dict[str, str]], first: int, label: str, today: date | None
) -> list[RegistrationInput]:
    today = today or date.today()
    out: list[RegistrationInput] = []
    errors: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    for n, raw in enumerate(rows, start=first):
        ref = str(raw.get("ref") or "").strip()
        if None in raw:
            errors.append((n, ref, "more fields than columns"))
            continue
        try:
            item = _row(n, raw, today)
        except ValueError as exc:
            errors.append((n, ref, str(exc)))
            continue
        if item.ref in seen:
            where = label.format(n=seen[item.ref], ref=item.ref)
            errors.append((n, ref, f"ref {item.ref!r} repeats {where}"))
            continue
        seen[item.ref] = n
        out.append(item)
    if errors:
        raise RecordErrors(errors, label)
    return out


def parse_rows(
    rows: Iterable[dict[str, str]], *, first_line: int = 2, today: date | None = None
) -> list[RegistrationInput]:
    """All rows or an error naming every bad row (up to 20) by its line number."""
    return _parse(rows, first_line, "line {n}", today)


def parse_records(
    records: Iterable[dict[str, str]], *, today: date | None = None
) -> list[RegistrationInput]:
    """Records of a JSON batch (the partner API): an error names each by index and ref."""
    return _parse(records, 0, "registrations[{n}] (ref {ref!r})", today)


def parse_csv(
    text: str, *, name: str = "input", today: date | None = None
) -> list[RegistrationInput]:
    """A whole CSV file; a missing or unknown column is an error before any row is read."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InvalidInput(f"{name}: missing column(s) {', '.join(missing)}")
    unknown = [c for c in columns if c not in REQUIRED and c not in OPTIONAL]
    if unknown:
        raise InvalidInput(
            f"{name}: unknown column(s) {', '.join(unknown)} "
            f"(optional columns: {', '.join(OPTIONAL)})"
        )
    reader.fieldnames = columns
    return parse_rows(reader, today=today)


def parse_form(values: dict[str, str], *, today: date | None = None) -> RegistrationInput:
    """One registration typed into the web form; the error is the reason alone."""
    raw = {name: values.get(name, "") for name in (*REQUIRED, *OPTIONAL)}
    try:
        return _row(1, raw, today or date.today())
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
