"""The deployments pages and API: draft, four-eyes authorisation, revoke, scoping."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests import factories
from tests.web.conftest import log_in
from zicht.store.db import Database
from zicht.store.tables import AuditRow

FORM = {
    "purpose": "Find ads of a suspected network in Amsterdam",
    "legal_basis": "Sv art. 126j, systematic gathering of information",
    "legal_basis_code": "",
    "submit_to": "OM",
    "domains": "ads.example:8080\nmirror.example",
    "url_patterns": r"^https?://ads\.example:8080/ad/\d+$",
    "max_pages": "500",
    "max_depth": "3",
    "valid_days": "14",
    "retention_days": "90",
    "concurrency": "4",
    "delay": "0.5",
    "ignore_robots": "on",
}


def draft(client: TestClient, token: str, **changes: str) -> int:
    response = client.post(
        "/deployments", data={**FORM, **changes, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_analyst_drafts_and_a_prosecutor_of_another_org_authorises(
    make_client: Callable[[], TestClient], people: factories.Chain, database: Database
) -> None:
    analyst, prosecutor = make_client(), make_client()
    analyst_token = log_in(analyst, "ana")
    analyst.get("/lang/en")
    form = analyst.get("/deployments/new")
    assert form.status_code == 200
    assert 'name="ignore_robots"' in form.text
    deployment_id = draft(analyst, analyst_token)

    mine = analyst.get(f"/deployments/{deployment_id}")
    assert "draft" in mine.text
    assert "/authorise" not in mine.text  # the author never gets the button
    assert "/revoke" in mine.text  # but may withdraw the draft

    log_in(prosecutor, "piet")
    prosecutor.get("/lang/en")
    listing = prosecutor.get("/deployments")
    assert f'href="/deployments/{deployment_id}"' in listing.text
    review = prosecutor.get(f"/deployments/{deployment_id}")
    # Everything the prosecutor must see before authorising, deviations included.
    for shown in (
        "Find ads of a suspected network in Amsterdam",
        "Sv art. 126j",
        "sv-126j",
        "ads.example:8080",
        "mirror.example",
        r"^https?://ads\.example:8080/ad/\d+$",
        "at most 500 pages, depth 3",
        "14 days from authorisation",
        "90 days, then deleted",
        "not kept (pseudonyms only)",
        "robots.txt is not obeyed",
        "4 concurrent requests per domain",
        "download delay 0.5s",
        "Politie Amsterdam",
    ):
        assert shown in review.text, shown
    assert f'hx-post="/deployments/{deployment_id}/authorise"' in review.text

    prosecutor_token = prosecutor.get("/api/me").json()["csrf_token"]
    # HTMX sends the token as a header from <body hx-headers>.
    assert f'hx-headers=\'{{"X-CSRF-Token": "{prosecutor_token}"}}\'' in review.text
    swapped = prosecutor.post(
        f"/deployments/{deployment_id}/authorise",
        headers={"HX-Request": "true", "X-CSRF-Token": prosecutor_token},
    )
    assert swapped.status_code == 200
    assert swapped.text.lstrip().startswith('<section id="deployment-status"')
    assert "authorised" in swapped.text
    assert "piet" in swapped.text
    assert "<html" not in swapped.text  # a fragment, no full reload
    assert "/authorise" not in swapped.text

    with database.session() as s:
        done = s.scalars(select(AuditRow).where(AuditRow.action == "deployment.authorise")).all()
    assert [(r.actor, r.record_id) for r in done] == [("piet", str(deployment_id))]


def test_the_author_cannot_authorise_even_by_posting(
    client: TestClient, people: factories.Chain
) -> None:
    token = log_in(client, "ana")
    deployment_id = draft(client, token)
    response = client.post(
        f"/deployments/{deployment_id}/authorise",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 403
    api = client.post(
        f"/api/deployments/{deployment_id}/authorise", headers={"X-CSRF-Token": token}
    )
    assert api.status_code == 403
    assert api.json()["error"] == "forbidden"
    assert client.get(f"/api/deployments/{deployment_id}").json()["status"] == "draft"


def test_another_police_organisation_gets_404_and_an_audit_entry(
    make_client: Callable[[], TestClient], people: factories.Chain, database: Database
) -> None:
    owner, stranger = make_client(), make_client()
    deployment_id = draft(owner, log_in(owner, "ana"))
    log_in(stranger, "olga")
    page = stranger.get(f"/deployments/{deployment_id}")
    assert page.status_code == 404
    assert "text/html" in page.headers["content-type"]
    api = stranger.get(f"/api/deployments/{deployment_id}")
    assert api.status_code == 404
    assert api.json() == {"error": "not_found", "message": f"no deployment {deployment_id}"}
    assert f'href="/deployments/{deployment_id}"' not in stranger.get("/deployments").text
    with database.session() as s:
        denied = s.scalars(select(AuditRow).where(AuditRow.action == "access.denied")).all()
    assert {(r.actor, r.record_type, r.record_id) for r in denied} == {
        ("olga", "deployment", str(deployment_id))
    }


def test_bad_input_comes_back_in_the_form_with_the_reason(
    client: TestClient, people: factories.Chain, database: Database
) -> None:
    token = log_in(client, "ana")
    response = client.post(
        "/deployments",
        data={**FORM, "domains": "not a host!", "max_pages": "12", "csrf_token": token},
    )
    assert response.status_code == 400
    assert "not a host!" in response.text  # nothing the analyst typed is lost
    assert "is not a host name" in response.text
    assert "Find ads of a suspected network in Amsterdam" in response.text
    not_a_number = client.post(
        "/deployments", data={**FORM, "max_pages": "many", "csrf_token": token}
    )
    assert not_a_number.status_code == 400
    assert "max pages must be a number" in not_a_number.text
    assert client.get("/api/deployments").json() == []


def test_who_may_not_draft_gets_no_form(client: TestClient, people: factories.Chain) -> None:
    log_in(client, "piet")
    assert 'href="/deployments/new"' not in client.get("/deployments").text
    assert client.get("/deployments/new").status_code == 403


def test_the_api_flow(make_client: Callable[[], TestClient], people: factories.Chain) -> None:
    analyst, prosecutor = make_client(), make_client()
    a_token = log_in(analyst, "ana")
    created = analyst.post(
        "/api/deployments",
        json={
            "purpose": "find a network",
            "legal_basis": "Wet politiegegevens art. 9",
            "domains": ["ads.example"],
            "politeness": {"autothrottle": False},
        },
        headers={"X-CSRF-Token": a_token},
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "draft"
    assert body["legal_basis_code"] == "wpg-9"
    assert body["deviations"] == ["AutoThrottle off"]
    assert body["actions"] == ["revoke"]
    deployment_id = body["id"]

    p_token = log_in(prosecutor, "piet")
    listed = prosecutor.get("/api/deployments").json()
    assert [d["id"] for d in listed] == [deployment_id]
    assert listed[0]["actions"] == ["authorise", "revoke"]
    authorised = prosecutor.post(
        f"/api/deployments/{deployment_id}/authorise", headers={"X-CSRF-Token": p_token}
    )
    assert authorised.status_code == 200
    assert authorised.json()["status"] == "authorised"
    assert authorised.json()["authorised_by"] == "piet"
    again = prosecutor.post(
        f"/api/deployments/{deployment_id}/authorise", headers={"X-CSRF-Token": p_token}
    )
    assert again.status_code == 409
    assert again.json()["error"] == "conflict"
    revoked = analyst.post(
        f"/api/deployments/{deployment_id}/revoke",
        json={"reason": "network gone"},
        headers={"X-CSRF-Token": a_token},
    )
    assert revoked.status_code == 200
    assert revoked.json()["status"] == "revoked"
    assert revoked.json()["revoked_by"] == "ana"


def test_revoke_through_the_page(
    make_client: Callable[[], TestClient], people: factories.Chain
) -> None:
    analyst = make_client()
    token = log_in(analyst, "ana")
    deployment_id = draft(analyst, token)
    response = analyst.post(
        f"/deployments/{deployment_id}/revoke",
        data={"csrf_token": token, "reason": "no longer needed"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/deployments/{deployment_id}"
    page = analyst.get(f"/deployments/{deployment_id}")
    assert "ingetrokken" in page.text
    assert "/revoke" not in page.text
