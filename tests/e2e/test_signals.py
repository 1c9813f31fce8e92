"""The signal queue in a real browser: an analyst confirms a signal, the author reads why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests import factories
from tests.chat.conftest import Helpline
from tests.e2e.conftest import shot
from tests.e2e.server import Server
from zicht.accounts.service import get_user
from zicht.detect import Detector
from zicht.detect.signals import detect_documents
from zicht.sources import mutations
from zicht.store.db import Database

CSV = (
    "id,author,offence,text\n"
    'E2E-1,agent.noor,winkeldiefstal,"Hij moest stelen in opdracht van een oudere man <b>x</b>."\n'
)


def sign_in(context: Any, username: str, path: str) -> Any:
    page = context.new_page()
    page.goto(f"/login?next={path}")
    page.fill("#username", username)
    page.fill("#password", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{path}")
    return page


def test_confirm_in_the_queue_reaches_the_author(
    contexts: Callable[..., Any], site: tuple[Server, Helpline, Path], tmp_path: Path
) -> None:
    home = site[2]
    source = tmp_path / "m.csv"
    source.write_text(CSV, "utf-8")
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    with db.session() as s:
        factories.user(s, "agent.noor", "Politie Amsterdam", "police", "analyst")
        analyst = get_user(s, "ana")
        ids = mutations.import_rows(s, analyst, mutations.read_file(source))
        detect_documents(s, analyst, ids, Detector())
    db.dispose()

    page = sign_in(contexts(locale="en-GB"), "bert", "/signals")
    page.click("a:text('E2E-1')")
    marks = page.locator("mark.evidence")
    assert "moest stelen" in marks.all_text_contents()
    assert page.locator("#document-text b").count() == 0  # the text's markup is shown, not run
    page.fill("#reason", "Past bij een lopend onderzoek")
    page.select_option("#form", "criminal")
    shot(page, "signals-document")
    page.click("button[value=confirm]")
    page.wait_for_url("**/signals")
    assert page.locator("a:text('E2E-1')").count() == 0  # no longer new

    author = sign_in(contexts(locale="en-GB"), "agent.noor", "/feedback")
    mine = author.locator("#feedback-mine")
    mine.wait_for()
    assert "Past bij een lopend onderzoek" in mine.text_content()
    shot(author, "signals-feedback")
