"""The visitor page's own catalogue: eight languages, chosen by the visitor, kept in no cookie.

Many victims are not Dutch. The language is the `lang` query parameter, else the
browser's Accept-Language, else Dutch; the page carries it in its links.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

VISITOR_LANGUAGES = ("nl", "en", "pl", "ro", "bg", "uk", "es", "pt")
NAMES = {
    "nl": "Nederlands",
    "en": "English",
    "pl": "Polski",
    "ro": "Română",
    "bg": "Български",
    "uk": "Українська",
    "es": "Español",
    "pt": "Português",
}


@cache
def visitor_catalogue(lang: str) -> dict[str, str]:
    if lang not in VISITOR_LANGUAGES:
        raise KeyError(lang)
    path = resources.files("zicht.chat") / "messages" / f"{lang}.json"
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def visitor_language(query: str | None, accept_language: str) -> str:
    if query in VISITOR_LANGUAGES:
        return query
    for part in accept_language.split(","):
        piece, _, params = part.strip().partition(";")
        code = piece.strip().lower().split("-")[0]
        if code in VISITOR_LANGUAGES and params.replace(" ", "") not in ("q=0", "q=0.0"):
            return code
    return "nl"
