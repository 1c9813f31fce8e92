"""The shared check behind the per-family tables: does `indicator` count in `text`?"""

from __future__ import annotations

from functools import lru_cache

from zicht.detect import Matcher


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    return Matcher()


def counted(text: str) -> set[str]:
    return {hit.indicator for hit in matcher().find(text) if hit.counted}


def check(indicator: str, text: str, expected: bool) -> None:
    found = counted(text)
    if expected:
        assert indicator in found, f"{indicator} not found in {text!r} (found {sorted(found)})"
    else:
        assert indicator not in found, f"{indicator} wrongly found in {text!r}"
