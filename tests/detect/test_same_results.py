"""The faster matcher, negation and scorer give exactly what the slower ones gave.

`data/golden_analyses.json` holds the analyses that the detector gave before its
hot paths were rewritten (benchmark documents, every taxonomy pattern behind
negation and reporting cues, leetspeak, accents, spelt-out letters); the negation
check is held, on random text, to the plain reading it replaced. The compiled
scanner (`_scan.pyx`) is held to the Python definitions it stands in for, and
the golden analyses are read both ways.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zicht.detect import Detector, candidates, explain, negation, scan
from zicht.detect.matcher import Matcher

GOLDEN = Path(__file__).parent / "data" / "golden_analyses.json"
HIT_FIELDS = (
    "indicator",
    "start",
    "end",
    "text",
    "pattern",
    "lang",
    "negated",
    "cue",
    "reported_speech",
    "context",
    "suppressed",
)


def _compact(analysis: dict[str, Any]) -> dict[str, Any]:
    return {
        "score": analysis["score"],
        "form": analysis["form"],
        "form_scores": analysis["form_scores"],
        "contributions": [
            [c["indicator"], c["weight"], c["share"]] for c in analysis["contributions"]
        ],
        "hits": [[hit[field] for field in HIT_FIELDS] for hit in analysis["hits"]],
    }


def _compiled() -> Any:
    """The compiled scanner; building it is part of `make install` (a C compiler is at hand)."""
    try:
        from zicht.detect import _scan
    except ImportError as missing:  # pragma: no cover - says what to do, then fails
        pytest.fail(f"the compiled scanner is not built ({missing}): run `make install`")
    return _scan


def test_the_detector_runs_on_the_compiled_scanner() -> None:
    _compiled()
    from zicht.detect import _explain

    assert scan.COMPILED
    assert scan.assess is _compiled().assess
    assert scan.explain is _explain.explain
    assert scan.explain is not explain.explain


def _use_python(patch: pytest.MonkeyPatch) -> None:
    patch.setattr(scan, "assess", negation.assess)
    patch.setattr(scan, "candidates", candidates.candidates)
    patch.setattr(scan, "explain", explain.explain)


@pytest.fixture(params=["compiled", "python"])
def implementation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test on the compiled scanner and again on the Python definitions."""
    _compiled()
    if request.param == "python":
        _use_python(monkeypatch)
    return str(request.param)


def test_a_sample_of_documents_gives_the_analyses_it_gave_before(implementation: str) -> None:
    rows = json.loads(GOLDEN.read_text(encoding="utf-8"))
    detector = Detector()
    analyses = detector.analyse_many([row["text"] for row in rows])
    for row, analysis in zip(rows, analyses, strict=True):
        expected = {key: value for key, value in row.items() if key != "text"}
        assert _compact(analysis.explain()) == expected, row["text"]
        assert _compact(detector.analyse(row["text"]).explain()) == expected


# The reading of negation and reported speech as it was, slicing and splitting per hit.
_PUNCTUATION = re.compile(r"[.;:!?()\[\]\n,]")
_CONJUNCTIONS = ("maar", "echter", "wel", "but", "however", "although", "though")
_HINTS = ("niet", "geen", "not", "ontbr", "uitgesloten", "ruled out")


def _reference(text: str, start: int, end: int) -> negation.Assessment:
    window = text[max(0, start - 80) : start]
    last = _PUNCTUATION.search(window[::-1])
    clause = window[len(window) - last.start() :] if last else window
    if any(word in clause for word in _CONJUNCTIONS):
        clause = negation._CLAUSE.split(clause)[-1]
    words = negation._WORD.findall(clause)
    reported = None
    if not negation._CUES.isdisjoint(words) or "n't" in clause:
        reported = next((w for w in words if w in negation.REPORTING), None)
        denial = next((w for w in words if w in negation.DENIALS), None)
        if denial is not None:
            return negation.Assessment(True, denial, reported)
        for word in reversed(words[-negation.SCOPE :]):
            if word in negation.NEGATIONS or word.endswith("n't"):
                return negation.Assessment(True, word, reported)
    following = text[end : end + 60]
    if any(hint in following for hint in _HINTS):
        after = negation._AFTER.match(following)
        if after is not None:
            return negation.Assessment(True, after.group().strip(), reported)
    return negation.Assessment(False, None, reported)


PIECES = [
    *sorted(negation._CUES),
    *_CONJUNCTIONS,
    "isn't",
    "n't",
    "werd niet vastgesteld",
    "was not found",
    "ontbreekt",
    "ruled out",
    "dwang",
    "new in town",
    "x",
    "welke",
    "no1",
    "'",
    ".",
    ",",
    ";",
    "(",
    "\n",
    " ",
    "  ",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.data())
def test_negation_reads_as_it_did(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = _reference(text, start, end)
    assert negation.assess(text, start, end) == expected
    assert _compiled().assess(text, start, end) == expected


# Any text at all, joined from the pieces above and arbitrary characters (accents, other
# scripts, white space of every kind), so the compiled scanner meets what Python meets.
ANY_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(
    lambda parts: "".join(parts)
)


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT, st.data())
def test_compiled_negation_reads_any_text_as_python_does(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text) + 3))
    assert _compiled().assess(text, start, end) == negation.assess(text, start, end)


@pytest.mark.parametrize("start", [0, 5, 79, 80, 81, 120])
def test_a_long_clause_is_cut_where_it_was(start: int) -> None:
    text = ("geenx niet " * 20)[:start] + "dwang werd niet vastgesteld"
    end = start + len("dwang")
    assert negation.assess(text, start, end) == _reference(text, start, end)
    assert _compiled().assess(text, start, end) == _reference(text, start, end)


MATCHER = Matcher()
# Keys of the automaton (every fifth; and those of prefix patterns such as "blackmail*" on
# their own, or they would rarely be drawn), with letters, digits and marks around them.
KEYS = MATCHER._keys[::5]
PREFIX_KEYS = [
    key
    for key, (entries, _) in zip(MATCHER._keys, MATCHER._values, strict=True)
    if any(prefix for *_, prefix in entries)
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(KEYS),
            st.sampled_from(PREFIX_KEYS),
            st.sampled_from(PIECES),
            st.text(alphabet="a9 .é'-\u00a0", min_size=1, max_size=3),
            st.text(max_size=4),
        ),
        max_size=60,
    )
)
def test_compiled_candidates_are_pythons(parts: list[str]) -> None:
    folded = "".join(parts)
    matches = MATCHER._automaton.find_matches_as_indexes(folded, overlapping=True)
    windows_c: dict[int, list[tuple[int, int]]] = {}
    windows_py: dict[int, list[tuple[int, int]]] = {}
    found = _compiled().candidates(list(matches), MATCHER._values, folded, windows_c)
    assert found == candidates.candidates(list(matches), MATCHER._values, folded, windows_py)
    assert windows_c == windows_py


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(KEYS),
            st.sampled_from(PIECES),
            st.sampled_from(["NEW in TOWN", "l0verb0y", "É", "ß", "\t", "  ", "ﬁ", "€ 25"]),
            st.text(max_size=4),
        ),
        max_size=50,
    ).map(" ".join)
)
def test_compiled_matching_finds_what_python_finds(text: str) -> None:
    """The whole find: candidates, negation and the per-hit verdicts, spans mapped back."""
    compiled = MATCHER.find(text)
    with pytest.MonkeyPatch.context() as patch:
        _use_python(patch)
        assert MATCHER.find(text) == compiled, "a stale build? run `make install`"
