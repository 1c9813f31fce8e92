"""Labour exploitation indicators (Labour Inspectorate signals, ILO), Dutch and English."""

import pytest

from tests.detect.table import check

CASES = [
    ("EXCESSIVE_HOURS", "De mannen werken 14 uur per dag in de kassen.", True),
    ("EXCESSIVE_HOURS", "Zij werkt zeven dagen per week zonder pauze.", True),
    ("EXCESSIVE_HOURS", "They work 16 hours a day and have no day off.", True),
    ("EXCESSIVE_HOURS", "Hij werkt 8 uur per dag, vijf dagen per week.", False),
    ("EXCESSIVE_HOURS", "She works 6 hours a day.", False),
    ("UNDERPAYMENT", "Hij krijgt 3 euro per uur.", True),
    ("UNDERPAYMENT", "They are paid below minimum wage.", True),
    ("UNDERPAYMENT", "Hij krijgt 15 euro per uur.", False),
    ("WAGES_WITHHELD", "Het loon is al maanden niet uitbetaald.", True),
    ("WAGES_WITHHELD", "The workers have not been paid since June.", True),
    ("WAGES_WITHHELD", "Het loon wordt elke maand op tijd uitbetaald.", False),
    ("BANK_CARD_HELD_BY_EMPLOYER", "De werkgever heeft zijn bankpas ingenomen.", True),
    ("BANK_CARD_HELD_BY_EMPLOYER", "The boss has her bank card.", True),
    ("DANGEROUS_WORK", "Ze werken met chemicalien zonder beschermingsmiddelen.", True),
    ("DANGEROUS_WORK", "They do dangerous work on the roofs.", True),
    ("SUBSTANDARD_HOUSING", "Zij slapen met tien man in een kamer op stapelbedden.", True),
    ("SUBSTANDARD_HOUSING", "The house is overcrowded.", True),
    ("DEDUCTIONS_FROM_WAGES", "De huur wordt ingehouden op het loon.", True),
    ("DEDUCTIONS_FROM_WAGES", "Rent is deducted from their wages.", True),
    ("RECRUITMENT_FEE", "Hij moest bemiddelingskosten betalen aan een bureau.", True),
    ("RECRUITMENT_FEE", "She paid a recruitment fee of 2000 euro.", True),
    ("UNKNOWN_WORKPLACE", "Hij weet niet waar hij werkt.", True),
    ("PRESSURED_TO_KEEP_WORKING", "She is not allowed to quit.", True),
    ("UNDECLARED_UNINSURED", "Hij wordt zwart betaald.", True),
]


@pytest.mark.parametrize(("indicator", "text", "expected"), CASES)
def test_labour_exploitation_indicators(indicator: str, text: str, expected: bool) -> None:
    check(indicator, text, expected)
