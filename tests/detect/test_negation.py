"""Negation and reported speech: 'geen dwang' is not a hit; 'ze zegt dat ze niet vrij is' is."""

import pytest

from tests.detect.table import matcher

CASES = [
    # text, indicator, counted, reason fragment
    ("Er is geen dwang.", "COERCION_GENERAL", False, "geen"),
    ("Er is geen sprake van dwang.", "COERCION_GENERAL", False, "geen"),
    ("Dwang werd niet vastgesteld.", "COERCION_GENERAL", False, "vastgesteld"),
    ("She is NOT new in town.", "AD_NEW_IN_TOWN", False, "not"),
    ("She isn't new in town.", "AD_NEW_IN_TOWN", False, "n't"),
    ("Ik ben niet nieuw in de stad.", "AD_NEW_IN_TOWN", False, "niet"),
    ("Verdachte ontkent dat zij wordt bedreigd.", "THREATS_INTIMIDATION", False, "ontkent"),
    ("He denies that he was beaten.", "PHYSICAL_VIOLENCE", False, "denies"),
    ("No pimp, no agency.", "PIMP_CONTROL", False, "no"),
    ("Hij is nooit geslagen.", "PHYSICAL_VIOLENCE", False, "nooit"),
    # the negation is part of the indicator: a hit
    ("Ze zegt dat ze niet vrij is.", "RESTRICTED_MOVEMENT", True, None),
    ("She said she is not allowed to leave.", "RESTRICTED_MOVEMENT", True, None),
    ("Hij heeft geen contact met zijn familie.", "ISOLATION", True, None),
    ("The workers have not been paid.", "WAGES_WITHHELD", True, None),
    # a negation in an earlier clause does not reach the hit
    ("Geen paspoortcontrole gedaan, maar zij is wel bedreigd.", "THREATS_INTIMIDATION", True, None),
    ("No problems at first, but later she was threatened.", "THREATS_INTIMIDATION", True, None),
    ("Geen pooier. Nieuw in de stad.", "AD_NEW_IN_TOWN", True, None),
]


@pytest.mark.parametrize(("text", "indicator", "expected", "cue"), CASES)
def test_negation(text: str, indicator: str, expected: bool, cue: str | None) -> None:
    hits = [h for h in matcher().find(text) if h.indicator == indicator]
    assert hits, f"{indicator} not even matched in {text!r}"
    hit = hits[0]
    assert hit.counted is expected, hit.explain()
    if not expected:
        assert hit.negated and cue is not None and hit.cue is not None and cue in hit.cue
        assert hit.suppressed is not None and "negated" in hit.suppressed


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Ze zegt dat ze niet vrij is.", "zegt"),
        ("Betrokkene verklaarde dat haar paspoort is afgepakt.", "verklaarde"),
        ("She said she was forced into prostitution.", "said"),
    ],
)
def test_reported_speech_is_a_hit_and_says_whose_words(text: str, verb: str) -> None:
    hits = [h for h in matcher().find(text) if h.counted]
    assert hits
    assert all(h.reported == verb for h in hits)


def test_every_hit_explains_itself() -> None:
    (hit,) = [h for h in matcher().find("Er is geen dwang.") if h.indicator == "COERCION_GENERAL"]
    explained = hit.explain()
    assert explained["indicator"] == "COERCION_GENERAL"
    assert explained["pattern"] == "dwang"
    assert explained["text"] == "dwang"
    assert explained["counted"] is False
    assert explained["suppressed"] == "negated by 'geen'"


def test_a_shorter_hit_inside_a_longer_one_is_explained_not_counted() -> None:
    hits = matcher().find("Zij werd gedwongen tot prostitutie.")
    inner = next(h for h in hits if h.indicator == "COERCION_GENERAL")
    assert not inner.counted
    assert inner.suppressed == "inside the longer hit of FORCED_PROSTITUTION"
