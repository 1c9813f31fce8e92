"""Minors and 'loverboy' grooming indicators (regional signal lists), Dutch and English."""

import pytest

from tests.detect.table import check

CASES = [
    ("LOVERBOY", "Moeder vermoedt dat haar dochter in handen is van een loverboy.", True),
    ("LOVERBOY", "The school suspects a loverboy is grooming her.", True),
    ("LOVERBOY", "Zij heeft een lieve nieuwe vriend van school.", False),
    ("MINOR_INVOLVED", "Het betreft een 15-jarige uit Almere.", True),
    ("MINOR_INVOLVED", "The girl is 16 years old.", True),
    ("MINOR_INVOLVED", "Betrokkene is minderjarig.", True),
    ("MINOR_INVOLVED", "De man is 45 jaar oud.", False),
    ("OLDER_PARTNER", "Zij heeft een veel oudere vriend met een dure auto.", True),
    ("OLDER_PARTNER", "She is seeing an older boyfriend.", True),
    ("GIFTS_AND_SUDDEN_MONEY", "Ze heeft ineens dure kleding en veel geld.", True),
    ("GIFTS_AND_SUDDEN_MONEY", "He gives her expensive gifts.", True),
    ("SCHOOL_ABSENCE", "Het meisje spijbelt vaak op maandag.", True),
    ("SCHOOL_ABSENCE", "She has been skipping school.", True),
    ("PICKED_UP_BY_OTHERS", "Zij wordt opgewacht na school door oudere jongens.", True),
    ("RUNAWAY", "Het meisje is weggelopen uit de instelling.", True),
    ("RUNAWAY", "She ran away from her foster home.", True),
    ("NUDES_REQUESTED", "Hij vroeg om naaktfoto's via Snapchat.", True),
    ("NUDES_REQUESTED", "He asked for nudes on Instagram.", True),
]


@pytest.mark.parametrize(("indicator", "text", "expected"), CASES)
def test_minors_and_grooming_indicators(indicator: str, text: str, expected: bool) -> None:
    check(indicator, text, expected)
