"""The matcher: every indicator pattern in one Aho-Corasick pass over the folded text.

Hits are reported as exact spans of the original text, each with its
explanation: which indicator, which pattern, and whether it was cancelled
(negation, denial, a longer hit around it, missing context, profiling risk) and why.
"""

from __future__ import annotations

import itertools
import re

import ahocorasick_rs

from zicht.detect import regexes, scan
from zicht.detect.candidates import KeyValue, Windows
from zicht.detect.hits import Facts, Hit
from zicht.detect.normalise import normalise, normalise_pattern
from zicht.detect.taxonomy import Indicator, Taxonomy, default_taxonomy

_BRACES = re.compile(r"\{([^{}]*)\}")
# Separators people put between letters to dodge filters: "n.e.w", "s e x", "p-i-m-p".
SPELLING_SEPARATORS = (".", "-", "*", "_", " ")


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


def _any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One search for `any(word in window for word in words)`; None when there are no words."""
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


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
            Facts(indicator.id, indicator.form, indicator.context_required, _any_of(context))
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
        return self._profiling(scan.explain(norm, raw, self._facts, self._exclude))

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


_MATCHERS: dict[int, Matcher] = {}


def matcher_for(taxonomy: Taxonomy) -> Matcher:
    """The matcher of a taxonomy, compiled once: compiling takes half a second, and
    training alone builds three detectors. A matcher is read-only, so one serves all."""
    found = _MATCHERS.get(id(taxonomy))
    if found is None or found.taxonomy is not taxonomy:
        if len(_MATCHERS) >= 8:  # a few taxonomies at most (tests make their own)
            _MATCHERS.clear()
        found = _MATCHERS[id(taxonomy)] = Matcher(taxonomy)
    return found
