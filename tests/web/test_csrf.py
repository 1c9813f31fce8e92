"""Every state change that rides on a session cookie must carry the session's CSRF token."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests import factories
from tests.web.conftest import log_in
from zicht.store.db import Database
from zicht.store.tables import AuditRow, DeploymentRow

DRAFT = {
    "purpose": "find ads of a suspected network",
    "legal_basis": "Sv art. 126j, systematic gathering of information",
    "domains": ["ads.example:8080"],
}


def count_deployments(database: Database) -> int:
    with database.session() as s:
        return len(s.scalars(select(DeploymentRow.id)).all())


def test_api_post_without_token_is_403(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    log_in(client, "ana")
    response = client.post("/api/deployments", json=DRAFT)
    assert response.status_code == 403
    assert response.json()["error"] == "csrf"
    assert count_deployments(database) == 0
    with database.session() as s:
        denied = s.scalars(select(AuditRow).where(AuditRow.action == "csrf.rejected")).all()
    assert [r.actor for r in denied] == ["ana"]


def test_api_post_with_a_wrong_token_is_403(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    token = log_in(client, "ana")
    response = client.post("/api/deployments", json=DRAFT, headers={"X-CSRF-Token": token[::-1]})
    assert response.status_code == 403
    assert count_deployments(database) == 0


def test_api_post_with_the_right_token_goes_through(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    token = log_in(client, "ana")
    response = client.post("/api/deployments", json=DRAFT, headers={"X-CSRF-Token": token})
    assert response.status_code == 201, response.text
    assert count_deployments(database) == 1


def test_another_sessions_token_does_not_fit(
    make_client: object, people: factories.Chain, database: Database
) -> None:
    ana, bert = make_client(), make_client()  # type: ignore[operator]
    log_in(ana, "ana")
    bert_token = log_in(bert, "bert")
    response = ana.post("/api/deployments", json=DRAFT, headers={"X-CSRF-Token": bert_token})
    assert response.status_code == 403


def test_form_posts_need_the_field(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    token = log_in(client, "ana")
    form = {
        "purpose": "p",
        "legal_basis": "Sv art. 126j",
        "domains": "ads.example",
        "submit_to": "OM",
    }
    missing = client.post("/deployments", data=form, follow_redirects=False)
    assert missing.status_code == 403
    assert "text/html" in missing.headers["content-type"]
    wrong = client.post("/deployments", data={**form, "csrf_token": "nope"}, follow_redirects=False)
    assert wrong.status_code == 403
    assert count_deployments(database) == 0
    right = client.post("/deployments", data={**form, "csrf_token": token}, follow_redirects=False)
    assert right.status_code == 303
    assert count_deployments(database) == 1


def test_logout_without_token_is_refused(client: TestClient, people: factories.Chain) -> None:
    log_in(client, "ana")
    assert client.post("/logout", follow_redirects=False).status_code == 403
    assert client.get("/api/me").status_code == 200
