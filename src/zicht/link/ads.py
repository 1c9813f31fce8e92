"""The ad as the linker reads it (the JSONL contract of `zicht link`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from zicht.errors import InvalidInput

_LIST_KEYS = ("phones", "emails", "handles", "images")
_KNOWN = frozenset({"id", "text", "title", "city", "posted_at", *_LIST_KEYS})


@dataclass(frozen=True, slots=True)
class Ad:
    id: str
    text: str
    title: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    images: tuple[str, ...] = ()
    city: str = ""
    posted_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # Identifier keys (`kind:value`) decided before linking: a run over the store passes keyed
    # pseudonyms here, and the text (redacted by the privacy gate) is then not searched again.
    keys: tuple[str, ...] | None = None
    # (ISO day, city) of every version a recrawl saw: where the ad was, week by week.
    visits: tuple[tuple[str, str], ...] = ()

    @property
    def posted_date(self) -> date | None:
        """The posting day, or None when absent or unreadable (it only feeds a timeline)."""
        if not self.posted_at:
            return None
        try:
            return datetime.fromisoformat(self.posted_at.replace("Z", "+00:00")).date()
        except ValueError:
            return None


def ad_from_dict(row: dict[str, Any], where: str = "") -> Ad:
    """Validate one input object; the error names the line and the key at fault."""
    if not isinstance(row, dict):
        raise InvalidInput(f"{where}: expected a JSON object, got {type(row).__name__}")
    ad_id = row.get("id")
    if ad_id is None or isinstance(ad_id, (dict, list)) or str(ad_id) == "":
        raise InvalidInput(f"{where}: missing or empty key 'id'")
    text = row.get("text")
    if not isinstance(text, str):
        raise InvalidInput(f"{where} (ad {ad_id}): key 'text' must be a string")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = row.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or (value and not all(isinstance(v, str) for v in value)):
            raise InvalidInput(f"{where} (ad {ad_id}): key {key!r} must be a list of strings")
        lists[key] = tuple(value)
    return Ad(
        id=str(ad_id),
        text=text,
        title=str(row.get("title") or ""),
        city=str(row.get("city") or ""),
        posted_at=str(row.get("posted_at") or ""),
        phones=lists["phones"],
        emails=lists["emails"],
        handles=lists["handles"],
        images=lists["images"],
        extra={k: v for k, v in row.items() if k not in _KNOWN},
    )


def read_ads(path: Path) -> Iterator[Ad]:
    """Ads of a JSONL file; a bad line stops the run with its line number."""
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise InvalidInput(f"{where}: not valid JSON ({error.msg})") from error
            ad = ad_from_dict(row, where)
            if ad.id in seen:
                raise InvalidInput(f"{where}: duplicate ad id {ad.id!r}")
            seen.add(ad.id)
            yield ad


def ads_from_dicts(rows: Iterable[dict[str, Any]]) -> list[Ad]:
    return [ad_from_dict(row, f"ad {i}") for i, row in enumerate(rows)]
