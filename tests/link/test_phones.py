"""Phone numbers: obfuscated forms in, E.164 out, with spans; and no numbers out of prose."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zicht.link.identifiers import extract_text, find_phones, normalise_phone

POSITIVE = [
    ("bel 0612345678", "+31612345678", "0612345678"),
    ("06-12 34 56 78 na 20u", "+31612345678", "06-12 34 56 78"),
    ("tel: 06 - 1234 5678", "+31612345678", "06 - 1234 5678"),
    ("(06)12345678", "+31612345678", "06)12345678"),
    ("Bel o6 1two3 45 67 8", "+31612345678", "o6 1two3 45 67 8"),
    ("O6-l2345678", "+31612345678", "O6-l2345678"),
    ("nul zes een twee drie vier vijf zes zeven acht", "+31612345678",
     "nul zes een twee drie vier vijf zes zeven acht"),
    ("zero six one two three four five six seven eight", "+31612345678",
     "zero six one two three four five six seven eight"),
    ("NUL ZES één twee 3 4 5 6 7 8", "+31612345678", "NUL ZES één twee 3 4 5 6 7 8"),
    ("0 6 1 2 3 4 5 6 7 8", "+31612345678", "0 6 1 2 3 4 5 6 7 8"),
    ("0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣ bellen", "+31612345678", "0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣"),
    ("０６１２３４５６７８", "+31612345678", "０６１２３４５６７８"),
    ("𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖 xx", "+31612345678", "𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖"),
    ("+31 6 1234 5678", "+31612345678", "+31 6 1234 5678"),
    ("0031 6 12345678", "+31612345678", "0031 6 12345678"),
    ("31612345678", "+31612345678", "31612345678"),
    ("call +32 470 12 34 56 now", "+32470123456", "+32 470 12 34 56"),
    ("+40 721 234 567", "+40721234567", "+40 721 234 567"),
    ("vast 020-1234567", "+31201234567", "020-1234567"),
    ("I 0612345678", "+31612345678", "0612345678"),
]  # fmt: skip

NEGATIVE = [
    "prijs 150 euro, 2 uur 250, half uur 100",
    "12-05-2024 om 10:30 tot 23:00",
    "postcode 1012 AB Amsterdam, huisnummer 12",
    "ik ben een lieve meid van 23, een twee drie ik kom eraan",
    "one two three four, I love you more",
    "lengte 1.68 m, maat 36, cup 75B",
    "IBAN NL91ABNA0417164300",
    "order 123456789012345678",
]


@pytest.mark.parametrize(("text", "e164", "span"), POSITIVE)
def test_obfuscated_numbers_are_found_with_their_span(text: str, e164: str, span: str) -> None:
    found = find_phones(text)
    assert [m.e164 for m in found] == [e164]
    assert text[found[0].start : found[0].end] == span


@pytest.mark.parametrize("text", NEGATIVE)
def test_prose_numbers_are_not_phones(text: str) -> None:
    assert find_phones(text) == []


def test_two_numbers_in_one_run_are_split() -> None:
    found = find_phones("06-12 34 56 78 / 06 87654321")
    assert [m.e164 for m in found] == ["+31612345678", "+31687654321"]


def test_normalise_phone_of_a_field_value() -> None:
    assert normalise_phone("06-12 34 56 78") == "+31612345678"
    assert normalise_phone("not a number") is None


def test_whatsapp_link_is_a_phone_and_a_handle() -> None:
    kinds = {(x.kind, x.value) for x in extract_text("app wa.me/31612345678")}
    assert ("phone", "+31612345678") in kinds
    assert ("handle", "whatsapp:+31612345678") in kinds


# -- property: an obfuscated rendering of a valid Dutch mobile number reads back ------------

DUTCH = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
ENGLISH = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _render_digit(d: int, style: int) -> str:
    if style == 0:
        return str(d)
    if style == 1:
        return DUTCH[d]
    if style == 2:
        return ENGLISH[d]
    if style == 3:
        return f"{d}\ufe0f\u20e3"
    if style == 4:
        return chr(0xFF10 + d)  # fullwidth
    if style == 5:
        return chr(0x1D7CE + d)  # mathematical bold
    if style == 6 and d == 0:
        return "o"
    if style == 7 and d == 1:
        return "l"
    if style == 8 and d == 0:
        return "O"
    if style == 9 and d == 1:
        return "I"
    return str(d)


mobiles = st.builds(
    lambda third, rest: "06" + str(third) + "".join(map(str, rest)),
    st.integers(1, 5),
    st.lists(st.integers(0, 9), min_size=7, max_size=7),
)


@st.composite
def renderings(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(mobiles)
    styles = draw(st.lists(st.integers(0, 9), min_size=10, max_size=10))
    # Look-alike letters may stand for only a few digits: at least 7 must be real digit forms.
    lookalike = [i for i, s in enumerate(styles) if s >= 6]
    for i in lookalike[3:]:
        styles[i] = 0
    pieces = [_render_digit(int(d), s) for d, s in zip(number, styles, strict=True)]
    seps = draw(st.lists(st.sampled_from(["", " ", "-", ".", " - ", "  "]), min_size=9, max_size=9))
    text = pieces[0]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        if not sep and (text[-1].isalpha() or piece[0].isalpha()):
            sep = " "  # letters glued to letters would make a new word
        text += sep + piece
    prefix = draw(st.sampled_from(["", "Bel ", "tel: ", "Whatsapp me op ", "📞 "]))
    suffix = draw(st.sampled_from(["", " na 20u", "!", ". Kusjes"]))
    return number, prefix + text + suffix


@given(renderings())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_obfuscated_rendering_normalises_back(case: tuple[str, str]) -> None:
    number, text = case
    expected = phonenumbers.format_number(
        phonenumbers.parse(number, "NL"), phonenumbers.PhoneNumberFormat.E164
    )
    assert phonenumbers.is_valid_number(phonenumbers.parse(number, "NL"))
    assert [m.e164 for m in find_phones(text)] == [expected], text


# -- false positives: measured on random text and on random realistic prose -----------------

PROSE = [
    "ik ben een lieve meid van {age} jaar , {price} euro per uur , half uur {half}",
    "kom langs op {date} vanaf {time}",
    "lengte {len} , maat {size}",
    "postcode {pc}",
    "one two three , een twee drie , ik heb {n} foto's",
    "tot {time} , {n} kusjes",
    "sinds {year} actief , {n} reviews , kamer {room} , bus {bus} , I love it",
]


def random_prose(rng: random.Random) -> str:
    parts = rng.sample(PROSE, k=rng.randint(1, len(PROSE)))
    text = " . ".join(parts)
    return text.format(
        age=rng.randint(18, 45), price=rng.choice([100, 150, 200, 250]), half=rng.randint(50, 120),
        date=f"{rng.randint(1, 28)}-{rng.randint(1, 12)}-{rng.randint(2020, 2027)}",
        time=f"{rng.randint(0, 23)}:{rng.randint(0, 59):02d}", len=f"1.{rng.randint(50, 85)}",
        size=rng.randint(32, 44), pc=f"{rng.randint(1000, 9999)} {rng.choice(['AB', 'XK'])}",
        n=rng.randint(1, 99), year=rng.randint(2000, 2026), room=rng.randint(1, 400),
        bus=rng.randint(1, 999),
    )  # fmt: skip


def test_false_number_rate_on_realistic_prose() -> None:
    rng = random.Random(20261123)
    texts = [random_prose(rng) for _ in range(5000)]
    false = sum(bool(find_phones(t)) for t in texts)
    print(f"false numbers: {false}/{len(texts)} realistic prose texts")
    assert false / len(texts) < 0.001


FALSE_SEEN: list[int] = []


@given(st.text(max_size=200))
@settings(max_examples=1000, deadline=None)
def test_false_number_rate_on_random_text(text: str) -> None:
    FALSE_SEEN.append(len(find_phones(text)))
    assert len(find_phones(text)) <= 1  # hypothesis text almost never holds a valid number


@given(st.text(alphabet="0123456789 -./()+onetwozesnul", max_size=60))
@settings(max_examples=500, deadline=None)
def test_digit_soup_never_crashes_and_spans_are_inside(text: str) -> None:
    for match in find_phones(text):
        assert 0 <= match.start < match.end <= len(text)
        assert match.e164.startswith("+")


# -- fast paths read exactly what the full readers read -------------------------------------


@given(st.text(alphabet="0123456789+ \t\n-./()[]_,:;|~*", max_size=40))
@settings(max_examples=300, deadline=None)
def test_plain_digit_windows_skip_the_tokeniser_with_the_same_symbols(text: str) -> None:
    from zicht.link.identifiers.digits import _plain_symbols, _token_symbols

    assert _plain_symbols(text, 0, len(text)) == _token_symbols(text, 0, len(text))


@given(st.lists(st.sampled_from(["bel", "Nora", "een", "twee", "o", "06", "-", "12", "345",
                                 "geen", "6789", "+31", "(31)", "zes", "x1", "nul", "/"]),
                max_size=30))  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_candidate_windows_do_not_depend_on_the_words_seen_before(words: list[str]) -> None:
    from zicht.link.identifiers import digits

    text = " ".join(words)
    warm = digits.candidate_windows(text)
    saved = set(digits._PLAIN_WORDS)
    digits._PLAIN_WORDS.clear()
    try:
        assert digits.candidate_windows(text) == warm
    finally:
        digits._PLAIN_WORDS.update(saved)
