"""Negation and reported speech around a hit, in Dutch and English.

A negation cue shortly *before* a hit in the same clause cancels it ("geen dwang",
"she is NOT new in town"); so does a denial ("ontkent dat", "denies that") and a
finding that something was not observed after it ("dwang werd niet vastgesteld").
A negation inside the pattern itself is part of the indicator: "ze zegt dat ze
niet vrij is" is a hit for restricted movement. Reported speech ("zegt dat",
"she said") does not cancel a hit (police mutations record what people say) but
is marked, so that an analyst sees whose words the evidence is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NEGATIONS = frozenset(
    {
        # Dutch
        "geen",
        "niet",
        "nooit",
        "zonder",
        "niemand",
        "nergens",
        "allerminst",
        "noch",
        # common misspellings in ads and chats ("werk zondr pooier")
        "zondr",
        "zndr",
        "nie",
        # English
        "no",
        "not",
        "never",
        "without",
        "nobody",
        "none",
        "nor",
        "neither",
        "cannot",
        "wihout",
        "witout",
        "withot",
    }
)
DENIALS = frozenset({"ontkent", "ontkende", "ontkennen", "denies", "denied", "deny", "weerspreekt"})
REPORTING = frozenset(
    {
        "zegt",
        "zei",
        "zeggen",
        "verklaart",
        "verklaarde",
        "vertelt",
        "vertelde",
        "meldt",
        "meldde",
        "geeft",
        "gaf",
        "stelt",
        "stelde",
        "beweert",
        "beweerde",
        "says",
        "said",
        "told",
        "tells",
        "states",
        "stated",
        "reports",
        "reported",
        "claims",
        "claimed",
        "explains",
        "explained",
    }
)
# How many words before the hit a negation reaches ("er is geen sprake van dwang").
SCOPE = 3
_CLAUSE = re.compile(r"[.;:!?()\[\]\n]|,|\s(?:maar|echter|wel|but|however|although|though)\s")
_WORD = re.compile(r"[a-z0-9']+")
_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:(?:is|was|werd|wordt|zijn|waren|were)\s+)?"
    r"(?:niet|geen|not)\s+(?:aangetroffen|vastgesteld|gebleken|geconstateerd|waargenomen|gezien|"
    r"found|observed|established|confirmed)\b"
    r"|^\W*(?:\w+\W+){0,2}?(?:ontbreekt|ontbreken|ontbraken|uitgesloten|ruled out)\b"
)


@dataclass(frozen=True, slots=True)
class Assessment:
    negated: bool
    cue: str | None
    reported: str | None


_PUNCTUATION = re.compile(r"[.;:!?()\[\]\n,]")
_CONJUNCTIONS = ("maar", "echter", "wel", "but", "however", "although", "though")


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 80) : start]
    # The last punctuation mark is the first one in the reversed window; the regex split
    # runs only when a conjunction may be in what follows it.
    last = _PUNCTUATION.search(window[::-1])
    tail = window[len(window) - last.start() :] if last else window
    if any(word in tail for word in _CONJUNCTIONS):
        return _CLAUSE.split(tail)[-1]
    return tail


_CUES = NEGATIONS | DENIALS | REPORTING
# Cheap substring tests before `_AFTER` runs: most hits have none of these after them.
_AFTER_HINTS = ("niet", "geen", "not", "ontbr", "uitgesloten", "ruled out")
_PLAIN = Assessment(False, None, None)


def assess(text: str, start: int, end: int) -> Assessment:
    """Whether the folded span [start, end) is negated, and by which cue; who reports it."""
    clause = _clause_before(text, start)
    words = _WORD.findall(clause)
    reported = None
    if not _CUES.isdisjoint(words) or "n't" in clause:
        reported = next((w for w in words if w in REPORTING), None)
        denial = next((w for w in words if w in DENIALS), None)
        if denial is not None:
            return Assessment(True, denial, reported)
        for word in reversed(words[-SCOPE:]):
            if word in NEGATIONS or word.endswith("n't"):
                return Assessment(True, word, reported)
    following = text[end : end + 60]
    if any(hint in following for hint in _AFTER_HINTS):
        after = _AFTER.match(following)
        if after is not None:
            return Assessment(True, after.group().strip(), reported)
    return _PLAIN if reported is None else Assessment(False, None, reported)
