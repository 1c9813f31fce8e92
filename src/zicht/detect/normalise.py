"""Normalised text with a map back to the original: match on the one, cite the other.

Matching runs over a folded copy of the text: lower case, no accents, white space
of any kind collapsed to one space, and (in a second copy of the same length)
leetspeak digits and symbols read as letters, so that `N3W in  T0WN` meets the
pattern `new in town`. Every folded character remembers the original character
it came from, so a hit is always reported as an exact span of the original text.
Letters spelt out with separators ("n.e.w", "s e x") are handled by the matcher,
which adds spelt-out variants of its patterns, so that the common case stays a
few C-level string operations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

_SPACES = "\t\n\r\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_WHITE = str.maketrans(dict.fromkeys(_SPACES, " "))
# Digits and symbols read as letters in the copy the patterns run on ("l0verb0y").
# Length-preserving, so both copies share one offset map; regexes about numbers
# (prices, ages, hours) run on the copy that keeps its digits.
LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_MULTISPACE = re.compile("  +")


def _ascii_table(table: Mapping[int, int | str]) -> bytes:
    """The ASCII part of a `str.translate` table for `bytes.translate`: ASCII text is
    translated as bytes, a table lookup per byte, several times faster than the str method."""
    keys = bytes(key for key in table if key < 128)
    values = (chr(v) if isinstance(v, int) else v for v in (table[key] for key in keys))
    return bytes.maketrans(keys, "".join(values).encode("ascii"))


_WHITE_ASCII = _ascii_table(_WHITE)
_LEET_ASCII = _ascii_table(LEET)
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: lower case, accents dropped; may be empty or longer."""
    if char in _QUOTES:
        return _QUOTES[char]
    decomposed = unicodedata.normalize("NFKD", char.lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.translate(_WHITE)


@dataclass(frozen=True, slots=True)
class Normalised:
    """The folded text, its leetspeak reading, and the original index of each folded character."""

    original: str
    text: str
    leet: str
    origin: list[int] | None  # None: the identity map (the common, fast case)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span [start, end)."""
        if self.origin is None:
            return start, end
        if end <= start:
            position = self.origin[start] if start < len(self.origin) else len(self.original)
            return position, position
        first, stop = self.origin[start], self.origin[end - 1] + 1
        # The last folded character may stand for an original letter with combining
        # marks after it: the span covers the whole original character.
        while stop < len(self.original) and unicodedata.combining(self.original[stop]):
            stop += 1
        return first, stop


def _fold(text: str) -> tuple[str, list[int] | None]:
    if text.isascii():
        return text.lower().encode("ascii").translate(_WHITE_ASCII).decode("ascii"), None
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char) if ord(char) > 127 else char.lower()
        if folded:
            pieces.append(folded)
            origin.extend([index] * len(folded))
    return "".join(pieces).translate(_WHITE), origin


def _collapse_spaces(text: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    """Runs of spaces become one space; the map keeps the first space of each run."""
    base = origin if origin is not None else range(len(text))
    pieces: list[str] = []
    new_origin: list[int] = []
    cursor = 0
    for match in _MULTISPACE.finditer(text):
        start, end = match.span()
        pieces.append(text[cursor : start + 1])
        new_origin.extend(base[cursor : start + 1])
        cursor = end
    pieces.append(text[cursor:])
    new_origin.extend(base[cursor:])
    return "".join(pieces), new_origin


def normalise(text: str) -> Normalised:
    """Fold case, accents and white space, read leetspeak; keep the offset map."""
    folded, origin = _fold(text)
    if "  " in folded:
        folded, origin = _collapse_spaces(folded, origin)
    if folded.isascii():
        leet = folded.encode("ascii").translate(_LEET_ASCII).decode("ascii")
    else:
        leet = folded.translate(LEET)
    return Normalised(text, folded, leet, origin)


def normalise_pattern(pattern: str, *, leet: bool = False) -> str:
    """A taxonomy pattern folded the same way as the text it must match."""
    norm = normalise(pattern.strip())
    return (norm.leet if leet else norm.text).strip()
