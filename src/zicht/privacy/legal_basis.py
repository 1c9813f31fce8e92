"""Legal bases a deployment can name. The code is for filtering; the text is what counts."""

from __future__ import annotations

import re

from zicht.errors import InvalidInput

LEGAL_BASES: dict[str, str] = {
    "politiewet-3": "Politiewet 2012, art. 3: the general police task",
    "wpg-8": "Wet politiegegevens, art. 8: daily police task",
    "wpg-9": "Wet politiegegevens, art. 9: investigation of a specific crime",
    "wpg-10": "Wet politiegegevens, art. 10: criminal intelligence (CIE)",
    "sv-126j": "Wetboek van Strafvordering, art. 126j: systematic gathering of information",
    "sv-126g": "Wetboek van Strafvordering, art. 126g: systematic observation",
    "other": "another basis, described in the text",
}

_REFERENCES = [
    (re.compile(r"\b126\s*j\b", re.IGNORECASE), "sv-126j"),
    (re.compile(r"\b126\s*g\b", re.IGNORECASE), "sv-126g"),
    (re.compile(r"\b(wpg|politiegegevens)\b.*\b(art\.?|artikel)\s*10\b", re.IGNORECASE), "wpg-10"),
    (re.compile(r"\b(wpg|politiegegevens)\b.*\b(art\.?|artikel)\s*9\b", re.IGNORECASE), "wpg-9"),
    (re.compile(r"\b(wpg|politiegegevens)\b.*\b(art\.?|artikel)\s*8\b", re.IGNORECASE), "wpg-8"),
    (re.compile(r"\bpolitiewet\b.*\b(art\.?|artikel)\s*3\b", re.IGNORECASE), "politiewet-3"),
]


def resolve_code(text: str, code: str | None) -> str:
    """The given code, checked; or the one the text cites; or 'other'."""
    if code is not None:
        if code not in LEGAL_BASES:
            raise InvalidInput(
                f"unknown legal basis code {code!r} (known: {', '.join(LEGAL_BASES)})"
            )
        return code
    for pattern, found in _REFERENCES:
        if pattern.search(text):
            return found
    return "other"
