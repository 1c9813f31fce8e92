"""What every command needs: the database, acting as a named user, reading a password."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from zicht.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from zicht.domain import User


@contextmanager
def unit_of_work() -> Iterator[Session]:
    from zicht.store import get_database

    with get_database().session() as session:
        yield session


@contextmanager
def acting_as(username: str) -> Iterator[tuple[Session, User]]:
    """A transaction in which the named user acts, so the audit log names them."""
    from zicht.accounts.service import get_user

    with unit_of_work() as session:
        yield session, get_user(session, username)


def read_password_stdin() -> str:
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise InvalidInput("no password on standard input")
    return password
