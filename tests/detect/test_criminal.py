"""Criminal exploitation indicators (Aanwijzing 2013, money mules, forced crime), nl and en."""

import pytest

from tests.detect.table import check

CASES = [
    ("MONEY_MULE", "Verdachte heeft zijn bankpas uitgeleend aan een onbekende.", True),
    ("MONEY_MULE", "She acted as a money mule for a fraud network.", True),
    ("MONEY_MULE", "Hij heeft zijn bankpas verloren.", False),
    ("DRUG_COURIER_UNDER_ORDERS", "De jongen was drugskoerier voor een oudere man.", True),
    ("DRUG_COURIER_UNDER_ORDERS", "He was forced to carry drugs across the country.", True),
    ("FORCED_THEFT", "Zij moest stelen in de winkels in het centrum.", True),
    ("FORCED_THEFT", "The kids were sent to steal from supermarkets.", True),
    ("FORCED_THEFT", "Hij heeft een fiets gestolen.", False),
    ("FORCED_BEGGING", "De kinderen moesten bedelen bij het station.", True),
    ("FORCED_BEGGING", "She was forced to beg outside the church.", True),
    ("STREET_DEBT", "Hij heeft een straatschuld bij een groep jongens.", True),
    ("STREET_DEBT", "He has a drug debt with a dealer.", True),
    ("FORCED_CONTRACTS_OR_LOANS", "Zij moest telefoonabonnementen afsluiten.", True),
    ("FORCED_CONTRACTS_OR_LOANS", "There are three loans in her name.", True),
    ("SEXTORTION", "Hij dreigt met naaktfoto's als zij niet betaalt.", True),
    ("SEXTORTION", "He threatened to share her nudes online.", True),
    ("OFFENCE_ON_INSTRUCTION", "De inbraak werd gepleegd in opdracht van een oudere man.", True),
    ("OFFENCE_ON_INSTRUCTION", "He did it on the orders of his cousin.", True),
]


@pytest.mark.parametrize(("indicator", "text", "expected"), CASES)
def test_criminal_exploitation_indicators(indicator: str, text: str, expected: bool) -> None:
    check(indicator, text, expected)
