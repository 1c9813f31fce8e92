"""Each candidate hit judged and explained: the matcher's per-hit loop.

A hit is dropped when the same indicator has a longer hit around it; otherwise
it is kept with its verdict: negated (and by which cue), inside a longer hit of
another indicator, missing a context word its indicator requires, or about
something else (an exclusion word nearby). Spans are mapped back to the original.

Plain Python, and also compiled as it stands into `zicht.detect._explain` where
a C compiler was at hand (`zicht.detect.scan` picks; the tests hold the two to
each other): the same code without the interpreter's cost per step.
"""

from __future__ import annotations

from collections.abc import Sequence

from zicht.detect import scan
from zicht.detect.candidates import Candidate
from zicht.detect.hits import Facts, Hit
from zicht.detect.normalise import Normalised

CONTEXT_WINDOW = 80


def _near(window: str, word: str) -> bool:
    """Whether `word` starts a word in the window (a cheap test first, then the boundary)."""
    at = window.find(word)
    while at != -1:
        if at == 0 or not window[at - 1].isalnum():
            return True
        at = window.find(word, at + 1)
    return False


def _longest_first(item: Candidate) -> tuple[int, int]:
    return item[0], item[0] - item[1]


def explain(
    norm: Normalised,
    raw: list[Candidate],
    facts_of: Sequence[Facts],
    excludes: Sequence[tuple[str, ...]],
) -> list[Hit]:
    """The hits among the candidates, ordered by position, each with its verdict."""
    folded = norm.text
    original = norm.original
    identity = norm.origin is None
    # Longest first, so a hit inside a longer hit is seen after the hit around it.
    raw.sort(key=_longest_first)
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
        facts = facts_of[index]
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
            suppressed = f"inside the longer hit of {facts_of[around].id}"
        elif facts.context_required and not has_context:
            suppressed = "no context word nearby (context required)"
        elif excludes[index]:
            window = folded[low : end + CONTEXT_WINDOW]
            excluded = next((w for w in excludes[index] if _near(window, w)), None)
            if excluded is not None:
                suppressed = f"about something else: {excluded!r} nearby"
        o_start, o_end = (start, end) if identity else norm.span(start, end)
        # tuple.__new__ builds the named tuple in C; `Hit(...)` runs a Python-level __new__ first.
        hits.append(
            tuple.__new__(
                Hit,
                (
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
                ),
            )
        )
        if suppressed is None:
            kept.append((start, end, index))
    return hits
