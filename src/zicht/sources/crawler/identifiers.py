"""Identifiers in ad text, normalised so that the same number written ten ways links once.

Advertisers who hide a number from keyword search spell digits as words, put
keycap emoji or look-alike letters in them; a reader recovers the number, so the
extractor does too before libphonenumber normalises it to E.164.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers

REGION = "NL"
DIGIT_WORDS = {
    **{
        w: str(i)
        for i, w in enumerate(
            ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
        )
    },
    **{
        w: str(i)
        for i, w in enumerate(
            ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
        )
    },
    "één": "1",
}
_WORDS = "|".join(sorted(DIGIT_WORDS, key=len, reverse=True))
_TOKEN = rf"(?:{_WORDS}|[0-9]\ufe0f?\u20e3|[0-9]|[oOlI])"
# A run of digits, digit words, keycaps and look-alikes, not inside a longer word.
_RUN = re.compile(rf"(?<![^\W\d_]){_TOKEN}+(?:[\s\-.()]*{_TOKEN}+)*(?![^\W\d_])", re.I)
_PIECE = re.compile(rf"{_WORDS}|[0-9]\ufe0f?\u20e3|[oOlI]", re.I)
_LOOKALIKE = {"o": "0", "l": "1", "i": "1"}
MIN_DIGITS = 8
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,24}\b")
HANDLE = re.compile(
    r"\b(telegram|tg|snapchat|snap|instagram|insta|ig|kik|signal|wickr|onlyfans|twitter|x)"
    r"\s*(?:[:=]\s*@?|@)\s*([A-Za-z0-9_][A-Za-z0-9_.]{2,31})",
    re.I,
)
HANDLE_SERVICE = {"tg": "telegram", "snap": "snapchat", "insta": "instagram", "ig": "instagram"}
AGE = re.compile(r"\b(1[89]|[2-6][0-9])\s*(?:jaar|jr\.?|years?|yo|y/o)\b", re.I)
PRICE = re.compile(
    r"(?:€|eur(?:o)?\s?)\s?(\d{2,4})(?:[.,]-?|,00)?|\b(\d{2,4})\s?(?:€|euro|eur)\b", re.I
)


def deobfuscate(text: str) -> str:
    """The text with spelled-out digits, keycaps and look-alikes turned back into digits.

    Only runs that come to a phone number's length are changed, so 'een' in a
    sentence stays a word.
    """

    def digit(piece: re.Match[str]) -> str:
        value = piece.group(0).lower()
        return DIGIT_WORDS.get(value) or _LOOKALIKE.get(value) or value[0]

    def convert(run: re.Match[str]) -> str:
        raw = run.group(0)
        if len(raw) < MIN_DIGITS:  # each piece becomes one digit: too short to be a number
            return raw
        converted = _PIECE.sub(digit, raw)
        return converted if _digits(converted) >= MIN_DIGITS else run.group(0)

    return _RUN.sub(convert, text)


def phones(text: str, region: str = REGION) -> list[str]:
    """Every valid phone number in the text, as E.164, in order of first appearance."""
    readable = _squeeze_digit_runs(deobfuscate(text))
    if _digits(readable) < MIN_DIGITS:
        return []
    found: list[str] = []
    for candidate in (text, readable) if readable != text else (text,):
        for _start, _end, e164 in numbers_in(candidate, region):
            if e164 not in found:
                found.append(e164)
    return found


_CANDIDATE = re.compile(r"(?:\+|\b00)?\(?\d[\d \-.()/]{6,24}\d")


def numbers_in(text: str, region: str = REGION) -> list[tuple[int, int, str]]:
    """(start, end, E.164) of each valid number in the text.

    A cheap regex finds digit runs and libphonenumber judges each; its full
    matcher (slow, pure Python) runs only on a run that is not one number, such
    as a price glued to a number.
    """
    out = []
    for m in _CANDIDATE.finditer(text):
        raw = m.group(0)
        e164 = _valid(raw, region)
        if e164 is not None:
            out.append((m.start(), m.end(), e164))
        elif _digits(raw) >= 9:
            out += _split_run(raw, m.start(), region)
    return out


def _split_run(raw: str, offset: int, region: str) -> list[tuple[int, int, str]]:
    """Numbers in a run that is not one number: the longest valid spans of its words first,
    then libphonenumber's full matcher."""
    tokens = raw.split(" ")
    starts = [0]
    for token in tokens[:-1]:
        starts.append(starts[-1] + len(token) + 1)
    out = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            part = " ".join(tokens[i:j])
            e164 = _valid(part, region) if _digits(part) >= MIN_DIGITS else None
            if e164 is not None:
                out.append((offset + starts[i], offset + starts[i] + len(part), e164))
                i = j
                break
        else:
            i += 1
    if out:
        return out
    for pm in phonenumbers.PhoneNumberMatcher(raw, region, leniency=phonenumbers.Leniency.VALID):
        number = phonenumbers.format_number(pm.number, phonenumbers.PhoneNumberFormat.E164)
        out.append((offset + pm.start, offset + pm.end, number))
    return out


