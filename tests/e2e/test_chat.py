"""A visitor and a counsellor hold a conversation in headless Chromium, in two contexts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.chat.conftest import Helpline
from tests.e2e.conftest import ARTIFACTS, log_in, shot
from tests.e2e.server import Server
from zicht.store.db import Database
from zicht.store.tables import ChatClosingRow, ReferralRow

pytestmark = pytest.mark.browser
XSS = '<img src=x onerror="window.__xss=1"><b>bold?</b>'
PASSPORT = "Mijn baas heeft mijn paspoort afgepakt."


def own_origin_only(context: Any, server: Server) -> None:
    """No page asked anything of another site: fonts, scripts, analytics all from zicht."""
    foreign = [u for u in context.requests if not u.startswith((server.url, "data:"))]
    assert foreign == []


def saved(page: Any, name: str) -> None:
    """A screenshot kept as a test artefact in `test-artifacts/`, checked to be a PNG."""
    shot(page, name)
    assert (ARTIFACTS / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def start_chat(context: Any, lang: str = "nl") -> Any:
    page = context.new_page()
    page.goto(f"/chat?lang={lang}")
    page.click("#start")
    page.wait_for_selector("#compose:not([hidden])")
    return page


def say(page: Any, text: str) -> None:
    page.fill("#body", text)
    page.click("#send")
    page.wait_for_selector(
        f'#log li.m-visitor[data-seq] >> text="{text}"'
        if "<" not in text
        else "#log li.m-visitor[data-seq]"
    )


def accept(console: Any, lang: str) -> Any:
    """Accept the waiting visitor who writes in this language (the queue may hold others)."""
    console.locator("#queue li", has_text=f"· {lang} ·").locator(".accept").click()
    conv = console.locator("#conversations .conv").first
    conv.locator(".conv-state", has_text="active").wait_for()
    return conv


def test_a_conversation_in_two_browsers(
    contexts: Callable[..., Any], site: tuple[Server, Helpline, Path]
) -> None:
    server = site[0]
    staff, visitor = contexts(), contexts(locale="pl-PL")
    console = log_in(staff, "cor")
    page = start_chat(visitor, "pl")
    assert page.locator("#safety").is_visible() and page.locator("#exit").is_visible()
    say(page, XSS)
    say(page, PASSPORT)
    console.locator("#queue li", has_text="pl").wait_for()
    conv = accept(console, "pl")
    page.locator("#status", has_text="Doradca jest z tobą.").wait_for()
    # Markup arrives as text on both sides: nothing is parsed, nothing runs.
    conv.locator(".log li.m-visitor .text").first.wait_for()
    assert conv.locator(".log li.m-visitor .text").first.text_content() == XSS
    assert page.locator("#log img, #log b").count() == 0
    assert conv.locator(".log img, .log b").count() == 0
    assert console.evaluate("window.__xss") is None and page.evaluate("window.__xss") is None
    # The detector's suggestion sits beside the conversation, explained.
    conv.locator(".suggest-list li", has_text="RETAINED_ID_DOCUMENTS").first.wait_for()
    # A canned text, then a reply of the counsellor's own.
    conv.locator(".canned").select_option(index=1)
    conv.locator(".send").click()
    page.locator("#log li.m-counsellor").first.wait_for()
    conv.locator(".body").fill("Gdzie teraz jesteś?")
    conv.locator(".send").click()
    page.locator("#log li.m-counsellor", has_text="Gdzie teraz jesteś?").wait_for()
    assert page.locator("#new").is_hidden()  # no "new conversation" while one runs
    saved(page, "chat-visitor-pl")
    saved(console, "chat-console")
    assert visitor.cookies() == []  # not even a session cookie for the visitor
    own_origin_only(visitor, server)
    own_origin_only(staff, server)
    conv.locator(".end").click()
    page.locator("#status", has_text="Rozmowa została zakończona.").wait_for()


def test_language_switch_reconnects_to_the_same_conversation(
    contexts: Callable[..., Any], site: tuple[Server, Helpline, Path]
) -> None:
    staff, visitor = contexts(), contexts()
    console = log_in(staff, "cas")
    page = start_chat(visitor, "ro")
    say(page, "Bună ziua")
    conv = accept(console, "ro")
    # Switching language loads the page anew: the socket drops and the tab reconnects.
    page.click('a[data-lang="en"]')
    page.wait_for_url("**/chat?lang=en")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.locator("#log li.m-visitor", has_text="Bună ziua").wait_for()  # replayed
    conv.locator(".body").fill("Still here. What happened?")
    conv.locator(".send").click()
    page.locator("#log li.m-counsellor", has_text="Still here.").wait_for()
    say(page, "I came back")
    conv.locator(".log li.m-visitor", has_text="I came back").wait_for()
    assert conv.locator(".log li").count() == 3  # nothing lost, nothing twice
    assert page.locator("#exit").text_content() == "Quick exit"
    saved(page, "chat-visitor-en-after-switch")
    conv.locator(".end").click()


def test_quick_exit_and_escape_leave_no_trace(
    contexts: Callable[..., Any], site: tuple[Server, Helpline, Path]
) -> None:
    visitor = contexts()
    for how in ("button", "escape"):
        page = visitor.new_page()
        page.goto("/weer")
        page.goto("/chat?lang=uk")
        page.click("#start")
        page.wait_for_selector("#compose:not([hidden])")
        say(page, "допоможіть")
        before = page.evaluate("history.length")
        if how == "button":
            page.click("#exit")
        else:
            page.keyboard.press("Escape")
        page.wait_for_url("**/weer")
        assert page.title() == "Weerbericht"
        assert page.evaluate("history.length") == before  # replaced, not added
        assert page.evaluate("sessionStorage.length") == 0
        page.go_back()
        assert page.url.endswith("/weer")  # the chat is not in the history
        saved(page, f"chat-quick-exit-{how}")
        page.close()


def test_closing_the_tab_removes_the_conversation_from_the_device(
    contexts: Callable[..., Any],
) -> None:
    visitor = contexts()
    page = start_chat(visitor, "es")
    say(page, "hola")
    assert page.evaluate("localStorage.length") == 0  # no device code unless chosen
    page.close()
    again = visitor.new_page()
    again.goto("/chat?lang=es")
    assert again.locator("#start").is_visible()
    assert again.locator("#log li").count() == 0
    assert again.evaluate("sessionStorage.length") == 0
    again.check("#remember")
    again.click("#start")
    again.wait_for_selector("#compose:not([hidden])")
    assert len(again.evaluate("localStorage.getItem('zicht-chat-device')")) == 48


def test_the_closing_form_and_a_referral(
    contexts: Callable[..., Any], site: tuple[Server, Helpline, Path]
) -> None:
    _server, people, home = site
    staff, visitor = contexts(), contexts()
    console = log_in(staff, "cor")
    page = start_chat(visitor, "bg")
    say(page, "Помощ, майка ми ме кара да работя")
    conv = accept(console, "bg")
    conv.locator(".end").click()
    page.locator("#new").wait_for()
    conv.locator(".close-link").click()
    console.wait_for_url("**/close")
    console.check("input[name=about_trafficking][value=yes]")
    console.select_option("#caller", "victim")
    console.select_option("#form", "labour")
    console.select_option("#age_group", "minor")
    console.select_option("#gender", "female")
    console.select_option("#relationship", "parent")
    console.fill("#municipality", "Amsterdam")
    console.check("input[name=consent][value=referral]")
    console.fill("#contact", "")
    console.click("#closing button[type=submit]")
    console.locator(".error", has_text="contact details").wait_for()  # refused, kept filled in
    assert console.input_value("#municipality") == "Amsterdam"
    console.fill("#name", "Ivana")
    console.fill("#contact", "+359 88 123 4567")
    saved(console, "chat-closing-form")
    console.click("#closing button[type=submit]")
    console.wait_for_url("**/chat/console?closed=*&referral=*")
    referral_id = int(console.url.rsplit("referral=", 1)[1])
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    with db.session() as s:
        referral = s.get(ReferralRow, referral_id)
        assert referral is not None and referral.to_org_id == people.analyst.org_id
        kept = s.scalar(select(ChatClosingRow).where(ChatClosingRow.referral_id == referral_id))
        assert kept is not None and (kept.relationship, kept.age_group) == ("parent", "minor")
    db.dispose()
