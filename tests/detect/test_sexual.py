"""Sexual exploitation indicators, Dutch and English."""

import pytest

from tests.detect.table import check

CASES = [
    ("FORCED_PROSTITUTION", "Betrokkene verklaarde dat zij klanten moet ontvangen.", True),
    ("FORCED_PROSTITUTION", "Zij werd gedwongen tot prostitutie door haar vriend.", True),
    ("FORCED_PROSTITUTION", "She was forced into prostitution after arriving.", True),
    ("FORCED_PROSTITUTION", "He made her see clients every night.", True),
    ("FORCED_PROSTITUTION", "Zij werkt zelfstandig als sekswerker met vergunning.", False),
    ("FORCED_PROSTITUTION", "She chose sex work herself and keeps her own earnings.", False),
    ("FORCED_SEX_ACTS", "Zij moest seks hebben met zijn vrienden.", True),
    ("FORCED_SEX_ACTS", "She had to have sex with men she did not know.", True),
    ("PIMP_CONTROL", "Haar pooier staat buiten te wachten.", True),
    ("PIMP_CONTROL", "Her pimp collects the money.", True),
    ("PIMP_CONTROL", "Geen pooier, geen bureau, alleen ik.", False),
    ("PIMP_CONTROL", "No pimp, independent lady.", False),
    ("EXCESSIVE_CLIENTS", "Zij moet 15 klanten per dag ontvangen.", True),
    ("EXCESSIVE_CLIENTS", "She sees 20 clients a day.", True),
    ("EXCESSIVE_CLIENTS", "Zij heeft 3 vaste klanten.", False),
    ("HOTEL_OR_PRIVATE_LOCATION", "Afspraken alleen in een hotelkamer.", True),
    ("HOTEL_OR_PRIVATE_LOCATION", "Outcall to hotels only.", True),
    ("SEX_WORK_SOON_AFTER_ARRIVAL", "Kort na aankomst in de prostitutie gezet.", True),
]


@pytest.mark.parametrize(("indicator", "text", "expected"), CASES)
def test_sexual_exploitation_indicators(indicator: str, text: str, expected: bool) -> None:
    check(indicator, text, expected)
