"""Login, logout and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from zicht.accounts import service, sessions
from zicht.errors import NotFound, Unauthenticated
from zicht.privacy import audit
from zicht.web.auth import (
    SESSION_COOKIE,
    DbSession,
    OptionalLogin,
    clear_session_cookie,
    cookie_secure,
    set_session_cookie,
)
from zicht.web.csrf import LOGIN_COOKIE, LOGIN_MAX_AGE, login_nonce, login_token_ok, new_login_token
from zicht.web.i18n import LANG_COOKIE, LANGUAGES
from zicht.web.templating import render

router = APIRouter(include_in_schema=False)


def local_path(target: str | None) -> str:
    """Only a path on this site, so `next=` can never send a user elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def login_page(
    request: Request, *, next_path: str, error: str | None = None, status_code: int = 200
) -> Response:
    secret = request.app.state.secret_key
    nonce = login_nonce(secret, request.cookies.get(LOGIN_COOKIE))
    cookie = None
    if nonce is None:
        nonce, cookie = new_login_token(secret)
    response = render(
        request,
        "login.html",
        {"login_nonce": nonce, "next": next_path, "error": error},
        status_code=status_code,
    )
    if cookie is not None:
        response.set_cookie(
            LOGIN_COOKIE,
            cookie,
            max_age=LOGIN_MAX_AGE,
            path="/login",
            httponly=True,
            samesite="strict",
            secure=cookie_secure(request),
        )
    return response


@router.get("/login")
def login_form(request: Request, login: OptionalLogin, next: str = "/") -> Response:
    if login is not None:
        return RedirectResponse(local_path(next), status_code=303)
    return login_page(request, next_path=local_path(next))


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    next_path = local_path(next)
    if not login_token_ok(
        request.app.state.secret_key, request.cookies.get(LOGIN_COOKIE), csrf_token
    ):
        return login_page(request, next_path=next_path, error="login.expired", status_code=403)
    settings = request.app.state.settings
    try:
        # Our own unit of work, not DbSession: the refusal is audited when this block
        # fails, and the page can still say so in the form instead of an error page.
        with request.app.state.database.session() as db:
            user = service.authenticate(db, username.strip(), password)
            previous = request.cookies.get(SESSION_COOKIE)
            if previous:
                sessions.end(db, previous)  # a new login never keeps an old token alive
            sessions.purge_expired(db)
            started = sessions.start(db, user, hours=settings.session_hours)
    except Unauthenticated:
        return login_page(request, next_path=next_path, error="login.failed", status_code=401)
    response = RedirectResponse(next_path, status_code=303)
    set_session_cookie(request, response, started.token, settings.session_hours)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, db: DbSession, login: OptionalLogin) -> Response:
    if login is not None:
        sessions.end(db, login.token)
        audit.record(db, actor=login.user.username, org_id=login.user.org_id, action="logout")
    response = RedirectResponse("/login", status_code=303)
    clear_session_cookie(request, response)
    return response


@router.get("/lang/{code}")
def switch_language(request: Request, code: str, next: str = "/") -> Response:
    if code not in LANGUAGES:
        raise NotFound(f"no language {code!r} (known: {', '.join(LANGUAGES)})")
    response = RedirectResponse(local_path(next), status_code=303)
    response.set_cookie(
        LANG_COOKIE,
        code,
        max_age=365 * 24 * 3600,
        path="/",
        samesite="lax",
        secure=cookie_secure(request),
    )
    return response
