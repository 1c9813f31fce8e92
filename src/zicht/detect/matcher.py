"""The matcher: every indicator pattern in one Aho-Corasick pass over the folded text.

Hits are reported as exact spans of the original text, each with its
explanation: which indicator, which pattern, and whether it was cancelled
(negation, denial, a longer hit around it, missing context, profiling risk) and why.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

import ahocorasick_rs

from zicht.detect import regexes, scan
from zicht.detect.candidates import Candidate, KeyValue, Windows
from zicht.detect.normalise import Normalised, normalise, normalise_pattern
from zicht.detect.taxonomy import Indicator, Taxonomy, default_taxonomy

CONTEXT_WINDOW = 80
_BRACES = re.compile(r"\{([^{}]*)\}")
# Separators people put between letters to dodge filters: "n.e.w", "s e x", "p-i-m-p".
SPELLING_SEPARATORS = (".", "-", "*", "_", " ")


class Hit(NamedTuple):
    """One indicator hit and why it does or does not count.

    A named tuple rather than a frozen dataclass: a frozen dataclass sets each of its
    twelve fields through `object.__setattr__`, which was a tenth of matching time.
    """

    indicator: str
    form: str
    start: int
    end: int
    text: str
    pattern: str
    lang: str
    negated: bool = False
    cue: str | None = None
    reported: str | None = None
    context: bool = False
    suppressed: str | None = None

    @property
    def counted(self) -> bool:
        return not self.negated and self.suppressed is None

    def explain(self) -> dict[str, object]:
        return {
            "indicator": self.indicator,
            "form": self.form,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "pattern": self.pattern,
            "lang": self.lang,
            "counted": self.counted,
            "negated": self.negated,
            "cue": self.cue,
            "reported_speech": self.reported,
            "context": self.context,
            "suppressed": self.suppressed,
        }


def expand(pattern: str) -> list[str]:
    """`{a|b|}` alternatives spelt out: "took {her|his} passport" is two patterns."""
    parts = _BRACES.split(pattern)
    literals, choices = parts[0::2], [group.split("|") for group in parts[1::2]]
    expanded = []
    for combo in itertools.product(*choices):
        text = literals[0] + "".join(c + lit for c, lit in zip(combo, literals[1:], strict=True))
        expanded.append(" ".join(text.split()))
    return expanded


def spelt_variants(key: str) -> list[str]:
    """The key spelt out: "new in town" -> "n.e.w i.n t.o.w.n", ..., "n e w i n t o w n"."""
    if not key.replace(" ", "").isalpha() or len(key.replace(" ", "")) < 3:
        return []
    words = key.split(" ")
    variants = [" ".join(sep.join(word) for word in words) for sep in SPELLING_SEPARATORS[:-1]]
    variants.append(" ".join(" ".join(word) for word in words))
    return [v for v in variants if v != key]


def _near(window: str, word: str) -> bool:
    """Whether `word` starts a word in the window (a cheap test first, then the boundary)."""
    at = window.find(word)
    while at != -1:
        if at == 0 or not window[at - 1].isalnum():
            return True
        at = window.find(word, at + 1)
    return False


def _any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One search for `any(word in window for word in words)`; None when there are no words."""
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


class _Facts(NamedTuple):
    id: str
    form: str
    context_required: bool
    context: re.Pattern[str] | None


