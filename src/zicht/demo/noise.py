"""Variation for generated text: choice templates, typos and small edits.

Every function takes the caller's `random.Random`, never the global one, so a
world is reproducible from its seed alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

_SLOT = re.compile(r"\{(\w+)\}")
_SPACES = re.compile(r"  +")
# Neighbouring keys on a QWERTY keyboard: typos a hurried writer makes.
_NEIGHBOURS = {
    "a": "sqz",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "v": "cb",
    "w": "qe",
    "y": "tu",
    "z": "x",
}


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


# A compiled template: a sequence of text and choices, each choice a tuple of sequences.
Node = tuple["str | tuple[Node, ...]", ...]
_TOKEN = re.compile(r"[\[\]|]|[^\[\]|]+")


@lru_cache(maxsize=4096)
def _compile(template: str) -> Node:
    """Parse `[a|b|c]` choices (nested) once per template."""
    tokens = _TOKEN.findall(template)
    pos = 0

    def sequence(depth: int) -> tuple[Node, bool]:
        nonlocal pos
        items: list[str | tuple[Node, ...]] = []
        while pos < len(tokens):
            tok = tokens[pos]
            pos += 1
            if tok == "[":
                options: list[Node] = []
                while True:
                    seq, more = sequence(depth + 1)
                    options.append(seq)
                    if not more:
                        break
                items.append(tuple(options))
            elif tok == "|" and depth:
                return tuple(items), True
            elif tok == "]" and depth:
                return tuple(items), False
            else:
                items.append(tok)
        return tuple(items), False

    return sequence(0)[0]


def _sample(rng: random.Random, node: Node, out: list[str]) -> None:
    for item in node:
        if isinstance(item, str):
            out.append(item)
        else:
            _sample(rng, item[rng.randrange(len(item))], out)


def expand(rng: random.Random, template: str, slots: Mapping[str, object] | None = None) -> str:
    """Expand `[a|b]` choices, then `{slot}` values; unknown slots stay as they are."""
    out: list[str] = []
    _sample(rng, _compile(template), out)
    text = "".join(out)
    if slots and "{" in text:
        text = _SLOT.sub(lambda m: str(slots.get(m.group(1), m.group(0))), text)
    return _SPACES.sub(" ", text).strip()


def typo(rng: random.Random, word: str) -> str:
    """One keyboard slip: swap, drop, double or hit a neighbouring key."""
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    near = _NEIGHBOURS.get(word[i].lower())
    return word[:i] + (pick(rng, near) if near else word[i]) + word[i + 1 :]


def add_typos(rng: random.Random, text: str, rate: float) -> str:
    """Misspell roughly `rate` of the longer words."""
    words = text.split(" ")
    return " ".join(typo(rng, w) if chance(rng, rate) else w for w in words)


def swap_words(rng: random.Random, text: str, n: int = 1) -> str:
    """Swap `n` pairs of neighbouring words: a small edit that keeps most shingles."""
    words = text.split(" ")
    for _ in range(n):
        if len(words) < 3:
            break
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def drop_sentence(rng: random.Random, text: str) -> str:
    parts = [p for p in re.split(r"(?<=[.!?])\s+", text) if p]
    if len(parts) < 3:
        return text
    del parts[rng.randrange(len(parts))]
    return " ".join(parts)


def casing(rng: random.Random, text: str) -> str:
    """Ad writers shout, whisper or forget capitals."""
    r = rng.random()
    if r < 0.06:
        return text.upper()
    if r < 0.14:
        return text.lower()
    return text


def strip_accents(text: str) -> str:
    import unicodedata

    table = {"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "ı": "i"}
    text = "".join(table.get(c, c) for c in text)
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c))
