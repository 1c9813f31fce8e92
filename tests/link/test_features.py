"""Per-ad features: the fast third-person check agrees with the case-folding pattern."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zicht.link.features import THIRD_PERSON, third_person

PIECES = ["zij is", "ZE HEEFT", "Onze Meiden", "she's", "Book Her", "this girl", "haar naam",
          "lisa", "is", "ze", " ", ".", "İ", "ſhe is", "ẞ", "é"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_fast_check_equals_the_case_folding_pattern(text: str) -> None:
    assert third_person(text) == (THIRD_PERSON.search(text) is not None)


def test_examples() -> None:
    assert third_person("Onze nieuwe dame Lisa is er")
    assert third_person("SHE IS NEW IN TOWN")
    assert not third_person("Hoi ik ben Lisa, nieuw in Utrecht")
