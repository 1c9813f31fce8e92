"""Candidate hits and regex windows from one Aho-Corasick pass: the matcher's inner loop.

This is the definition; `_scan.pyx` compiles the same loop (see `zicht.detect.scan`).
The automaton reports (key number, start, end) of every key, overlaps included; they
are read by end, the longest first. Each key's value holds its literal entries and
the regex runs it triggers. A key counts only where a word starts; a literal entry
also needs a word end after it (or, for a prefix pattern, takes the rest of the
word). A trigger opens a window around itself for its regex runs; overlapping
windows of one run merge.
"""

from __future__ import annotations

from operator import itemgetter

# A triggered regex runs only this far around its trigger, not over the whole text.
REGEX_BEFORE, REGEX_AFTER = 40, 60

Candidate = tuple[int, int, int, str, str]  # start, end, indicator index, pattern, lang
Windows = dict[int, list[tuple[int, int]]]  # regex run number -> merged (low, high) spans
Entry = tuple[int, str, str, bool]  # indicator index, pattern, lang, prefix pattern
KeyValue = tuple[tuple[Entry, ...], tuple[int, ...]]  # literal entries, triggered regex runs
Match = tuple[int, int, int]  # key number, start, end
BY_END = itemgetter(2, 1)  # by end, and at one end the longest first


def candidates(
    matches: list[Match], values: list[KeyValue], folded: str, windows: Windows
) -> list[Candidate]:
    """The literal hits among the automaton's matches; triggered windows go into `windows`."""
    raw: list[Candidate] = []
    size = len(folded)
    for key, start, stop in sorted(matches, key=BY_END):
        entries, triggers = values[key]
        last = stop - 1
        before = folded[start - 1] if start > 0 else " "
        if before.isalpha():
            continue
        for number in triggers:
            window = (max(0, start - REGEX_BEFORE), min(size, last + 1 + REGEX_AFTER))
            spans = windows.setdefault(number, [])
            if spans and window[0] <= spans[-1][1]:
                spans[-1] = (spans[-1][0], window[1])  # overlapping windows merge
            else:
                spans.append(window)
        if not entries or before.isalnum():
            continue
        for index, pattern, lang, prefix in entries:
            end = last + 1
            if prefix:
                while end < size and folded[end].isalnum():
                    end += 1
            elif end < size and folded[end].isalnum():
                continue
            raw.append((start, end, index, pattern, lang))
    return raw
