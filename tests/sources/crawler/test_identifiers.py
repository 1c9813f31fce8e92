"""Identifier extraction: the ways advertisers write a number, and redaction of all of them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zicht.demo import phones as demo_phones
from zicht.sources.crawler import identifiers

NUMBER = "+31612345678"


@pytest.mark.parametrize(
    "text",
    [
        "bel 06-12345678 nu",
        "Bel +31 6 12 34 56 78!",
        "0031 6 12345678",
        "(06) 12345678",
        "nul zes een twee drie vier vijf zes zeven acht",
        "zero six one two three four five six seven eight",
        "0\ufe0f\u20e36\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e34\ufe0f\u20e3"
        "5\ufe0f\u20e36\ufe0f\u20e37\ufe0f\u20e38\ufe0f\u20e3",
        "o6 l2345678",
        "0 6 1 2 3 4 5 6 7 8",
    ],
)
def test_phone_written_any_way_is_one_e164_number(text: str) -> None:
    assert identifiers.phones(text) == [NUMBER]
    assert "[phone]" in identifiers.redact(text)
    assert identifiers.phones(identifiers.redact(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "een leuke meid van 25 jaar",
        "prijs 150 euro per uur",
        "geplaatst 2026-11-23",
        "postcode 1012AB",
    ],
)
def test_no_phone_where_there_is_none(text: str) -> None:
    assert identifiers.phones(text) == []
    assert identifiers.redact(text) == text


def test_emails_handles_age_prices() -> None:
    text = (
        "Mail Lisa@Example.com. tg: @Lisa_x, Snap: lisa.k 25 jaar, €150 per uur, 80 euro half uur"
    )
    assert identifiers.emails(text) == ["lisa@example.com"]
    assert identifiers.handles(text) == ["telegram:lisa_x", "snapchat:lisa.k"]
    assert identifiers.age(text) == 25
    assert identifiers.prices(text) == [150, 80]
    redacted = identifiers.redact(text)
    assert "lisa" not in redacted.lower()


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_every_obfuscation_of_the_demo_world_is_recovered(seed: int) -> None:
    import random

    rng = random.Random(seed)
    number = demo_phones.mobile(rng)
    written = demo_phones.obfuscated(rng, number)
    expected = "+31" + number[1:]
    assert expected in identifiers.phones(f"Bel me: {written} groetjes"), written
    assert expected not in identifiers.phones(identifiers.redact(f"Bel me: {written} groetjes"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    identifiers.phones(text)
    identifiers.redact(text)
    identifiers.handles(text)
