"""The registry's pages: the form, feedback on referrals, and the AVIM team's side of them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests import factories
from tests.web.conftest import log_in
from zicht.cli import main
from zicht.route.units import declare_unit
from zicht.store.db import Database
from zicht.store.tables import AuditRow, RegistrationRow

FORM = {
    "ref": "F-1",
    "given_name": "Signalia",
    "family_name": "Naamloos",
    "birth_date": "1994-04-08",
    "sex": "F",
    "citizenship": "nga",
    "municipality": "Den Haag",
    "form": "sexual",
    "year": "2025",
    "consent": "signal",
    "contact": "06-222",
    "control_methods": "debt; passport withheld",
}


@pytest.fixture
def chain(database: Database) -> None:
    with database.session() as s:
        factories.user(s, "cor", "Fier", "helpline", "counsellor")
        factories.user(s, "hanna", "Politie Den Haag", "police", "analyst")
        factories.user(s, "rita", "WODC", "research", "researcher")
        admin = factories.user(s, "adm", "Beheer", "registry", "admin")
        declare_unit(s, admin, "Politie Den Haag", "RE06")


def register(client: TestClient, csrf: str, **changes: str) -> Any:
    return client.post(
        "/registrations",
        data={**FORM, **changes, "csrf_token": csrf},
        follow_redirects=False,
    )


def count(database: Database) -> int:
    with database.session() as s:
        return s.scalar(select(func.count()).select_from(RegistrationRow)) or 0


def test_a_bad_municipality_comes_back_with_close_matches_and_the_form_filled_in(
    client: TestClient, database: Database, chain: None
) -> None:
    csrf = log_in(client, "cor")
    page = client.get("/registrations/new")
    assert page.status_code == 200 and 'list="municipality-names"' in page.text
    wrong = register(client, csrf, municipality="Amsterdm")
    assert wrong.status_code == 400
    assert "unknown municipality &#39;Amsterdm&#39;" in wrong.text
    assert "&#39;Amsterdam&#39;" in wrong.text  # the close match
    assert 'value="Signalia"' in wrong.text  # nothing typed is lost
    ambiguous = register(client, csrf, municipality="Bergen")
    assert ambiguous.status_code == 400 and "is ambiguous" in ambiguous.text
    assert register(client, csrf, birth_date="2999-01-01").status_code == 400
    assert count(database) == 0
    assert register(client, "not-the-token").status_code == 403
    assert count(database) == 0


def test_register_refer_and_follow_the_referral_through_its_life(
    make_client: Callable[[], TestClient], database: Database, chain: None
) -> None:
    helper, police = make_client(), make_client()
    csrf = log_in(helper, "cor")
    created = register(helper, csrf)
    assert created.status_code == 303
    detail = created.headers["location"]
    page = helper.get(detail)
    assert "Signalia" in page.text and "RE06" in page.text and "passport withheld" in page.text
    assert (
        helper.post(
            f"{detail}/refer", data={"csrf_token": csrf}, follow_redirects=False
        ).status_code
        == 303
    )
    assert "Politie Den Haag" in helper.get("/registrations").text

    # The AVIM team of Den Haag sees the signal, without the name or the contact.
    pcsrf = log_in(police, "hanna")
    incoming = police.get("/registrations/referrals")
    assert incoming.status_code == 200 and "Fier" in incoming.text
    assert "Signalia" not in incoming.text and "06-222" not in incoming.text
    assert police.get("/registrations").text.count("Signalia") == 0
    rid = int(incoming.text.split('id="referral-', 1)[1].split('"', 1)[0])

    def step(step: str, note: str = "") -> int:
        response = police.post(
            f"/registrations/referrals/{rid}",
            data={"csrf_token": pcsrf, "step": step, "note": note},
            follow_redirects=False,
        )
        return response.status_code

    assert step("accept") == 409  # not received yet
    assert step("receive") == 303
    assert step("decline") == 400  # a reason is needed
    assert step("accept") == 303
    assert step("close", "victim in shelter, case opened") == 303
    feedback = helper.get(detail).text
    assert "afgerond" in feedback and "victim in shelter, case opened" in feedback
    # The sender cannot move the referral; that is the receiver's.
    moved = helper.post(
        f"/registrations/referrals/{rid}",
        data={"csrf_token": csrf, "step": "receive"},
        follow_redirects=False,
    )
    assert moved.status_code == 404


def test_a_counted_only_registration_is_never_shown_or_sent(
    make_client: Callable[[], TestClient],
    database: Database,
    chain: None,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    helper, police, admin = make_client(), make_client(), make_client()
    csrf = log_in(helper, "cor")
    detail = register(helper, csrf, consent="counted").headers["location"]
    assert "Alleen tellen" in helper.get(detail).text
    refused = helper.post(f"{detail}/refer", data={"csrf_token": csrf}, follow_redirects=False)
    assert refused.status_code == 403
    log_in(police, "hanna")
    log_in(admin, "adm")
    for client in (police, admin):
        for path in (detail, "/registrations", "/registrations/referrals", "/audit"):
            text = client.get(path).text
            assert "Signalia" not in text and "Naamloos" not in text and "06-222" not in text
    assert police.get(detail).status_code == 404
    with database.session() as s:
        denied = s.scalar(
            select(func.count())
            .select_from(AuditRow)
            .where(AuditRow.action == "access.denied", AuditRow.actor == "hanna")
        )
    assert denied == 2  # both reads of the detail page
    # Nor in the exports of anyone else, nor in the CTDC export, nor in any log line.
    for username, command in (("hanna", "persons"), ("adm", "persons"), ("cor", "registrations")):
        out = tmp_path / f"{username}.csv"
        assert main(["export", command, "-o", str(out), "--as", username]) == 0
        assert "Signalia" not in out.read_text(encoding="utf-8")
    # The owner's CTDC export leaves a counted-only registration out altogether.
    assert len((tmp_path / "cor.csv").read_text(encoding="utf-8").splitlines()) == 1
    for secret in ("Signalia", "Naamloos", "06-222"):
        assert secret not in caplog.text


def test_who_has_the_page(client: TestClient, database: Database, chain: None) -> None:
    log_in(client, "rita")
    assert 'href="/registrations"' not in client.get("/").text
    assert client.get("/registrations/new").status_code == 403
    client.post("/logout", data={"csrf_token": client.get("/api/me").json()["csrf_token"]})
    log_in(client, "cor")
    home = client.get("/").text
    assert 'href="/registrations"' in home
    client.get("/lang/en")
    assert "New registration" in client.get("/registrations/new").text
