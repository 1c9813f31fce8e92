"""The minimisation on the deployment pages and API: chosen when drafting, seen when reviewing."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests import factories
from tests.web.conftest import log_in
from tests.web.test_deployments import FORM
from zicht.domain.deployment import DEFAULT_AD_FIELDS


def checked(html: str) -> set[str]:
    return set(re.findall(r'name="keep_(\w+)" checked', html))


def test_the_form_starts_strict_and_the_prosecutor_sees_what_is_kept(
    make_client: Callable[[], TestClient], people: factories.Chain
) -> None:
    analyst, prosecutor = make_client(), make_client()
    token = log_in(analyst, "ana")
    analyst.get("/lang/en")
    form = analyst.get("/deployments/new").text
    assert checked(form) == set(DEFAULT_AD_FIELDS) and 'name="keep_advertiser"' in form

    keep = {"keep_text": "on", "keep_advertiser": "on", "keep_phones": "on"}
    response = analyst.post(
        "/deployments",
        data={**FORM, "minimisation": "1", **keep, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    page_url = response.headers["location"]

    log_in(prosecutor, "piet")
    prosecutor.get("/lang/nl")
    review = prosecutor.get(page_url).text
    kept = re.findall(r'<li data-field="(\w+)">', review)
    assert kept == ["text", "advertiser", "phones"]
    assert "Ruimer dan de strikte standaard:</strong> naam van de adverteerder" in review
    assert "Nooit opgeslagen:" in review and "e-mailadressen (gepseudonimiseerd)" in review


def test_ticking_nothing_is_refused_with_the_form_kept(
    client: TestClient, people: factories.Chain
) -> None:
    token = log_in(client, "ana")
    nothing = client.post("/deployments", data={**FORM, "minimisation": "1", "csrf_token": token})
    assert nothing.status_code == 400
    assert "keeps at least one ad field" in nothing.text
    other = client.post(
        "/deployments",
        data={**FORM, "domains": "no host!", "minimisation": "1", "keep_city": "on"}
        | {"csrf_token": token},
    )
    assert other.status_code == 400
    assert checked(other.text) == {"city"}  # what was ticked comes back ticked
    assert client.get("/api/deployments").json() == []


def test_the_api_takes_and_shows_the_minimisation(
    client: TestClient, people: factories.Chain
) -> None:
    token = log_in(client, "ana")
    body = {"purpose": "p", "legal_basis": "Wet politiegegevens art. 9", "domains": ["ads.x"]}
    default = client.post("/api/deployments", json=body, headers={"X-CSRF-Token": token})
    assert default.status_code == 201, default.text
    assert default.json()["minimisation"] == list(DEFAULT_AD_FIELDS)
    narrow = client.post(
        "/api/deployments",
        json={**body, "keep": ["phones", "city"]},
        headers={"X-CSRF-Token": token},
    )
    assert narrow.json()["minimisation"] == ["city", "phones"]
    bad = client.post(
        "/api/deployments", json={**body, "keep": ["names"]}, headers={"X-CSRF-Token": token}
    )
    assert bad.status_code == 400 and "names" in bad.json()["message"]
