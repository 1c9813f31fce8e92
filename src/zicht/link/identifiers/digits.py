"""Read digits the way an advertiser hides them: words, emoji, look-alike letters, odd scripts.

Ads avoid phone-number filters by writing `o6 1two3 ...`, `nul zes een twee`, `0️⃣6️⃣` or
fullwidth/mathematical digits. `digit_symbols` turns a text into a stream of symbols, each a
digit or a separator with its span in the original text, so that a number found in the stream
can point back at the exact characters the ad showed (the evidence span).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import compress, count
from operator import not_
from typing import Literal, NamedTuple

SymbolKind = Literal["digit", "weak", "plus", "sep"]

NUMBER_WORDS: dict[str, str] = {
    # Dutch
    "nul": "0", "een": "1", "één": "1", "eén": "1", "twee": "2", "drie": "3", "vier": "4",
    "vijf": "5", "zes": "6", "zeven": "7", "acht": "8", "negen": "9",
    # English
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip

# Letters that stand for a digit only when they sit among digits (`o6`, `l2`), never inside words.
LOOKALIKES = {"o": "0", "O": "0", "l": "1", "I": "1"}

_KEYCAP = "\u20e3"
_VS16 = "\ufe0f"
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_TOKEN = re.compile(
    rf"(?P<keycap>[0-9#*]{_VS16}?{_KEYCAP})"
    rf"|(?<![^\W\d_])(?P<word>{_WORDS})(?![^\W\d_])"
    r"|(?<![^\W\d_])(?P<look>(?-i:[oOlI]))(?![^\W\d_])"
    r"|(?P<digit>\d)"
    r"|(?P<plus>\+)"
    r"|(?P<sep>[\s\-./()\[\]_,:;|~*"
    "\u00a0\u2010-\u2015"
    r"])",
    re.IGNORECASE,
)


_PUNCT = ".,!?;:()[]{}<>\"'`*~|/\\-_+=#"
_LOOKALIKE_TOKENS = {"o", "O", "l", "I"}
_NON_WORD = re.compile(r"[\W_]+")


_PLAIN_DIGIT_WORDS = (
    set(NUMBER_WORDS)
    | {w.title() for w in NUMBER_WORDS}
    | {w.upper() for w in NUMBER_WORDS}
    | _LOOKALIKE_TOKENS
)


def _is_digitish(token: str) -> bool:
    core = token.strip(_PUNCT)
    if not core:
        return False
    if core.isalpha():
        return core in _PLAIN_DIGIT_WORDS or (not core.islower() and core.lower() in NUMBER_WORDS)
    return any(c.isdigit() for c in core) or any(
        part.lower() in NUMBER_WORDS or part in _LOOKALIKE_TOKENS for part in _NON_WORD.split(core)
    )


def _locate(text: str, token: str, pos: int) -> int:
    """Offset of whitespace-delimited `token` at or after `pos` (not inside a longer word)."""
    at = text.find(token, pos)
    while at > 0 and not (
        text[at - 1].isspace() and (at + len(token) == len(text) or text[at + len(token)].isspace())
    ):
        at = text.find(token, at + 1)
    return at


# Tokens already judged to be plain words (not digit-like, not lone punctuation). Ads repeat
# a small vocabulary, so after the first few thousand ads nearly every word is found here by
# one set look-up done in C (`map`), and only the remaining tokens reach Python code.
_PLAIN_WORDS: set[str] = set()
_PLAIN_WORDS_MAX = 200_000  # a bound on memory; past it, new words are judged every time


def _digitish_token(token: str) -> bool | None:
    """True for a digit-like token, None for lone punctuation, False for a plain word."""
    if token.isdigit():  # "5269": what `_is_digitish` says of any token of digits alone
        return True
    if token.isalpha():
        return token in _PLAIN_DIGIT_WORDS or (
            not token.islower() and token.lower() in NUMBER_WORDS
        )
    if not token.strip(_PUNCT):
        return None
    return _is_digitish(token)


def candidate_windows(text: str, min_length: int = 7) -> list[tuple[int, int]]:
    """Stretches of whitespace-separated tokens that are digit-like: where numbers can be.

    A cheap pass (str.split and set look-ups, no regex) so that the exact tokeniser only
    reads the few characters around digits and number words, not the whole ad. Known plain
    words are skipped in C; any plain word between two tokens ends the stretch they were in.
    Only digit-like tokens are located in the text.
    """
    windows: list[tuple[int, int]] = []
    tokens = text.split()
    unknown = compress(count(), map(not_, map(_PLAIN_WORDS.__contains__, tokens)))
    pos = 0
    start = end = -1
    previous = -1  # index of the last token seen here (known plain words are skipped)
    for index in unknown:
        if index > previous + 1 and start >= 0:  # plain words lay between: the stretch ends
            if end - start >= min_length:
                windows.append((start, end))
            start = -1
        previous = index
        token = tokens[index]
        digitish = _digitish_token(token)
        if digitish is None:
            continue  # a lone separator ("-", "/") keeps a stretch open
        if not digitish:
            if len(_PLAIN_WORDS) < _PLAIN_WORDS_MAX:
                _PLAIN_WORDS.add(token)
            if start >= 0 and end - start >= min_length:
                windows.append((start, end))
            start = -1
            continue
        at = _locate(text, token, pos)
        pos = at + len(token)
        if start < 0:
            start = at
        end = pos
    if start >= 0 and end - start >= min_length:
        windows.append((start, end))
    return windows


class Symbol(NamedTuple):
    """One digit (or separator) read from the text, with where it stood (a named tuple:
    a window makes one per character, and a frozen dataclass costs five times as much)."""

    kind: SymbolKind
    value: str
    start: int
    end: int


# Most windows are ASCII digits, "+" and separators ("06-12 34 56 78", "+31 6 1234 5678"):
# there `_TOKEN` matches each character alone (digit, plus or sep), so no regex is needed.
_SEPARATORS = " \t\n-./()[]_,:;|~*"
_PLAIN_DIGITS = re.compile(r"[0-9+" + re.escape(_SEPARATORS) + "]*")


def _plain_symbols(text: str, start: int, end: int) -> list[Symbol]:
    """`digit_symbols` of a stretch of ASCII digits, "+" and separators: one symbol a character."""
    symbols: list[Symbol] = []
    for at in range(start, end):
        char = text[at]
        if "0" <= char <= "9":
            symbols.append(Symbol("digit", char, at, at + 1))
        elif char == "+":
            symbols.append(Symbol("plus", "+", at, at + 1))
        else:
            symbols.append(Symbol("sep", char, at, at + 1))
    return symbols


def digit_symbols(text: str, start: int = 0, end: int | None = None) -> list[Symbol]:
    """Symbols of `text[start:end]` in order; other characters become a "break" separator."""
    end = len(text) if end is None else end
    if _PLAIN_DIGITS.fullmatch(text, start, end):
        return _plain_symbols(text, start, end)
    return _token_symbols(text, start, end)


def _token_symbols(text: str, start: int, end: int) -> list[Symbol]:
    """`digit_symbols` read by the full tokeniser (words, emoji, look-alikes, other scripts)."""
    symbols: list[Symbol] = []
    last_end = start
    for match in _TOKEN.finditer(text, start, end):
        if match.start() != last_end:
            # A gap of other characters: mark it so runs do not jump across words.
            symbols.append(Symbol("sep", "break", last_end, match.start()))
        last_end = match.end()
        group = match.lastgroup
        raw = match.group()
        if group == "keycap":
            if raw[0].isdigit():
                symbols.append(Symbol("digit", raw[0], match.start(), match.end()))
            else:
                symbols.append(Symbol("sep", "break", match.start(), match.end()))
        elif group == "word":
            symbols.append(Symbol("digit", NUMBER_WORDS[raw.lower()], match.start(), match.end()))
        elif group == "look":
            symbols.append(Symbol("weak", LOOKALIKES[raw], match.start(), match.end()))
        elif group == "digit":
            value = unicodedata.digit(raw, None)
            if value is None:  # superscripts and the like: not something people dial
                symbols.append(Symbol("sep", "break", match.start(), match.end()))
            else:
                symbols.append(Symbol("digit", str(value), match.start(), match.end()))
        elif group == "plus":
            symbols.append(Symbol("plus", "+", match.start(), match.end()))
        else:
            symbols.append(Symbol("sep", raw, match.start(), match.end()))
    if last_end != end:
        symbols.append(Symbol("sep", "break", last_end, end))
    return symbols


@dataclass(frozen=True, slots=True)
class DigitRun:
    """Digit symbols that belong together: at most a few separator characters between them."""

    symbols: tuple[Symbol, ...]
    gaps: tuple[str, ...]  # separators before each symbol ("" for the first)
    plus: int  # offset of a leading "+", or -1

    @property
    def strong(self) -> int:
        return sum(s.kind == "digit" for s in self.symbols)


def digit_runs(text: str, *, max_gap: int = 3, min_length: int = 7) -> list[DigitRun]:
    """Runs of digits separated by at most `max_gap` separator characters, never by a word."""
    runs: list[DigitRun] = []
    for start, end in candidate_windows(text, min_length):
        runs.extend(_runs(text, start, end, max_gap))
    return runs


def window_runs(window: str, max_gap: int = 3) -> list[DigitRun]:
    """Runs of one candidate window (a whitespace-delimited stretch, read on its own)."""
    return _runs(window, 0, len(window), max_gap)


def _runs(text: str, start: int, end: int, max_gap: int) -> list[DigitRun]:
    runs: list[DigitRun] = []
    current: list[Symbol] = []
    gaps: list[str] = []
    gap = ""
    plus = pending_plus = -1

    def flush() -> None:
        nonlocal current, gaps, plus
        if any(s.kind == "digit" for s in current):
            runs.append(DigitRun(tuple(current), tuple(gaps), plus))
        current, gaps, plus = [], [], -1

    for symbol in digit_symbols(text, start, end):
        if symbol.kind in ("digit", "weak"):
            if not current:
                plus = pending_plus
                gap = ""
            current.append(symbol)
            gaps.append(gap)
            gap = ""
            pending_plus = -1
        elif symbol.kind == "plus":
            flush()
            pending_plus = symbol.start
        elif symbol.value == "break":
            flush()
            pending_plus = -1
        else:
            gap += text[symbol.start : symbol.end]
            if len(gap) > max_gap:
                flush()
                pending_plus = -1
    flush()
    return runs
