"""The visitor page speaks eight languages, chosen by the visitor, remembered by no cookie."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from zicht.chat.i18n import VISITOR_LANGUAGES, visitor_catalogue, visitor_language


def test_every_catalogue_has_the_same_keys_and_no_empty_text() -> None:
    dutch = visitor_catalogue("nl")
    for lang in VISITOR_LANGUAGES:
        texts = visitor_catalogue(lang)
        assert set(texts) == set(dutch), lang
        assert all(value.strip() for value in texts.values()), lang
    assert len({visitor_catalogue(lang)["exit"] for lang in VISITOR_LANGUAGES}) == 8


@pytest.mark.parametrize("lang", VISITOR_LANGUAGES)
def test_the_page_in_each_language(clients: Callable[[], TestClient], lang: str) -> None:
    page = clients().get(f"/chat?lang={lang}")
    assert page.status_code == 200
    assert f'<html lang="{lang}">' in page.text
    assert visitor_catalogue(lang)["banner.title"] in page.text
    assert "set-cookie" not in page.headers


def test_the_browser_language_is_the_default_and_dutch_the_fallback() -> None:
    assert visitor_language(None, "ro-RO,ro;q=0.9,en;q=0.8") == "ro"
    assert visitor_language(None, "de-DE, uk;q=0.5") == "uk"
    assert visitor_language(None, "fr, pl;q=0") == "nl"
    assert visitor_language("bg", "en") == "bg"
    assert visitor_language("xx", "") == "nl"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_closing_choice_has_a_label(lang: str) -> None:
    from zicht.web.routes.chat import choices

    for name, options in choices(lang).items():
        assert options and all(label.strip() for _, label in options), name
