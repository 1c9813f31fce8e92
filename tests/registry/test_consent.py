"""Consent levels hold on every route: a counted-only name never reaches another organisation.

Routes: the service reads the web layer calls (get, list), referrals, the persons
export, person linkage, the audit log, and log output (captured at DEBUG).
"""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.registry.conftest import Registry, write_csv
from zicht.cli import main
from zicht.domain import User
from zicht.errors import NotFound, Unlawful
from zicht.registry.service import get_registration, list_registrations
from zicht.route import referrals
from zicht.store.db import Database
from zicht.store.tables import AuditRow, RegistrationRow

COUNTED = ("Zoltánka", "Verborgenheid", "1993-03-07")
SIGNAL = ("Signalia", "Naamloos", "1994-04-08")
REFERRAL = ("Referra", "Doorverwezen", "1995-05-09")


def _rows() -> list[str]:
    return [
        f"C-1,{COUNTED[0]},{COUNTED[1]},{COUNTED[2]},F,HUN,Amsterdam,sexual,2025,counted,06-111",
        f"S-1,{SIGNAL[0]},{SIGNAL[1]},{SIGNAL[2]},F,NGA,Amsterdam,sexual,2025,signal,06-222",
        f"R-1,{REFERRAL[0]},{REFERRAL[1]},{REFERRAL[2]},F,ROU,Amsterdam,labour,2025,referral,"
        "06-333",
    ]


def _everything_seen(database: Database, user: User, ids: list[int], tmp: Path) -> str:
    """All a user of another organisation can obtain through the routes we build, as text."""
    seen: list[str] = []
    with database.session() as s:
        seen.append(json.dumps(list_registrations(s, user), default=str))
        seen.append(json.dumps([v.as_dict() for v in referrals.referrals_for(s, user)]))
    for rid in ids:
        try:
            with database.session() as s:
                seen.append(json.dumps(get_registration(s, user, rid), default=str))
        except NotFound as exc:
            seen.append(exc.message)
    out = tmp / f"{user.username}.csv"
    assert main(["export", "persons", "-o", str(out), "--as", user.username]) == 0
    seen.append(out.read_text(encoding="utf-8"))
    return "\n".join(seen)


