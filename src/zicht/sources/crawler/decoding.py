"""Pages whose charset declaration lies, read as what they are."""

from __future__ import annotations

import codecs

from scrapy.http import TextResponse


def honest(response: TextResponse) -> tuple[TextResponse, str | None]:
    """The response decoded with a charset that fits its bytes, and a note when we changed it."""
    declared = response.encoding
    body = response.body
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        name = declared
    if name != "utf-8" and not body.isascii() and _decodes(body, "utf-8"):
        return response.replace(encoding="utf-8"), _note(declared, "utf-8")
    if _decodes(body, name):
        return response, None
    for alternative in ("utf-8", "cp1252"):
        if _decodes(body, alternative):
            return response.replace(encoding=alternative), _note(declared, alternative)
    return response, None


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _note(declared: str, used: str) -> str:
    return f"declared charset {declared} does not fit the bytes; read as {used}"
