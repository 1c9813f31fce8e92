"""The registration form in headless Chromium against the real server, under the strict CSP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests import factories
from tests.browser import shot
from tests.e2e.server import serve
from zicht.route.units import declare_unit
from zicht.store.db import Database

pytestmark = pytest.mark.browser


def test_a_counsellor_registers_corrects_the_municipality_and_refers(
    tmp_path: Path, browser: Any
) -> None:
    home = tmp_path / "site"
    home.mkdir()
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    db.migrate()
    with db.session() as s:
        factories.user(s, "cor", "Fier", "helpline", "counsellor")
        admin = factories.user(s, "adm", "Beheer", "registry", "admin")
        factories.user(s, "hanna", "Politie Den Haag", "police", "analyst")
        declare_unit(s, admin, "Politie Den Haag", "RE06")
    db.dispose()
    with serve(home) as server:
        context = browser.new_context(base_url=server.url, locale="en-GB")
        errors: list[str] = []
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        # The form answers bad input with 400, which the console reports; a CSP
        # violation or a script error is what must not happen.
        page.on(
            "console",
            lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.goto("/login?next=/registrations/new")
        page.fill("#username", "cor")
        page.fill("#password", factories.PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/registrations/new")
        page.fill("#ref", "F-7")
        page.fill("#given_name", "Ioana")
        page.fill("#family_name", "Popescu")
        page.fill("#birth_date", "1999-04-12")
        page.select_option("#sex", "F")
        page.fill("#citizenship", "ROU")
        page.fill("#municipality", "Den Haaag")
        page.select_option("#form", "labour")
        page.check("input[name=consent][value=referral]")
        page.click("form.stack button[type=submit]")
        alert = page.locator("p.error[role=alert]")
        assert "unknown municipality 'Den Haaag'" in alert.inner_text()
        assert "'s-Gravenhage" in alert.inner_text()  # Den Haag's CBS name
        shot(page, "registration-form-error")
        assert page.input_value("#given_name") == "Ioana"  # nothing typed is lost
        page.fill("#municipality", "Den Haag")
        page.click("form.stack button[type=submit]")
        page.wait_for_url("**/registrations/*")
        assert "Popescu" in page.inner_text("main") and "RE06" in page.inner_text("main")
        page.get_by_role("button", name="Refer", exact=True).click()
        page.wait_for_selector("text=Politie Den Haag")
        assert "sent" in page.inner_text("main")
        shot(page, "registration-referred")
        context.close()
    assert errors == []