def _digits(text: str) -> int:
    return sum(map(str.isdigit, text))


@lru_cache(maxsize=8192)
def _valid(raw: str, region: str) -> str | None:
    """The candidate as E.164 when it is one valid number; cached, since ads repeat their
    numbers (and dates) and libphonenumber's parse is the costly step."""
    try:
        number = phonenumbers.parse(raw.strip(" -./"), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _squeeze_digit_runs(text: str) -> str:
    """'0 6 1 2 3 4 5 6 7 8' -> '0612345678': single digits spaced out are one number."""
    return re.sub(
        r"(?<![\d\w])(?:\+?\d[ .\-]){8,14}\d(?![\d\w])",
        lambda m: re.sub(r"[ .\-]", "", m.group(0)),
        text,
    )


def normalise_phone(raw: str, region: str = REGION) -> str | None:
    try:
        number = phonenumbers.parse(deobfuscate(raw), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def emails(text: str) -> list[str]:
    return _unique(m.group(0).lower().rstrip(".") for m in EMAIL.finditer(text))


def handles(text: str) -> list[str]:
    """Messenger handles as 'service:name', lower case."""
    out = []
    for m in HANDLE.finditer(text):
        service = m.group(1).lower()
        out.append(f"{HANDLE_SERVICE.get(service, service)}:{m.group(2).lower().rstrip('.')}")
    return _unique(out)


def age(text: str) -> int | None:
    m = AGE.search(text)
    return int(m.group(1)) if m else None


def prices(text: str) -> list[int]:
    return [int(a or b) for a, b in PRICE.findall(text)]


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


PLACEHOLDER = {"phone": "[phone]", "email": "[email]", "handle": "[handle]"}


def redact(text: str, region: str = REGION) -> str:
    """The text with every phone number, e-mail address and handle replaced by a placeholder."""
    spans: list[tuple[int, int, str]] = []
    spans += [(start, end, PLACEHOLDER["phone"]) for start, end, _ in numbers_in(text, region)]
    for m in _RUN.finditer(text):
        run = m.group(0).rstrip(" \t\n-.()")
        if len(run) < MIN_DIGITS:  # too short for deobfuscating or squeezing to change it
            continue
        if _squeeze_digit_runs(deobfuscate(run)) != run and phones(run, region):
            spans.append((m.start(), m.start() + len(run), PLACEHOLDER["phone"]))
    spans += [(m.start(), m.end(), PLACEHOLDER["email"]) for m in EMAIL.finditer(text)]
    spans += [(m.start(2), m.end(2), PLACEHOLDER["handle"]) for m in HANDLE.finditer(text)]
    out, cursor = [], 0
    for start, end, placeholder in sorted(spans):
        if start < cursor:
            if end > cursor:  # overlapping spans: extend the redaction
                cursor = end
            continue
        out += [text[cursor:start], placeholder]
        cursor = end
    out.append(text[cursor:])
    return "".join(out).rstrip()
