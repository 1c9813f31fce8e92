"""The detector's suggestions beside a conversation: explained, for the counsellor only."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from tests.chat.conftest import console, counsellor, start_visitor, until
from tests.chat.test_reconnect import accepted
from zicht.chat import suggest as adapter

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
