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
from typing import NamedTuple

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


class Assessment(NamedTuple):
    """A named tuple, as `Hit` is: a frozen dataclass costs a call per field to build."""

    negated: bool
    cue: str | None
    reported: str | None


# The end of the last punctuation mark before a hit: greedy `.*` backtracks from the hit,
# so the search costs the length of the clause, without slicing or reversing the text.
_LAST_PUNCTUATION = re.compile(r".*[.;:!?()\[\]\n,]", re.DOTALL)
# Substring tests, as `word in text` for any of the words, in one C-level search.
_CONJUNCTION = re.compile("maar|echter|wel|but|however|although|though")
_CUES = NEGATIONS | DENIALS | REPORTING
# Cheap tests before `_AFTER` runs: most hits have none of these after them.
_AFTER_HINT = re.compile("niet|geen|not|ontbr|uitgesloten|ruled out")
_PLAIN = Assessment(False, None, None)


def _clause_before(text: str, start: int) -> tuple[str, int]:
    """The clause that ends at `start` (at most 80 characters): as a string, or as its start.

    The string is empty unless a conjunction had to be split off; then the clause is
    `text[clause_start:start]`, read in place.
    """
    low = start - 80 if start > 80 else 0
    last = _LAST_PUNCTUATION.match(text, low, start)
    tail = last.end() if last is not None else low
    if _CONJUNCTION.search(text, tail, start) is None:
        return "", tail
    return _CLAUSE.split(text[tail:start])[-1], -1


def assess(text: str, start: int, end: int) -> Assessment:
    """Whether the folded span [start, end) is negated, and by which cue; who reports it."""
    clause, at = _clause_before(text, start)
    if at >= 0:
        words = _WORD.findall(text, at, start)
        contracted = text.find("n't", at, start) != -1
    else:
        words = _WORD.findall(clause)
        contracted = "n't" in clause
    reported = None
    if contracted or not _CUES.isdisjoint(words):
        reported = _first(words, REPORTING)
        denial = _first(words, DENIALS)
        if denial is not None:
            return Assessment(True, denial, reported)
        for word in reversed(words[-SCOPE:]):
            if word in NEGATIONS or word.endswith("n't"):
                return Assessment(True, word, reported)
    if _AFTER_HINT.search(text, end, end + 60) is not None:
        after = _AFTER.match(text[end : end + 60])
        if after is not None:
            return Assessment(True, after.group().strip(), reported)
    return _PLAIN if reported is None else Assessment(False, None, reported)


def _first(words: list[str], vocabulary: frozenset[str]) -> str | None:
    for word in words:
        if word in vocabulary:
            return word
    return None
