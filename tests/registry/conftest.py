"""Registry fixtures: a small chain of organisations and CSV files in the contract's format."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import factories
from zicht.domain import User
from zicht.store.db import Database

HEADER = (
    "ref,given_name,family_name,birth_date,sex,citizenship,municipality,form,year,consent,contact"
)


@dataclass
class Registry:
    clerk: User  # CoMensha, the national registry
    counsellor: User  # a help line
    avim: User  # the AVIM team of Amsterdam (RE05)
    avim_rdam: User  # the AVIM team of Rotterdam (RE07)
    researcher: User
    admin: User


@pytest.fixture
def registry(database: Database) -> Iterator[Registry]:
    from zicht.route.units import declare_unit

    with database.session() as s:
        people = Registry(
            clerk=factories.user(s, "clara", "CoMensha", "registry", "clerk"),
            counsellor=factories.user(s, "cor", "Fier", "helpline", "counsellor"),
            avim=factories.user(s, "ana", "Politie Amsterdam", "police", "analyst"),
            avim_rdam=factories.user(s, "olga", "Politie Rotterdam", "police", "analyst"),
            researcher=factories.user(s, "rita", "WODC", "research", "researcher"),
            admin=factories.user(s, "adm", "Beheer", "registry", "admin"),
        )
        declare_unit(s, people.admin, "Politie Amsterdam", "RE05")
        declare_unit(s, people.admin, "Politie Rotterdam", "RE07")
    yield people


def write_csv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def demo_files(directory: Path, seed: int, n: int) -> dict[str, Path]:
    """The demo generator's registrations as `<org>.csv`, plus the gold persons.csv."""
    import random

    from zicht.demo.registrations import COLUMNS, registrations

    regs = registrations(random.Random(f"{seed}:registrations"), n)
    (directory / "registrations").mkdir(parents=True, exist_ok=True)
    (directory / "gold").mkdir(exist_ok=True)
    by_org: dict[str, list[dict[str, str]]] = {}
    for r in regs:
        by_org.setdefault(r.org, []).append(r.row)
    files = {}
    for org, rows in by_org.items():
        files[org] = directory / "registrations" / f"{org}.csv"
        with files[org].open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    with (directory / "gold" / "persons.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["org", "ref", "person"])
        out.writerows([r.org, r.row["ref"], r.person] for r in regs)
    return files
