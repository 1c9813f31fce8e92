"""Which indicator regexes run, and where: only near a trigger word, only the regexes it concerns.

Regexes (prices, ages, hours) are the slow part of matching, so none scans a
whole document. The Aho-Corasick pass that finds the literal patterns also finds
trigger words; a trigger starts a run of just the regexes of that indicator that
contain the word (and those containing no trigger word at all), in a window
around it. "only" in "by phone only" thus runs the one `only ... euro` regex of
AD_LOW_PRICE, not its five.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zicht.detect.normalise import LEET, normalise_pattern
from zicht.detect.taxonomy import Indicator

_REGEX_NOISE = re.compile(r"\\[a-zA-Z]|\[[^\]]*\]|[a-z](?=[?*{])")
_TRIGGER = re.compile(r"[a-z][a-z0-9]{2,}|[€£]")


def regex_triggers(pattern: str) -> tuple[str, ...]:
    """Words one of which every match of the regex contains: the regex runs only if one is there.

    Empty when no such word can be read off the pattern: then it always runs.
    """
    return tuple(sorted(set(_TRIGGER.findall(_REGEX_NOISE.sub(" ", pattern)))))


@dataclass(frozen=True, slots=True)
class RegexRun:
    """Some regexes of one indicator in one alternation; group `rN` is `sources[N]`."""

    indicator: int
    compiled: re.Pattern[str]
    sources: tuple[tuple[str, str], ...]  # (lang, pattern)

    def source(self, match: re.Match[str]) -> tuple[str, str]:
        return self.sources[int(str(match.lastgroup)[1:])]


@dataclass(frozen=True, slots=True)
class RegexPlan:
    runs: list[RegexRun]
    triggered: dict[str, list[int]]  # trigger key (folded, leet) -> run numbers
    always: list[int]  # runs over the whole text (no trigger could be read off)


def _words(indicator: Indicator, sources: list[tuple[str, str]]) -> list[str]:
    if indicator.triggers:
        return [normalise_pattern(word) for word in indicator.triggers]
    if any(not regex_triggers(pattern) for _, pattern in sources):
        return []
    return sorted({word for _, pattern in sources for word in regex_triggers(pattern)})


def plan(indicators: list[Indicator]) -> RegexPlan:
    runs: list[RegexRun] = []
    numbers: dict[tuple[int, tuple[tuple[str, str], ...]], int] = {}
    triggered: dict[str, list[int]] = {}
    always: list[int] = []

    def run_of(index: int, subset: tuple[tuple[str, str], ...]) -> int:
        if (index, subset) not in numbers:
            combined = "|".join(f"(?P<r{n}>{p})" for n, (_, p) in enumerate(subset))
            numbers[index, subset] = len(runs)
            runs.append(RegexRun(index, re.compile(combined), subset))
        return numbers[index, subset]

    for index, indicator in enumerate(indicators):
        sources = [(lang, p) for lang, patterns in indicator.regex.items() for p in patterns]
        if not sources:
            continue
        words = _words(indicator, sources)
        if not words:
            always.append(run_of(index, tuple(sources)))
            continue
        lowered = [pattern.lower() for _, pattern in sources]
        loose = {n for n, text in enumerate(lowered) if not any(w in text for w in words)}
        for word in words:
            literal = {n for n, text in enumerate(lowered) if word in text}
            # A word that no regex spells out literally may hide in a class: run them all.
            chosen = literal | loose if literal else set(range(len(sources)))
            subset = tuple(sources[n] for n in sorted(chosen))
            number = run_of(index, subset)
            key = word.translate(LEET)
            if number not in triggered.setdefault(key, []):
                triggered[key].append(number)
    return RegexPlan(runs, triggered, always)
