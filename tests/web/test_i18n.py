"""Dutch and English: the same keys in both, every key a page uses exists, the switch works."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests import factories
from tests.web.conftest import log_in
from zicht.domain import DeploymentStatus, ReferralStatus, Role
from zicht.store.db import Database
from zicht.web import errors
from zicht.web.i18n import LANGUAGES, catalogue, from_accept_language
from zicht.web.navigation import PAGES

WEB = Path(__file__).parents[2] / "src" / "zicht" / "web"
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")
ERROR_KEYS = re.compile(r"""error="(login\.[a-z_]+)\"""")
DYNAMIC = {"home.", "role.", "status.", "nav.", "page.", "lang.", "reg.status."}


@pytest.fixture
def database(sqlite_database: Database) -> Database:
    """These tests are about pages, not engines: SQLite only keeps the suite fast."""
    return sqlite_database


def test_every_key_exists_in_both_languages() -> None:
    nl, en = catalogue("nl"), catalogue("en")
    assert sorted(set(nl) - set(en)) == []
    assert sorted(set(en) - set(nl)) == []
    assert all(value.strip() for value in [*nl.values(), *en.values()])


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in [*WEB.rglob("*.html"), *WEB.rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        keys.update(LITERAL_KEY.findall(text))
        keys.update(ERROR_KEYS.findall(text))
    # `t("status." ~ status)`: a prefix; its keys are listed below from the data behind it.
    prefixes = {key for key in keys if key.endswith(".")}
    assert prefixes <= DYNAMIC, f"keys built from unlisted data: {sorted(prefixes - DYNAMIC)}"
    keys -= prefixes
    # Keys put together from data: roles, statuses, pages, languages, error titles.
    for role in Role:
        keys |= {f"role.{role.value}", f"home.{role.value}.intro", f"home.{role.value}.later"}
    keys |= {f"status.{s.value}" for s in DeploymentStatus}
    keys |= {f"reg.status.{s.value}" for s in ReferralStatus}
    keys |= {f"nav.{p.key}" for p in PAGES} | {f"page.{p.key}" for p in PAGES}
    keys |= {f"lang.{code}" for code in LANGUAGES}
    keys |= {f"error.status.{n}" for n in errors.TITLED} | {"error.status.other"}
    return keys


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_a_page_uses_exists(lang: str) -> None:
    missing = sorted(used_keys() - set(catalogue(lang)))
    assert missing == []


def test_placeholders_agree_between_languages() -> None:
    field = re.compile(r"{(\w+)}")
    nl, en = catalogue("nl"), catalogue("en")
    differ = [k for k in nl if set(field.findall(nl[k])) != set(field.findall(en[k]))]
    assert differ == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("en-GB,en;q=0.9", "en"),
        ("nl-NL", "nl"),
        ("de-DE,en;q=0.5,nl;q=0.8", "nl"),
        ("fr, de", None),
        ("en;q=0, nl;q=0.1", "nl"),
        ("en;q=abc", None),
    ],
)
def test_accept_language(header: str, expected: str | None) -> None:
    assert from_accept_language(header) == expected


def test_dutch_by_default_and_the_switch_changes_the_text(
    client: TestClient, people: factories.Chain
) -> None:
    assert "Wachtwoord" in client.get("/login").text
    switched = client.get("/lang/en?next=/login", follow_redirects=False)
    assert switched.status_code == 303
    assert switched.headers["location"] == "/login"
    page = client.get("/login")
    assert "Password" in page.text
    assert '<html lang="en">' in page.text
    log_in(client, "ana")
    assert "Deployments" in client.get("/").text
    client.get("/lang/nl?next=/")
    assert "Inzetten" in client.get("/").text


def test_the_browser_language_counts_until_the_switch_is_used(
    client: TestClient, people: factories.Chain
) -> None:
    assert "Password" in client.get("/login", headers={"Accept-Language": "en-US"}).text
    client.get("/lang/nl")
    assert "Wachtwoord" in client.get("/login", headers={"Accept-Language": "en-US"}).text


def test_an_unknown_language_is_not_found(client: TestClient, people: factories.Chain) -> None:
    assert client.get("/lang/de").status_code == 404
