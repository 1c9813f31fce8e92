"""Reading the detector's JSONL files, with errors that name the file, the line and the key."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from zicht.detect.model import Example
from zicht.errors import InvalidInput

KINDS = ("ad", "mutation", "chat")
GOLD_FORMS = ("sexual", "labour", "criminal", "other")


def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) per non-empty line; `id` and `text` are required."""
    if not path.exists():
        raise InvalidInput(f"{path} does not exist")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"{where}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise InvalidInput(f"{where}: expected an object, got {type(record).__name__}")
            if "id" not in record:
                raise InvalidInput(f"{where}: missing key 'id'")
            if not isinstance(record.get("text"), str):
                raise InvalidInput(f"{where}: key 'text' must be a string")
            kind = record.get("kind")
            if kind is not None and kind not in KINDS:
                raise InvalidInput(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
            yield number, record


def read_gold(path: Path) -> list[Example]:
    """Labelled documents: the input keys plus `label` (0/1) and optional `form`."""
    examples = []
    for number, record in read_records(path):
        where = f"{path.name} line {number}"
        label = record.get("label")
        if label not in (0, 1) or isinstance(label, bool):
            raise InvalidInput(f"{where}: key 'label' must be 0 or 1, got {label!r}")
        form = record.get("form")
        if form is not None and form not in GOLD_FORMS:
            raise InvalidInput(f"{where}: form {form!r} is not one of {', '.join(GOLD_FORMS)}")
        examples.append(
            Example(
                id=str(record["id"]),
                text=record["text"],
                label=int(label),
                form=form,
                kind=record.get("kind"),
                lang=record.get("lang"),
            )
        )
    if not examples:
        raise InvalidInput(f"{path.name}: no labelled documents")
    return examples
