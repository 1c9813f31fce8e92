"""Who is asking: the unit of work per request, the login session and its cookie.

The cookie holds only a random token; the session lives in the database
(`zicht.accounts.sessions`). Dependency aliases in the style of the FastAPI
template: `DbSession`, `OptionalLogin`, `OptionalUser`, `CurrentLogin`, `CurrentUser`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request, Response
from fastapi.security import APIKeyCookie
from sqlalchemy.orm import Session

from zicht.accounts import sessions
from zicht.accounts.sessions import LoginSession
from zicht.domain import User
from zicht.errors import Unauthenticated

SESSION_COOKIE = "zicht_session"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})

session_cookie = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    description="The login session; log in at /login. State changes also need X-CSRF-Token.",
)


def get_db(request: Request) -> Iterator[Session]:
    """One transaction per request: committed before the response, rolled back on error."""
    with request.app.state.database.session() as session:
        yield session


# scope="function": the transaction ends when the endpoint returns, so a commit that
# fails turns into an error response instead of following a success already sent.
DbSession = Annotated[Session, Depends(get_db, scope="function")]


def get_login(
    request: Request,
    db: DbSession,
    token: Annotated[str | None, Depends(session_cookie)],
) -> LoginSession | None:
    if not token:
        return None
    try:
        login = sessions.resolve(db, token)
    except Unauthenticated:
        return None
    request.state.user = login.user
    request.state.csrf_token = login.csrf_token
    return login


OptionalLogin = Annotated[LoginSession | None, Depends(get_login)]


def require_login(login: OptionalLogin) -> LoginSession:
    if login is None:
        raise Unauthenticated("not logged in or the session has expired")
    return login


CurrentLogin = Annotated[LoginSession, Depends(require_login)]


def optional_user(login: OptionalLogin) -> User | None:
    return login.user if login else None


def current_user(login: CurrentLogin) -> User:
    return login.user


OptionalUser = Annotated[User | None, Depends(optional_user)]
CurrentUser = Annotated[User, Depends(current_user)]


def cookie_secure(request: Request) -> bool:
    """Secure everywhere except plain http on this machine (a laptop demo)."""
    return not (request.url.scheme == "http" and request.url.hostname in LOCAL_HOSTS)


def set_session_cookie(request: Request, response: Response, token: str, hours: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=hours * 3600,
        path="/",
        httponly=True,
        samesite="strict",
        secure=cookie_secure(request),
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=cookie_secure(request)
    )
