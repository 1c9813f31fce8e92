"""The partner API: per-organisation tokens, batches all or nothing, idempotent refs, scoping."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests import factories
from zicht.cli import main
from zicht.domain import User
from zicht.registry import tokens
from zicht.route import referrals
from zicht.route.units import declare_unit
from zicht.store.db import Database
from zicht.store.tables import AuditRow, PartnerTokenRow, RegistrationRow

API = "/api/partner"
ONE: dict[str, Any] = {
    "ref": "HL-1",
    "given_name": "Zoltánka",
    "family_name": "Verborgenheid",
    "birth_date": "1993-03-07",
    "sex": "F",
    "citizenship": "HUN",
    "municipality": "Amsterdam",
    "form": "sexual",
    "year": 2025,
    "consent": "counted",
    "contact": "06-111",
    "control_methods": ["debt bondage"],
}


@dataclass
class Partners:
    helpline: str  # token of Fier
    police: str  # token of Politie Amsterdam
    counsellor: User
    admin: User


@pytest.fixture
def partners(database: Database) -> Partners:
    with database.session() as s:
        counsellor = factories.user(s, "cor", "Fier", "helpline", "counsellor")
        factories.user(s, "ana", "Politie Amsterdam", "police", "analyst")
        admin = factories.user(s, "adm", "Beheer", "registry", "admin")
        declare_unit(s, admin, "Politie Amsterdam", "RE05")
        helpline, _ = tokens.create(s, admin, "Fier", "case-system")
        police, _ = tokens.create(s, admin, "Politie Amsterdam", "bvh-koppeling")
    return Partners(helpline, police, counsellor, admin)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_cli_issues_a_token_once_and_keeps_only_its_hash(
    database: Database, partners: Partners, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["tokens", "create", "--org", "Fier", "--name", "intake", "--as", "adm"]) == 0
    token = capsys.readouterr().out.strip()
    assert token.startswith("zpt_") and len(token) > 40
    with database.session() as s:
        stored = json.dumps(
            [(r.token_hash, r.prefix, r.name) for r in s.scalars(select(PartnerTokenRow))]
        )
        actions = list(s.scalars(select(AuditRow.action).where(AuditRow.action == "token.create")))
    assert token not in stored and tokens.digest(token) in stored
    assert len(actions) == 3
    # Only an admin issues; a name is unique in its organisation; a research body gets none.
    assert main(["tokens", "create", "--org", "Fier", "--name", "x", "--as", "cor"]) == 1
    assert main(["tokens", "create", "--org", "Fier", "--name", "intake", "--as", "adm"]) == 1
    assert "already has a token named 'intake'" in capsys.readouterr().err
    assert main(["tokens", "list", "--as", "adm", "--org", "Fier"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [t["name"] for t in listed] == ["case-system", "intake"]
    assert all(t["last_used_at"] is None and token not in json.dumps(t) for t in listed)


def test_revoked_missing_or_wrong_tokens_are_refused(
    client: TestClient, database: Database, partners: Partners
) -> None:
    assert client.get(f"{API}/registrations").status_code == 401
    wrong = client.get(f"{API}/registrations", headers=bearer("zpt_not-a-token"))
    assert wrong.status_code == 401 and wrong.json()["error"] == "unauthenticated"
    assert client.get(f"{API}/registrations", headers=bearer(partners.helpline)).status_code == 200
    with database.session() as s:
        row = s.scalar(select(PartnerTokenRow).where(PartnerTokenRow.name == "case-system"))
        assert row is not None and row.last_used_at is not None
        tokens.revoke(s, partners.admin, row.id)
    gone = client.get(f"{API}/registrations", headers=bearer(partners.helpline))
    assert gone.status_code == 401
    # The other organisation's token still works.
    assert client.get(f"{API}/registrations", headers=bearer(partners.police)).status_code == 200


def test_submit_one_then_retry_is_idempotent_and_a_change_conflicts(
    client: TestClient, database: Database, partners: Partners
) -> None:
    first = client.post(f"{API}/registrations", json=ONE, headers=bearer(partners.helpline))
    assert first.status_code == 201, first.text
    [created] = first.json()["registrations"]
    assert created["status"] == "created" and created["ref"] == "HL-1"
    again = client.post(f"{API}/registrations", json=[ONE], headers=bearer(partners.helpline))
    assert again.status_code == 200
    assert again.json()["registrations"][0] == {**created, "status": "unchanged"}
    changed = client.post(
        f"{API}/registrations",
        json=[{**ONE, "ref": "HL-2"}, {**ONE, "birth_date": "1993-03-08"}],
        headers=bearer(partners.helpline),
    )
    assert changed.status_code == 409
    assert changed.json()["records"] == [
        {"index": 1, "ref": "HL-1", "reason": "already registered with different birth_date"}
    ]
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(RegistrationRow)) == 1
    # The same ref from another organisation is another registration.
    other = client.post(f"{API}/registrations", json=ONE, headers=bearer(partners.police))
    assert other.status_code == 201
    assert other.json()["registrations"][0]["id"] != created["id"]


def test_a_batch_with_bad_records_names_each_and_stores_nothing(
    client: TestClient, database: Database, partners: Partners
) -> None:
    batch = [
        {**ONE, "ref": "A"},
        {**ONE, "ref": "B", "municipality": "Amsterdm"},
        {**ONE, "ref": "C", "birth_date": "07-03-1993"},
        {**ONE, "ref": "A"},
    ]
    response = client.post(f"{API}/registrations", json=batch, headers=bearer(partners.helpline))
    assert response.status_code == 422
    records = response.json()["records"]
    assert [(r["index"], r["ref"]) for r in records] == [(1, "B"), (2, "C"), (3, "A")]
    assert "unknown municipality 'Amsterdm'" in records[0]["reason"]
    assert "'Amsterdam'" in records[0]["reason"]  # the close match
    assert "birth_date '07-03-1993' is not YYYY-MM-DD" in records[1]["reason"]
    assert "repeats registrations[0]" in records[2]["reason"]
    assert "nothing was imported" in response.json()["message"]
    unknown = client.post(
        f"{API}/registrations", json={**ONE, "shoe_size": 41}, headers=bearer(partners.helpline)
    )
    assert unknown.status_code == 422
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(RegistrationRow)) == 0


def test_a_token_sees_its_own_organisation_only(
    client: TestClient, database: Database, partners: Partners, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    mine = [ONE, {**ONE, "ref": "HL-2", "consent": "referral", "given_name": "Referra"}]
    assert (
        client.post(
            f"{API}/registrations", json=mine, headers=bearer(partners.helpline)
        ).status_code
        == 201
    )
    with database.session() as s:
        rid = s.scalar(select(RegistrationRow.id).where(RegistrationRow.ref == "HL-2"))
        assert rid is not None
        sent = referrals.send(s, partners.counsellor, rid)  # to the AVIM team of RE05
    # The helpline reads its own, names included (they are its own).
    own = client.get(f"{API}/registrations", headers=bearer(partners.helpline)).json()
    assert [r["ref"] for r in own] == ["HL-1", "HL-2"] and own[0]["given_name"] == "Zoltánka"
    assert own[0]["details"] == {"control_methods": ["debt bondage"]}
    one = client.get(f"{API}/registrations/HL-1", headers=bearer(partners.helpline)).json()
    assert one["contact"] == "06-111" and one["unit"] == "RE05"

    # The police token sees none of it, not even the referral it received, nor the count.
    police = bearer(partners.police)
    seen = [
        client.get(f"{API}/registrations", headers=police),
        client.get(f"{API}/registrations/HL-1", headers=police),
        client.get(f"{API}/registrations/HL-2", headers=police),
        client.get(f"{API}/referrals", headers=police),
    ]
    assert [r.status_code for r in seen] == [200, 404, 404, 200]
    assert seen[0].json() == [] and seen[3].json() == []
    text = " ".join(r.text for r in seen)
    for secret in ("Zoltánka", "Verborgenheid", "06-111", "Referra"):
        assert secret not in text
    with database.session() as s:
        denied = s.scalars(
            select(AuditRow.record_id).where(
                AuditRow.action == "access.denied", AuditRow.actor.like("token:bvh%")
            )
        ).all()
    assert sorted(denied, key=str) == ["ref:HL-1", "ref:HL-2"]

    # The helpline follows its referral: sent, then declined with a reason.
    with database.session() as s:
        police_user = factories.user(s, "bert", "Politie Amsterdam", "police", "analyst")
        referrals.decline(s, police_user, sent.id, "no capacity this week")
    feedback = client.get(f"{API}/referrals", headers=bearer(partners.helpline)).json()
    assert [(f["ref"], f["to"], f["status"]) for f in feedback] == [
        ("HL-2", "Politie Amsterdam", "declined")
    ]
    assert feedback[0]["reason"] == "no capacity this week"
    assert [h["status"] for h in feedback[0]["history"]] == ["sent", "declined"]
    for secret in ("Zoltánka", "Verborgenheid", "06-111"):
        assert secret not in caplog.text


def test_openapi_documents_the_partner_api_with_a_bearer_scheme(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    scheme = schema["components"]["securitySchemes"]["PartnerToken"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    post = schema["paths"][f"{API}/registrations"]["post"]
    assert {"PartnerToken": []} in post["security"]
    assert set(post["requestBody"]["content"]["application/json"]["examples"]) == {"one", "batch"}
    assert {"201", "200", "409", "422", "401"} <= set(post["responses"])
    create = schema["components"]["schemas"]["RegistrationCreate"]
    assert create["properties"]["consent"]["enum"] == ["counted", "signal", "referral"]
    assert {f"{API}/registrations/{{ref}}", f"{API}/referrals"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 200
