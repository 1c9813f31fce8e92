"""The audit page: an admin reads everything and the chain check; others their own org."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text

from tests import factories
from tests.web.conftest import log_in
from zicht.store.db import Database


def test_an_admin_sees_every_entry_and_the_chain_check(
    client: TestClient, people: factories.Chain
) -> None:
    log_in(client, "ana")
    client.cookies.clear()
    log_in(client, "adm")
    client.get("/lang/en")
    page = client.get("/audit")
    assert page.status_code == 200
    assert "The audit log is intact" in page.text
    assert "<code>login</code>" in page.text
    assert "ana" in page.text and "adm" in page.text
    assert "Politie Amsterdam" in page.text


def test_others_see_their_own_organisation_only(
    make_client: object, people: factories.Chain
) -> None:
    olga, ana = make_client(), make_client()  # type: ignore[operator]
    log_in(olga, "olga")
    log_in(ana, "ana")
    page = ana.get("/audit")
    assert page.status_code == 200
    assert ">ana<" in page.text
    assert ">olga<" not in page.text  # Politie Rotterdam is another organisation
    assert "zicht audit verify" not in page.text  # the chain check is for admins


def test_a_broken_chain_is_shown_to_the_admin(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    log_in(client, "adm")
    with database.engine.begin() as conn:
        # The log refuses UPDATE; a tamperer with database access drops the trigger first.
        if database.dialect == "sqlite":
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("UPDATE audit_log SET actor = 'someone' WHERE seq = 2"))
        else:
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            conn.execute(text("UPDATE audit_log SET actor = 'someone' WHERE seq = 2"))
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
    client.get("/lang/en")
    page = client.get("/audit")
    assert "The audit log is broken at entry 2" in page.text
