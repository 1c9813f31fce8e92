"""`zicht persons link|count` on the demo world's registrations, and retention."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests import factories
from tests.registry.conftest import demo_files
from zicht.cli import main
from zicht.link.persons import pairwise
from zicht.privacy import retention
from zicht.registry.parse import parse_csv
from zicht.registry.service import import_registrations
from zicht.route import referrals
from zicht.route.units import declare_unit
from zicht.store.db import Database, utcnow
from zicht.store.tables import ReferralEventRow, ReferralRow, RegistrationRow

ORG_KIND = {
    "politie": ("police", "analyst"),
    "arbeidsinspectie": ("inspectorate", "inspector"),
    "hulplijn": ("helpline", "counsellor"),
    "gemeente-rotterdam": ("municipality", "inspector"),
    "comensha": ("registry", "clerk"),
}


def test_the_demo_world_links_into_persons_counted_once(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = demo_files(tmp_path, seed=11, n=300)
    with database.session() as s:
        for org, (kind, role) in ORG_KIND.items():
            factories.user(s, f"u-{org}", org, kind, role)
        factories.user(s, "adm", "Beheer", "registry", "admin")
    for org, path in files.items():
        assert main(["import", "registrations", str(path), "--as", f"u-{org}"]) == 0
    capsys.readouterr()
    assert main(["persons", "link"]) == 0
    linked = json.loads(capsys.readouterr().out)
    assert linked["registrations"] == 300
    out = tmp_path / "persons.csv"
    assert main(["export", "persons", "-o", str(out), "--as", "adm"]) == 0
    with out.open(encoding="utf-8") as handle:
        found = {f"{r['org']}\x1f{r['ref']}": r["person"] for r in csv.DictReader(handle)}
    with (tmp_path / "gold" / "persons.csv").open(encoding="utf-8") as handle:
        gold = {f"{r['org']}\x1f{r['ref']}": r["person"] for r in csv.DictReader(handle)}
    assert len(found) == 300
    scores = pairwise(found, gold)
    assert scores.f1 >= 0.9, scores
    capsys.readouterr()
    assert main(["persons", "count", "--year", "2025"]) == 0
    counted = json.loads(capsys.readouterr().out)
    with database.session() as s:
        in_year = s.scalar(
            select(func.count()).select_from(RegistrationRow).where(RegistrationRow.year == 2025)
        )
    assert counted["registrations"] == in_year
    assert 0 < counted["persons"] < in_year


def test_expired_registrations_and_their_referrals_are_deleted(database: Database) -> None:
    header = (
        "ref,given_name,family_name,birth_date,sex,citizenship,municipality,form,year,consent\n"
    )
    now = utcnow()
    with database.session() as s:
        clerk = factories.user(s, "clara", "CoMensha", "registry", "clerk")
        admin = factories.user(s, "adm", "Beheer", "registry", "admin")
        factories.user(s, "ana", "Politie Amsterdam", "police", "analyst")
        declare_unit(s, admin, "Politie Amsterdam", "RE05")
        [old] = import_registrations(
            s,
            clerk,
            parse_csv(header + "A,Anna,Bos,,F,NLD,Amsterdam,sexual,2025,referral\n"),
            retention_days=30,
            now=now - timedelta(days=31),
        )
        [young] = import_registrations(
            s,
            clerk,
            parse_csv(header + "B,Bea,Bos,,F,NLD,Amsterdam,sexual,2025,referral\n"),
            retention_days=30,
        )
        referrals.send(s, clerk, old)
    with database.session() as s:
        counts = retention.run(s, actor="test")
    assert counts["registrations"] == 1
    with database.session() as s:
        assert [r.id for r in s.scalars(select(RegistrationRow))] == [young]
        assert s.scalar(select(func.count()).select_from(ReferralRow)) == 0
        assert s.scalar(select(func.count()).select_from(ReferralEventRow)) == 0
