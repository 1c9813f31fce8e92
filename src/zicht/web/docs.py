"""OpenAPI docs at /docs from vendored Swagger UI: no CDN, and no inline script (strict CSP)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import HTMLResponse

from zicht.web.templating import render


def install(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        return render(request, "docs.html", {"openapi_url": app.openapi_url})
