"""Canned texts a counsellor inserts with one click (and may edit before sending)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def canned_texts() -> dict[str, list[dict[str, str]]]:
    """{'nl': [{'key', 'title', 'text'}, ...], 'en': [...]} from `data/canned.json`."""
    path = resources.files("zicht.chat") / "data" / "canned.json"
    data: dict[str, list[dict[str, str]]] = json.loads(path.read_text(encoding="utf-8"))
    return data
