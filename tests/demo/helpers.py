"""Small independent readers of the demo world's files, for checking the planted structure."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from zicht.demo.phones import EN_WORDS, NL_WORDS

_WORDS = {w: str(i) for i, w in enumerate(NL_WORDS)} | {w: str(i) for i, w in enumerate(EN_WORDS)}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def phone_digits(shown: str) -> str:
    """A displayed (possibly obfuscated) number back to national digits: '0612345678'."""
    text = shown.lower().replace("\ufe0f\u20e3", "")
    text = re.sub(
        "|".join(sorted(_WORDS, key=len, reverse=True)), lambda m: _WORDS[m.group(0)], text
    )
    text = text.replace("o", "0").replace("l", "1")
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31"):
        digits = "0" + digits[2:]
    return digits


def shingles(text: str, k: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + k]) for i in range(max(0, len(words) - k + 1))}


def jaccard(a: set[Any], b: set[Any]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0
