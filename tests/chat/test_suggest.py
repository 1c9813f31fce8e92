"""The detector's suggestions beside a conversation: explained, for the counsellor only."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.chat.conftest import console, counsellor, start_visitor, until
from tests.chat.test_reconnect import accepted
from zicht.chat import suggest as adapter
from zicht.chat.hub import Hub
from zicht.store.db import Database

PASSPORT = "Mijn baas heeft mijn paspoort afgepakt en ik moet mijn schuld afbetalen"


@pytest.fixture
def no_detector(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    adapter.reset()
    monkeypatch.setitem(sys.modules, "zicht.detect", None)  # import now fails
    yield
    adapter.reset()


def test_a_suggestion_names_the_indicator_and_the_words_that_fired() -> None:
    found = adapter.suggest(PASSPORT, "nl")
    assert found.available
    by_id = {s["indicator"]: s for s in found.items}
    assert {"RETAINED_ID_DOCUMENTS", "DEBT_BONDAGE"} <= set(by_id)
    assert "paspoort" in by_id["RETAINED_ID_DOCUMENTS"]["why"]
    assert adapter.suggest("Ik wil graag een afspraak maken.", "nl").items == []


def test_without_the_detector_the_chat_says_so_and_goes_on(no_detector: None) -> None:
    found = adapter.suggest(PASSPORT, "nl")
    assert (found.available, found.items) == (False, [])
    assert found.note is not None and "zicht.detect" in found.note


def test_the_console_shows_suggestions_and_nothing_else_happens(
    clients: Callable[[], TestClient], wire: TestClient
) -> None:
    staff = counsellor(clients)
    with console(wire, staff) as cons, wire.websocket_connect("/chat/ws") as chat:
        start_visitor(chat)
        cid = accepted(cons, chat)
        chat.send_json({"type": "msg", "cid": "p", "body": PASSPORT})
        frame = until(cons, "suggestions", conversation=cid)
        while not frame["items"]:
            frame = until(cons, "suggestions", conversation=cid)
        assert frame["available"] and "RETAINED_ID_DOCUMENTS" in {
            s["indicator"] for s in frame["items"]
        }
        chat.send_json({"type": "msg", "cid": "q", "body": "thank you"})
        # The visitor never sees a suggestion; the conversation simply goes on.
        assert until(chat, "msg", cid="q")["body"] == "thank you"


def test_a_busy_conversation_runs_the_detector_once_for_several_messages(
    clients: Callable[[], TestClient],
    wire: TestClient,
    chat_app: FastAPI,
    sqlite_database: Database,
) -> None:
    runs: list[str] = []

    def counted(text: str, lang: str) -> adapter.Suggestions:
        runs.append(text)
        return adapter.suggest(text, lang)

    hub = chat_app.state.chat_hub = Hub(sqlite_database, suggester=counted)
    assert hub.suggestions is not None
    hub.suggestions.every = 1.0
    lines = [
        "Mijn baas heeft mijn paspoort afgepakt",
        "ik slaap op het werk",
        "ik moet mijn schuld afbetalen",
        "help",
    ]
    staff = counsellor(clients)
    with console(wire, staff) as cons, wire.websocket_connect("/chat/ws") as chat:
        start_visitor(chat)
        cid = accepted(cons, chat)
        for n, line in enumerate(lines):
            chat.send_json({"type": "msg", "cid": f"m{n}", "body": line})
        found: set[str] = set()
        while "DEBT_BONDAGE" not in found:
            frame = until(cons, "suggestions", conversation=cid)
            found = {s["indicator"] for s in frame["items"]}
    assert {"RETAINED_ID_DOCUMENTS", "DEBT_BONDAGE"} <= found
    assert len(frame["items"]) == len(found)  # each indicator shown once
    # Every line read exactly once, in at most two runs (the first at once, the rest together).
    assert len(runs) <= 2 and "\n".join(runs).split("\n") == lines