class Matcher:
    """Compiled once per taxonomy; `find` is safe to call from any thread."""

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self.taxonomy = taxonomy or default_taxonomy()
        self._indicators: list[Indicator] = list(self.taxonomy.indicators)
        entries: dict[str, list[tuple[int, str, str, bool]]] = {}
        for index, indicator in enumerate(self._indicators):
            for lang, raw in indicator.all_patterns():
                for variant in expand(raw):
                    prefix = variant.endswith("*")
                    key = normalise_pattern(variant.rstrip("*"), leet=True)
                    for spelling in [key, *spelt_variants(key)] if key else []:
                        entries.setdefault(spelling, []).append((index, raw, lang, prefix))
        # Regexes run only near the trigger words the same Aho-Corasick pass finds.
        self._plan = regexes.plan(self._indicators)
        triggered = self._plan.triggered
        keys = self._keys = sorted(entries.keys() | triggered.keys())
        # Key number -> (literal entries, triggered regex runs).
        self._values: list[KeyValue] = [
            (tuple(entries.get(key, ())), tuple(triggered.get(key, ()))) for key in keys
        ]
        # A DFA: three times pyahocorasick's speed over these keys, for 0.3 s once per taxonomy.
        self._automaton = ahocorasick_rs.AhoCorasick(
            keys,
            matchkind=ahocorasick_rs.MatchKind.Standard,
            implementation=ahocorasick_rs.Implementation.DFA,
        )
        self._context = [
            tuple(normalise_pattern(word) for word in indicator.context)
            for indicator in self._indicators
        ]
        self._exclude = [
            tuple(normalise_pattern(word) for word in indicator.exclude)
            for indicator in self._indicators
        ]
        # Per indicator, what `_explain` reads for every hit: looked up once, not per hit.
        self._facts = [
            _Facts(indicator.id, indicator.form, indicator.context_required, _any_of(context))
            for indicator, context in zip(self._indicators, self._context, strict=True)
        ]
        self._risky = frozenset(i.id for i in self._indicators if i.profiling_risk)

    @property
    def pattern_count(self) -> int:
        return len(self._values)

    def find(self, text: str) -> list[Hit]:
        """Every hit in `text`, counted or not, ordered by position."""
        norm = normalise(text)
        folded = norm.leet
        windows: Windows = {n: [(0, len(folded))] for n in self._plan.always}
        matches = self._automaton.find_matches_as_indexes(folded, overlapping=True)
        raw = scan.candidates(matches, self._values, folded, windows)
        for number, spans in sorted(windows.items()):
            run = self._plan.runs[number]
            for low, high in spans:
                for match in run.compiled.finditer(norm.text, low, high):
                    if match.end() > match.start():
                        lang, pattern = run.source(match)
                        raw.append(
                            (match.start(), match.end(), run.indicator, pattern, f"{lang}:regex")
                        )
        return self._explain(norm, raw)

    def _explain(self, norm: Normalised, raw: list[Candidate]) -> list[Hit]:
        folded = norm.text
        original = norm.original
        identity = norm.origin is None
        # Longest first, so a hit inside a longer hit is seen after the hit around it.
        raw.sort(key=lambda item: (item[0], -(item[1] - item[0])))
        kept: list[tuple[int, int, int]] = []
        hits: list[Hit] = []
        seen: set[tuple[int, int, int]] = set()
        for start, end, index, pattern, lang in raw:
            if (start, end, index) in seen:
                continue
            around = None
            own = False
            for s, e, i in kept:
                if s <= start and end <= e:
                    if i == index:
                        own = True
                        break
                    if around is None and (s != start or e != end):
                        around = i
            if own:
                continue  # the same indicator inside its own longer hit: one hit is enough
            seen.add((start, end, index))
            facts = self._facts[index]
            verdict = scan.assess(folded, start, end)
            low = start - CONTEXT_WINDOW if start > CONTEXT_WINDOW else 0
            has_context = (
                facts.context is not None
                and facts.context.search(folded, low, end + CONTEXT_WINDOW) is not None
            )
            suppressed = None
            if verdict.negated:
                suppressed = f"negated by {verdict.cue!r}"
            elif around is not None:
                suppressed = f"inside the longer hit of {self._indicators[around].id}"
            elif facts.context_required and not has_context:
                suppressed = "no context word nearby (context required)"
            elif self._exclude[index]:
                window = folded[low : end + CONTEXT_WINDOW]
                excluded = next((w for w in self._exclude[index] if _near(window, w)), None)
                if excluded is not None:
                    suppressed = f"about something else: {excluded!r} nearby"
            o_start, o_end = (start, end) if identity else norm.span(start, end)
            hits.append(
                Hit(
                    facts.id,
                    facts.form,
                    o_start,
                    o_end,
                    original[o_start:o_end],
                    pattern,
                    lang,
                    verdict.negated,
                    verdict.cue,
                    verdict.reported,
                    has_context,
                    suppressed,
                )
            )
            if suppressed is None:
                kept.append((start, end, index))
        return self._profiling(hits)

    def _profiling(self, hits: list[Hit]) -> list[Hit]:
        """Profiling-risk cues count only beside another counted indicator."""
        risky = self._risky
        if not risky or not any(h.indicator in risky and h.counted for h in hits):
            return hits
        if any(h.counted and h.indicator not in risky for h in hits):
            return hits
        reason = "profiling risk: counted only together with another indicator"
        return [
            h._replace(suppressed=reason) if h.indicator in risky and h.counted else h for h in hits
        ]
