"""Cross-cutting coercion indicators (Aanwijzing mensenhandel annex 3, ILO), Dutch and English."""

import pytest

from tests.detect.table import check

CASES = [
    ("RETAINED_ID_DOCUMENTS", "De baas heeft haar paspoort afgepakt.", True),
    ("RETAINED_ID_DOCUMENTS", "Hun paspoorten zijn ingenomen bij aankomst.", True),
    ("RETAINED_ID_DOCUMENTS", "The employer kept his passport in a safe.", True),
    ("RETAINED_ID_DOCUMENTS", "Zij toonde haar eigen paspoort aan de agent.", False),
    ("RETAINED_ID_DOCUMENTS", "Nobody took her passport; she showed it herself.", False),
    ("RESTRICTED_MOVEMENT", "Ze zegt dat ze niet vrij is.", True),
    ("RESTRICTED_MOVEMENT", "Hij vertelde dat hij niet weg mag van de boerderij.", True),
    ("RESTRICTED_MOVEMENT", "She is not allowed to leave the flat.", True),
    ("RESTRICTED_MOVEMENT", "Ze mag gaan en staan waar ze wil.", False),
    ("RESTRICTED_MOVEMENT", "He goes out whenever he likes.", False),
    ("DEBT_BONDAGE", "Zij moet eerst de reiskosten terugbetalen aan de baas.", True),
    ("DEBT_BONDAGE", "He has to work off the debt for his journey.", True),
    ("DEBT_BONDAGE", "Hij heeft een studieschuld bij DUO.", False),
    ("EARNINGS_HANDED_OVER", "Zij moet al het geld afgeven aan haar vriend.", True),
    ("EARNINGS_HANDED_OVER", "She hands over all her money every night.", True),
    ("EARNINGS_HANDED_OVER", "Zij houdt haar verdiensten zelf.", False),
    ("THREATS_INTIMIDATION", "Hij werd bedreigd toen hij wilde stoppen.", True),
    ("THREATS_INTIMIDATION", "She was threatened with a knife.", True),
    ("THREATS_INTIMIDATION", "Zij is niet bedreigd.", False),
    ("THREAT_TO_FAMILY", "Ze dreigen haar familie iets aan te doen.", True),
    ("THREAT_TO_FAMILY", "They threatened her family back home.", True),
    ("PHYSICAL_VIOLENCE", "Zij had blauwe plekken op haar armen.", True),
    ("PHYSICAL_VIOLENCE", "He was beaten by the foreman.", True),
    ("PHYSICAL_VIOLENCE", "Er zijn geen sporen van geweld aangetroffen.", False),
    ("UNKNOWN_ADDRESS", "Zij weet haar adres niet.", True),
    ("UNKNOWN_ADDRESS", "He does not know where he lives.", True),
    ("ISOLATION", "Ze heeft geen contact met haar familie.", True),
    ("ISOLATION", "They took her phone on the first day.", True),
    ("DECEPTION_FALSE_PROMISES", "Zij is met valse beloften naar Nederland gehaald.", True),
    ("DECEPTION_FALSE_PROMISES", "He was promised a job as a chef.", True),
    ("ORGAN_REMOVAL", "Hij moest een nier afstaan om zijn schuld te betalen.", True),
    ("ORGAN_REMOVAL", "They pressured him to sell a kidney.", True),
    ("COERCION_GENERAL", "Ze werd gedwongen om te blijven.", True),
    ("COERCION_GENERAL", "Er is geen sprake van dwang.", False),
    ("BRANDING_VOODOO", "Zij moest in Nigeria een voodoo-eed afleggen.", True),
    ("MEDICAL_CARE_WITHHELD", "She was not allowed to see a doctor.", True),
    ("GUARDED_PREMISES", "Er hangen camera's binnen om de meisjes in de gaten te houden.", True),
    ("GUARDED_PREMISES", "De bank heeft een bodyguard bij de ingang.", False),
]


@pytest.mark.parametrize(("indicator", "text", "expected"), CASES)
def test_general_indicators(indicator: str, text: str, expected: bool) -> None:
    check(indicator, text, expected)
