"""The one place where errors become HTTP: JSON for the API, a page for a browser.

Business code raises `zicht.errors` classes; this turns them (and FastAPI's own
validation and routing errors) into `{"error": code, "message": ...}` under
`/api/` or for a client that asks for JSON, and into a translated HTML page
otherwise. An HTMX request gets a fragment for the page's message area.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from zicht.errors import ZichtError
from zicht.web.templating import is_htmx, render

# The error codes of plain HTTP failures, so that the JSON keeps one shape.
HTTP_CODES = {401: "unauthenticated", 403: "forbidden", 404: "not_found", 405: "not_allowed"}
# Statuses with their own translated title (`error.status.<n>`); others use `error.status.other`.
TITLED = frozenset({400, 401, 403, 404, 405, 409, 422, 500})


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(
    request: Request, status: int, code: str, message: str, detail: object = None
) -> Response:
    if wants_json(request):
        body: dict[str, object] = {"error": code, "message": message}
        if detail is not None:
            body["detail"] = detail
        return JSONResponse(body, status_code=status)
    if status == 401 and not is_htmx(request):
        target = request.url.path if request.method == "GET" else "/"
        return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)
    title = f"error.status.{status if status in TITLED else 'other'}"
    context = {"status": status, "code": code, "message": message, "title": title}
    if is_htmx(request):
        headers = {"HX-Retarget": "#flash", "HX-Reswap": "innerHTML"}
        if status == 401:
            headers["HX-Redirect"] = "/login"
        return render(request, "_error.html", context, status_code=status, headers=headers)
    return render(request, "error.html", context, status_code=status)


async def on_zicht_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ZichtError)
    return error_response(request, exc.status_code, exc.code, exc.message)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    message = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in errors]
    return error_response(request, 422, "invalid", message, detail)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = HTTP_CODES.get(exc.status_code, "error")
    return error_response(request, exc.status_code, code, str(exc.detail))


async def on_unexpected(request: Request, exc: Exception) -> Response:
    # Starlette re-raises after this, so the server logs the traceback; the client
    # learns nothing about the internals.
    return error_response(request, 500, "internal", "an unexpected error occurred")


def install(app: FastAPI) -> None:
    app.add_exception_handler(Exception, on_unexpected)
    app.add_exception_handler(ZichtError, on_zicht_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
