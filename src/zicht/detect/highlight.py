"""Evidence spans cut out of a document's text, so a page can mark them without raw HTML.

The cutting happens on the server by offsets; the template escapes every piece
and wraps only the evidence in `<mark>`, so nothing in a document can inject markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Segment = tuple[str, str | None]  # (text, indicator id of the evidence, or None)


def highlight(text: str, evidence: Sequence[dict[str, Any]]) -> list[Segment]:
    """The text cut into (segment, indicator or None); the pieces join back to the text."""
    spans = sorted(
        (max(0, int(e["start"])), min(len(text), int(e["end"])), e.get("indicator"))
        for e in evidence
        if int(e["end"]) > int(e["start"])
    )
    segments: list[Segment] = []
    cursor = 0
    for start, end, indicator in spans:
        if start < cursor or start >= end:
            continue  # overlapping evidence: the first span wins
        if start > cursor:
            segments.append((text[cursor:start], None))
        segments.append((text[start:end], indicator))
        cursor = end
    if cursor < len(text):
        segments.append((text[cursor:], None))
    return segments