def test_counted_only_names_never_leave_the_organisation(
    database: Database,
    registry: Registry,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    path = write_csv(tmp_path / "r.csv", _rows())
    assert main(["import", "registrations", str(path), "--as", "clara"]) == 0
    with database.session() as s:
        ids = list(s.scalars(select(RegistrationRow.id).order_by(RegistrationRow.ref)))
        by_ref = dict(s.execute(select(RegistrationRow.ref, RegistrationRow.id)).all())
    with database.session() as s:
        referrals.send(s, registry.clerk, by_ref["S-1"])  # -> Politie Amsterdam
        referrals.send(s, registry.clerk, by_ref["R-1"])
    with pytest.raises(Unlawful), database.session() as s:
        referrals.send(s, registry.clerk, by_ref["C-1"])
    assert main(["persons", "link"]) == 0
    assert main(["persons", "count", "--year", "2025"]) == 0

    # The owner sees everything, of course.
    with database.session() as s:
        own = json.dumps(list_registrations(s, registry.clerk))
    assert COUNTED[1] in own and SIGNAL[1] in own

    others = [
        registry.avim,
        registry.avim_rdam,
        registry.counsellor,
        registry.researcher,
        registry.admin,
    ]
    for user in others:
        text = _everything_seen(database, user, ids, tmp_path)
        for secret in (*COUNTED, "06-111", *SIGNAL, "06-222"):
            assert secret not in text, (user.username, secret)
        # Identity travels with a referral, and only to the organisation it went to.
        assert (REFERRAL[1] in text) is (user is registry.avim), user.username
        assert ("06-333" in text) is (user is registry.avim), user.username

    # The recipient of the anonymous signal sees the signal, without identity.
    with database.session() as s:
        signal = get_registration(s, registry.avim, by_ref["S-1"])
    assert signal["form"] == "sexual" and "given_name" not in signal and "ref" not in signal

    # Nothing in the logs or the console, nothing in the audit log.
    printed = capsys.readouterr()
    logged = caplog.text + printed.out + printed.err
    with database.session() as s:
        trail = json.dumps([(a.action, a.detail) for a in s.scalars(select(AuditRow))])
    for secret in (*COUNTED, *SIGNAL, *REFERRAL):
        assert secret not in logged, secret
        assert secret not in trail, secret


def test_linkage_reads_only_keys_of_registrations_without_referral_consent(
    database: Database, registry: Registry, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", _rows())
    assert main(["import", "registrations", str(path), "--as", "clara"]) == 0
    # The same counted-only person registered by the help line: linked by keys alone.
    other = write_csv(
        tmp_path / "h.csv",
        [
            f"H-9,{COUNTED[0].upper()},{COUNTED[1]},{COUNTED[2]},F,HUN,Amsterdam,sexual,2025,"
            "counted,"
        ],
    )
    assert main(["import", "registrations", str(other), "--as", "cor"]) == 0
    assert main(["persons", "link"]) == 0
    with database.session() as s:
        rows = {r.ref: r for r in s.scalars(select(RegistrationRow))}
        reads = {
            a.record_id: a.detail["read"]
            for a in s.scalars(select(AuditRow).where(AuditRow.action == "link.read"))
        }
    assert rows["C-1"].person_id == rows["H-9"].person_id
    assert rows["C-1"].person_id != rows["S-1"].person_id
    assert reads[str(rows["C-1"].id)] == "linkage_key"
    assert reads[str(rows["H-9"].id)] == "linkage_key"
    assert reads[str(rows["R-1"].id)] == "identity"


def test_another_organisations_registration_is_refused_and_audited(
    database: Database, registry: Registry, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", _rows())
    assert main(["import", "registrations", str(path), "--as", "cor"]) == 0
    with database.session() as s:
        rid = s.scalar(select(RegistrationRow.id).where(RegistrationRow.ref == "R-1"))
    with pytest.raises(NotFound, match=f"no registration {rid}"), database.session() as s:
        get_registration(s, registry.avim, rid)  # type: ignore[arg-type]
    with database.session() as s:
        get_registration(s, registry.counsellor, rid)  # type: ignore[arg-type]
        entries = s.scalars(select(AuditRow).where(AuditRow.record_id == str(rid))).all()
    assert [(e.actor, e.action) for e in entries if e.action in ("access.denied", "read")] == [
        ("ana", "access.denied"),
        ("cor", "read"),
    ]


def test_exports_are_scoped_and_an_admin_sees_all(
    database: Database, registry: Registry, tmp_path: Path
) -> None:
    write_csv(tmp_path / "a.csv", _rows())
    assert main(["import", "registrations", str(tmp_path / "a.csv"), "--as", "clara"]) == 0
    assert main(["import", "registrations", str(tmp_path / "a.csv"), "--as", "cor"]) == 0
    assert main(["persons", "link"]) == 0

    def export(username: str) -> list[dict[str, str]]:
        out = tmp_path / f"{username}.csv"
        assert main(["export", "persons", "-o", str(out), "--as", username]) == 0
        with out.open(encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    assert {(r["org"], r["ref"]) for r in export("cor")} == {
        ("Fier", "C-1"),
        ("Fier", "S-1"),
        ("Fier", "R-1"),
    }
    admin = export("adm")
    assert len(admin) == 6 and {r["org"] for r in admin} == {"Fier", "CoMensha"}
    # The same three people, registered by both: three persons, each counted once.
    assert len({r["person"] for r in admin}) == 3
    assert export("rita") == []


def test_the_ctdc_export_carries_no_identity_and_no_counted_only(
    database: Database, registry: Registry, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", _rows())
    assert main(["import", "registrations", str(path), "--as", "clara"]) == 0
    out = tmp_path / "ctdc.json"
    assert (
        main(["export", "registrations", "-o", str(out), "--format", "json", "--as", "clara"]) == 0
    )
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["citizenship"] for r in rows] == ["NGA", "ROU"]  # the counted HUN one stays home
    text = out.read_text(encoding="utf-8")
    for secret in (*COUNTED, *SIGNAL, *REFERRAL, "06-"):
        assert secret not in text
    assert rows[1]["isForcedLabour"] == 1 and rows[1]["gender"] == "Female"
