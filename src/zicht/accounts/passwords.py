"""Password hashing with argon2id, the current OWASP recommendation."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from zicht.errors import InvalidInput
from zicht.settings import get_settings


@cache
def _hasher_for(env: str) -> PasswordHasher:
    # Tests hash hundreds of passwords; a cheap profile keeps them fast. The
    # parameters travel inside each hash, so verification works across profiles.
    if env == "test":
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return PasswordHasher()


def _hasher() -> PasswordHasher:
    return _hasher_for(get_settings().env)


MIN_LENGTH = 10


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"password too short: at least {MIN_LENGTH} characters")
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def dummy_hash() -> str:
    """Verified against when the username is unknown, so a login takes as long either way."""
    return _hasher().hash("not-a-real-password")
