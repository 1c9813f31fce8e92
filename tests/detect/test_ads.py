"""Ad-specific cues (research on online sex ads), Dutch and English, including obfuscations."""

import pytest

from tests.detect.table import check, counted

CASES = [
    ("AD_NEW_IN_TOWN", "Nieuw in de stad, alleen deze week!", True),
    ("AD_NEW_IN_TOWN", "New in town, just visiting.", True),
    ("AD_NEW_IN_TOWN", "N.E.W I.N T.O.W.N", True),
    ("AD_NEW_IN_TOWN", "n e w  i n  t o w n", True),
    ("AD_NEW_IN_TOWN", "She is NOT new in town.", False),
    ("AD_NEW_IN_TOWN", "Ik ben niet nieuw in de stad, al jaren hier.", False),
    ("AD_YOUTH_CUES", "Net 18 en heel jong!", True),
    ("AD_YOUTH_CUES", "Barely legal teen.", True),
    ("AD_YOUTH_CUES", "Mature lady, 45, experienced.", False),
    ("AD_ALWAYS_AVAILABLE", "Bereikbaar 24/7.", True),
    ("AD_ALWAYS_AVAILABLE", "Available day and night.", True),
    ("AD_UNPROTECTED_SERVICES", "Alles kan, ook zonder condoom.", True),
    ("AD_UNPROTECTED_SERVICES", "BBFS available.", True),
    ("AD_UNPROTECTED_SERVICES", "Always safe, never without a condom.", False),
    ("AD_LOW_PRICE", "Halfuur €25.", True),
    ("AD_LOW_PRICE", "Halfuur 150 euro.", False),
    ("AD_THIRD_PARTY_CONTACT", "Bel mijn manager voor een afspraak.", True),
    ("AD_THIRD_PARTY_CONTACT", "Bookings via my driver only.", True),
    ("AD_THIRD_PERSON", "Onze meisjes ontvangen u graag.", True),
    ("AD_THIRD_PERSON", "This girl will make you happy.", True),
    ("AD_DISGUISED_PHONE", "Bel nul zes een twee drie vier vijf zes zeven acht.", True),
    ("AD_DISGUISED_PHONE", "Call zero six one two three four five six seven.", True),
    ("AD_DISGUISED_PHONE", "Bel 06-12345678.", False),
    ("AD_PROFESSIONAL_ASSURANCE", "100% echte foto's, discreet en veilig.", True),
    ("AD_LANGUAGE_BARRIER", "Alleen sms, spreekt weinig Nederlands.", True),
    ("AD_TOURING", "Deze week in Utrecht, volgende week in Breda.", True),
]


@pytest.mark.parametrize(("indicator", "text", "expected"), CASES)
def test_ad_cues(indicator: str, text: str, expected: bool) -> None:
    check(indicator, text, expected)


def test_nationality_alone_is_never_counted() -> None:
    assert "AD_NATIONALITY_EMPHASIS" not in counted("Mooie Roemeense dame, discreet.")
    assert "AD_NATIONALITY_EMPHASIS" not in counted("Beautiful Thai lady.")


def test_nationality_counts_beside_another_indicator() -> None:
    found = counted("Jong Roemeens meisje, net 18, bel mijn manager.")
    assert "AD_NATIONALITY_EMPHASIS" not in found  # 'Roemeens' is not in the list; 'Roemeense' is
    found = counted("Roemeense meid, net 18, bel mijn manager.")
    assert {"AD_NATIONALITY_EMPHASIS", "AD_YOUTH_CUES", "AD_THIRD_PARTY_CONTACT"} <= found


@pytest.mark.parametrize(
    "text", ["L0V3RB0Y", "l.o.v.e.r.b.o.y", "LoVeRbOy", "lóverboy", "l o v e r b o y"]
)
def test_obfuscations_of_one_word(text: str) -> None:
    assert "LOVERBOY" in counted(f"Zij heeft een {text} volgens haar moeder.")
