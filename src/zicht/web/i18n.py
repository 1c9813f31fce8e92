"""UI text in Dutch and English: every string a page shows goes through `t(key)`.

The catalogues are JSON files in `messages/`, one per language, with the same
keys (a test checks). Each part of the app may keep its own texts in
`messages/<part>/<lang>.json`; they are merged into the language's catalogue and a
key defined twice is an error, so parts cannot overwrite each other's texts.

The language is the `lang` cookie set by `/lang/{code}`, else the
browser's Accept-Language, else `ZICHT_LANG` (Dutch by default).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from starlette.requests import Request

LANGUAGES = ("nl", "en")
LANG_COOKIE = "lang"
MESSAGES = Path(__file__).parent / "messages"

Translator = Callable[..., str]


@cache
def catalogue(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in [MESSAGES / f"{lang}.json", *sorted(MESSAGES.glob(f"*/{lang}.json"))]:
        part: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        twice = sorted(merged.keys() & part.keys())
        if twice:
            raise ValueError(f"{path}: keys defined in another catalogue too: {twice}")
        merged.update(part)
    return merged


def translator(lang: str) -> Translator:
    """`t(key, **values)`; an unknown key raises, so a missing text is a failing test."""
    messages = catalogue(lang)

    def t(key: str, **values: Any) -> str:
        text = messages[key]
        return text.format(**values) if values else text

    return t


def from_accept_language(header: str) -> str | None:
    """The first supported language in the header, honouring q-values."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        piece, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        code = piece.strip().lower().split("-")[0]
        if code in LANGUAGES and quality > 0:
            ranked.append((-quality, index, code))
    return min(ranked)[2] if ranked else None


def language(request: Request) -> str:
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    found = from_accept_language(request.headers.get("accept-language", ""))
    if found:
        return found
    settings = getattr(request.app.state, "settings", None)
    return settings.lang if settings is not None else LANGUAGES[0]
