"""Name normal forms both linkage methods compare."""

from __future__ import annotations

import pytest

from zicht.link.persons.blocking import name_signature
from zicht.link.persons.normalise import name_key
from zicht.link.persons.records import PersonRecord


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Van den Berg", "berg"),
        ("Berg, van den", "berg"),
        ("vd Berg", "berg"),
        ("van denBerg", "berg"),
        ("deVries", "vries"),
        ("VAN DER LINDEN", "linden"),
        ("Ștefania", "stefania"),
        ("Małgorzata", "malgorzata"),
        ("Thị Lan", "thi lan"),
        ("Đức", "duc"),
        ("", ""),
    ],
)
def test_name_keys(written: str, key: str) -> None:
    assert name_key(written) == key


def test_a_swapped_name_has_the_same_signature() -> None:
    a = PersonRecord("a", "1", "Anna", "de Vries", "", "F", "NLD")
    b = PersonRecord("b", "2", "VRIES", "Anna", "", "F", "NLD")
    assert name_signature(a) == name_signature(b) == "ann vri"


def test_the_engines_are_imported_only_when_a_run_asks_for_them() -> None:
    import subprocess
    import sys

    code = (
        "import sys, zicht.link.persons, zicht.registry.linkage, zicht.commands.registry;"
        "loaded = [m for m in ('splink', 'pyspark', 'duckdb') if m in sys.modules];"
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
