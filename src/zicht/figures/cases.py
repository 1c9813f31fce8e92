"""Reading cases' stage dates from CSV: the stages zicht does not hold itself.

Reports to the police, prosecution decisions and judgments live in the police's and
the prosecution service's systems; an export of them (`case_id` and one date column
per stage, empty where a stage was not reached) joins the throughput times.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from zicht.errors import InvalidInput
from zicht.figures.throughput import STAGES, Case


def read_cases(path: Path) -> list[Case]:
    """Cases with the dates they reached each stage; an error names the line and the reason."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read cases file: {exc}") from exc
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise InvalidInput(f"{path}: empty file; expected a header case_id,{','.join(STAGES)}")
    header = [c.strip().lower() for c in rows[0]]
    unknown = [c for c in header[1:] if c not in STAGES]
    if not header or header[0] != "case_id" or unknown or len(set(header)) != len(header):
        raise InvalidInput(
            f"{path} line 1: expected case_id and stage columns from {', '.join(STAGES)}"
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
        )
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise InvalidInput(f"{path} line {line}: {len(row)} fields, expected {len(header)}")
        case_id = row[0].strip()
        if not case_id:
            raise InvalidInput(f"{path} line {line}: case_id is empty")
        if case_id in seen:
            raise InvalidInput(
                f"{path} line {line}: case {case_id!r} already on line {seen[case_id]}"
            )
        seen[case_id] = line
        dates = {}
        for stage, value in zip(header[1:], row[1:], strict=True):
            if value.strip():
                try:
                    dates[stage] = date.fromisoformat(value.strip())
                except ValueError:
                    raise InvalidInput(
                        f"{path} line {line}: {stage} {value.strip()!r} is not a date YYYY-MM-DD"
                    ) from None
        cases.append(Case(f"{path.name}:{case_id}", dates))
    return cases
