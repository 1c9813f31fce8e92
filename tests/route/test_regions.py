"""Municipality names, aliases and codes resolve to one police unit, or fail clearly."""

from __future__ import annotations

import pytest

from zicht.errors import InvalidInput
from zicht.route.regions import municipalities, resolve, units


def test_the_reference_file_has_every_municipality_and_unit() -> None:
    assert len(municipalities()) == 342
    assert sorted(units()) == [f"RE{n:02d}" for n in range(1, 11)]


@pytest.mark.parametrize(
    ("written", "name", "unit"),
    [
        ("Amsterdam", "Amsterdam", "RE05"),
        ("amsterdam ", "Amsterdam", "RE05"),
        ("'s-Gravenhage", "'s-Gravenhage", "RE06"),
        ("Den Haag", "'s-Gravenhage", "RE06"),
        ("s-Gravenhage", "'s-Gravenhage", "RE06"),
        ("GM0518", "'s-Gravenhage", "RE06"),
        ("Den Bosch", "'s-Hertogenbosch", "RE09"),
        ("Sudwest-Fryslan", "Súdwest-Fryslân", "RE01"),
        ("Middelburg", "Middelburg (Z.)", "RE08"),
        ("Hengelo", "Hengelo (O.)", "RE02"),
        ("Bergen (NH.)", "Bergen (NH.)", "RE04"),
        ("Rotterdam", "Rotterdam", "RE07"),
    ],
)
def test_names_aliases_and_codes_resolve(written: str, name: str, unit: str) -> None:
    found = resolve(written)
    assert (found.name, found.unit_code) == (name, unit)


def test_an_ambiguous_name_lists_the_candidates() -> None:
    with pytest.raises(InvalidInput, match=r"ambiguous.*Bergen \(NH\.\).*Bergen \(L\.\)"):
        resolve("Bergen")


@pytest.mark.parametrize(
    ("typo", "suggested"),
    [("Amsterdm", "Amsterdam"), ("Rotterdan", "Rotterdam"), ("Gravenhaag", "'s-Gravenhage")],
)
def test_an_unknown_name_lists_close_matches(typo: str, suggested: str) -> None:
    with pytest.raises(InvalidInput, match="unknown municipality") as caught:
        resolve(typo)
    assert suggested in caught.value.message


def test_nonsense_gets_no_suggestions_and_empty_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"^unknown municipality 'xyzzy'$"):
        resolve("xyzzy")
    with pytest.raises(InvalidInput, match="no municipality"):
        resolve("  ")
