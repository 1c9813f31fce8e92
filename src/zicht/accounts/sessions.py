"""Server-side login sessions: the cookie holds a random token; the database holds its hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from zicht.accounts.service import user_to_domain
from zicht.domain import User
from zicht.errors import Unauthenticated
from zicht.store.db import utcnow
from zicht.store.tables import UserRow, WebSessionRow


@dataclass(frozen=True, slots=True)
class LoginSession:
    token: str
    csrf_token: str
    user: User


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def start(session: Session, user: User, *, hours: int) -> LoginSession:
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        WebSessionRow(
            token_hash=_digest(token),
            user_id=user.id,
            csrf_token=csrf,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return LoginSession(token, csrf, user)


def resolve(session: Session, token: str) -> LoginSession:
    row = session.get(WebSessionRow, _digest(token))
    if row is None or row.expires_at <= utcnow():
        raise Unauthenticated("not logged in or the session has expired")
    user_row = session.get(UserRow, row.user_id)
    if user_row is None or not user_row.active:
        raise Unauthenticated("the account is no longer active")
    return LoginSession(token, row.csrf_token, user_to_domain(user_row))


def end(session: Session, token: str) -> None:
    session.execute(delete(WebSessionRow).where(WebSessionRow.token_hash == _digest(token)))


def purge_expired(session: Session) -> int:
    expired = session.scalars(
        select(WebSessionRow.token_hash).where(WebSessionRow.expires_at <= utcnow())
    ).all()
    if expired:
        session.execute(delete(WebSessionRow).where(WebSessionRow.token_hash.in_(expired)))
    return len(expired)
