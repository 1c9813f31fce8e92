"""Cross-site request forgery: a state change must prove it comes from our own page.

With a session: every POST/PUT/PATCH/DELETE carries the session's CSRF token in
the form field `csrf_token` or the header `X-CSRF-Token` (HTMX sends the header,
set once on `<body hx-headers>`). Before a session exists, the login form carries
a nonce that must match a cookie signed with the secret key, so another site
cannot log a browser into an account of its choosing (login CSRF).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from zicht.errors import Forbidden
from zicht.web.auth import OptionalLogin

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FORM_FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
LOGIN_COOKIE = "zicht_login_csrf"
LOGIN_MAX_AGE = 2 * 3600
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

csrf_header = APIKeyHeader(
    name=HEADER, auto_error=False, description="The session's CSRF token (GET /api/me)."
)


class CsrfRejected(Forbidden):
    code = "csrf"


async def sent_token(request: Request, header: str | None) -> str | None:
    if header:
        return header
    if request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(FORM_FIELD)
        return value if isinstance(value, str) else None
    return None


async def csrf_protect(
    request: Request,
    login: OptionalLogin,
    header: Annotated[str | None, Depends(csrf_header)],
) -> None:
    """App-wide dependency: no state change rides on a session cookie without its token."""
    if request.method in SAFE_METHODS or login is None:
        return
    token = await sent_token(request, header)
    if token is None or not hmac.compare_digest(token, login.csrf_token):
        raise CsrfRejected(
            "the request lacks this session's CSRF token; reload the page and try again",
            audit={
                "actor": login.user.username,
                "org_id": login.user.org_id,
                "action": "csrf.rejected",
                "detail": {"method": request.method, "path": request.url.path},
            },
        )


def _signature(secret: str, nonce: str, issued: str) -> str:
    message = f"login-csrf|{nonce}|{issued}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def new_login_token(secret: str) -> tuple[str, str]:
    """A nonce for the form and the signed cookie value that vouches for it."""
    nonce = secrets.token_urlsafe(24)
    issued = str(int(time.time()))
    return nonce, f"{nonce}.{issued}.{_signature(secret, nonce, issued)}"


def login_nonce(secret: str, cookie: str | None) -> str | None:
    """The nonce in a valid, unexpired signed cookie; None otherwise."""
    if not cookie or cookie.count(".") != 2:
        return None
    nonce, issued, signature = cookie.split(".")
    if not issued.isdigit() or not hmac.compare_digest(
        signature, _signature(secret, nonce, issued)
    ):
        return None
    if time.time() - int(issued) > LOGIN_MAX_AGE:
        return None
    return nonce


def login_token_ok(secret: str, cookie: str | None, sent: str | None) -> bool:
    nonce = login_nonce(secret, cookie)
    return nonce is not None and sent is not None and hmac.compare_digest(nonce, sent)
