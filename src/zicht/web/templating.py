"""Rendering a page: the template plus what every page needs (t, language, user, CSRF, nav)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from zicht.web.i18n import LANGUAGES, language, translator
from zicht.web.navigation import pages_for

TEMPLATES = Path(__file__).parent / "templates"


def _when(value: datetime | None) -> str:
    return "-" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def _common(request: Request) -> dict[str, Any]:
    lang = language(request)
    user = getattr(request.state, "user", None)
    return {
        "t": translator(lang),
        "lang": lang,
        "languages": LANGUAGES,
        "user": user,
        "csrf_token": getattr(request.state, "csrf_token", None),
        "nav": pages_for(user),
        "here": request.url.path,
    }


templates = Jinja2Templates(directory=TEMPLATES, context_processors=[_common])
templates.env.filters["when"] = _when


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    return templates.TemplateResponse(
        request, name, context or {}, status_code=status_code, headers=headers
    )


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
