"""Names and birth dates as both linkage methods compare them.

Clerks write one name many ways: 'Van den Berg', 'Berg, van den', 'vd Berg',
'deVries', with or without diacritics, in capitals. Both methods compare the
same normal form, so a difference between them is a difference of method.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Dutch and Flemish name particles (tussenvoegsels) and their abbreviations; they are
# written, dropped and abbreviated so inconsistently that comparing without them is safer.
PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ten",
        "ter",
        "te",
        "'t",
        "in",
        "op",
        "vd",
        "v.d.",
        "v/d",
        "vdn",
        "vder",
        "d'",
        "la",
        "le",
        "du",
        "da",
        "di",
    ]
)
_LETTERS = {
    "ł": "l",
    "Ł": "L",
    "ß": "ss",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
    "æ": "ae",
    "œ": "oe",
}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_LETTER = re.compile(r"[^a-z' ]+")


def fold(text: str) -> str:
    """Lower case ASCII letters: diacritics, capitals and punctuation do not tell people apart."""
    text = "".join(_LETTERS.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text


def name_tokens(text: str | None) -> list[str]:
    """The words of a name without particles: 'Berg, van den' and 'vd Berg' give ['berg']."""
    if not text:
        return []
    text = _CAMEL.sub(" ", fold(text.strip()))  # 'deVries' -> 'de Vries'
    if text.isupper():
        text = text.lower()
    words = _NOT_LETTER.sub(" ", text.lower().replace(",", " ")).split()
    kept = [w.strip("'") for w in words if w not in PARTICLES]
    return [w for w in kept if w]


def name_key(text: str | None) -> str:
    return " ".join(name_tokens(text))


def parse_birth_date(text: str | None) -> date | None:
    """An ISO date or nothing; a malformed date is the caller's error to report."""
    if text is None or not text.strip():
        return None
    return date.fromisoformat(text.strip())


def sex_key(text: str | None) -> str:
    value = (text or "").strip().upper()[:1]
    return value if value in ("F", "M", "X") else ""
