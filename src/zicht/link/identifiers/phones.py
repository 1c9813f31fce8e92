"""Phone numbers in E.164, found in obfuscated text, validated by libphonenumber.

A digit run only becomes a number when libphonenumber calls it valid and it is written the
way people write numbers: national (`06...`, region NL by default), or international with
`+`/`00`, or `31...` without the plus. Anything else (prices, dates, postcodes) stays text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from zicht.link.identifiers.digits import DigitRun, candidate_windows, digit_runs, window_runs

MIN_DIGITS = 9
MAX_DIGITS = 15
MIN_STRONG = 7  # look-alike letters may not make up more than a few digits of a number


@dataclass(frozen=True, slots=True)
class PhoneMatch:
    e164: str
    start: int
    end: int


@lru_cache(maxsize=200_000)
def normalise_phone(raw: str, region: str = "NL") -> str | None:
    """E.164 of a number as written (`06-12 34 56 78`, `+32 470...`), or None when not valid."""
    runs = digit_runs(raw)
    found = [m.e164 for run in runs for m in _numbers_in_run(run, region)]
    return found[0] if found else None


def find_phones(text: str, region: str = "NL") -> list[PhoneMatch]:
    """Every valid phone number in `text`, with its span in the original text."""
    found: list[PhoneMatch] = []
    for start, end in candidate_windows(text):
        for e164, s, e in _window_numbers(text[start:end], region):
            found.append(PhoneMatch(e164, start + s, start + e))
    return found


@lru_cache(maxsize=200_000)
def _window_numbers(window: str, region: str) -> tuple[tuple[str, int, int], ...]:
    """Numbers of one digit-like stretch; reposted ads repeat them, so they are cached."""
    return tuple(
        (m.e164, m.start, m.end)
        for run in window_runs(window)
        for m in _numbers_in_run(run, region)
    )


@lru_cache(maxsize=500_000)
def _e164(candidate: str, plus: bool, region: str) -> str | None:
    if plus:
        text = "+" + candidate
    elif candidate.startswith("00"):
        text = "+" + candidate[2:]
    elif candidate.startswith("0"):
        text = candidate
    elif candidate.startswith("31") and len(candidate) == 11:
        text = "+" + candidate
    else:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _numbers_in_run(run: DigitRun, region: str) -> list[PhoneMatch]:
    """Split a run into numbers, longest valid first (`06 1234 5678 / 06 8765 4321`)."""
    symbols = run.symbols
    n = len(symbols)
    if n < MIN_DIGITS:
        return []
    # Numbers start and end where the writer put a space, a dash, or a look-alike letter.
    bounds = {0, n}
    for k in range(1, n):
        if run.gaps[k] or symbols[k].kind == "weak" or symbols[k - 1].kind == "weak":
            bounds.add(k)
    ordered = sorted(bounds)
    digits = "".join(s.value for s in symbols)
    strong_prefix = [0]
    for s in symbols:
        strong_prefix.append(strong_prefix[-1] + (s.kind == "digit"))
    found: list[PhoneMatch] = []
    i = 0
    while i < n:
        match_end = -1
        for j in reversed(ordered):
            length = j - i
            if j <= i or length < MIN_DIGITS:
                break
            if length > MAX_DIGITS or strong_prefix[j] - strong_prefix[i] < MIN_STRONG:
                continue
            plus = i == 0 and run.plus >= 0
            e164 = _e164(digits[i:j], plus, region)
            if e164 is not None:
                start = run.plus if plus else symbols[i].start
                found.append(PhoneMatch(e164, start, symbols[j - 1].end))
                match_end = j
                break
        if match_end > 0:
            i = match_end
        else:
            later = [b for b in ordered if b > i]
            if not later:
                break
            i = later[0]
    return found
