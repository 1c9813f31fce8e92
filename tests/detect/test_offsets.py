"""Offsets: every hit's span cuts exactly its text out of the original, whatever the noise."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.detect.table import matcher
from zicht.detect.normalise import normalise

PATTERNS = [
    "paspoort afgepakt", "niet vrij", "new in town", "Nieuw in de stad", "24/7", "14 uur per dag",
    "€25", "geïsoleerd", "L0V3RB0Y", "n.e.w i.n t.o.w.n", "money mule", "Zonder  Condoom",
    "drugsschuld", "spijbelt",
]  # fmt: skip
NOISE = st.text(
    alphabet=st.sampled_from(list("abcdeéëïöü ßİ\n\t.,;!-0123456789ABCDEFXYZ\u00a0\u0301€'’")),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(NOISE, st.sampled_from(PATTERNS)), min_size=1, max_size=5), NOISE)
def test_spans_cut_the_original_text(pieces: list[tuple[str, str]], tail: str) -> None:
    text = "".join(noise + " " + pattern + " " for noise, pattern in pieces) + tail
    hits = matcher().find(text)
    for hit in hits:
        assert 0 <= hit.start <= hit.end <= len(text)
        assert text[hit.start : hit.end] == hit.text
    counted = {h.text.lower() for h in hits}
    assert counted, f"no hit in {text!r}"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_normalisation_never_breaks_the_map(text: str) -> None:
    norm = normalise(text)
    assert len(norm.leet) == len(norm.text)
    if norm.origin is None:
        assert len(norm.text) == len(text)
    else:
        assert len(norm.origin) == len(norm.text)
        assert norm.origin == sorted(norm.origin)
        assert all(0 <= i < len(text) for i in norm.origin)
    for start in range(len(norm.text)):
        for end in range(start, min(len(norm.text), start + 6) + 1):
            o_start, o_end = norm.span(start, end)
            assert 0 <= o_start <= o_end <= len(text)


def test_accents_and_spacing_map_back_exactly() -> None:
    text = "Zij is  ge\u0308i\u0301soleerd en\n\nNIEUW   in de   STAD."
    hits = {h.indicator: h for h in matcher().find(text)}
    assert text[hits["AD_NEW_IN_TOWN"].start : hits["AD_NEW_IN_TOWN"].end] == "NIEUW   in de   STAD"
    assert hits["ISOLATION"].counted
