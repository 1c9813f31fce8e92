"""Domain errors.

Business code raises these; the web layer and the CLI turn them into an HTTP
response or a one-line message with a non-zero exit. Nothing below `web` raises
`HTTPException`.
"""

from __future__ import annotations

from typing import Any


class ZichtError(Exception):
    """Base of every error a user can cause and should read."""

    status_code = 400
    code = "invalid"

    def __init__(self, message: str, *, audit: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        # An audit entry that must outlive the rolled-back transaction (a refusal is
        # itself worth recording); `Database.session` writes it after the rollback.
        self.audit = audit


class InvalidInput(ZichtError):
    """The input is malformed or names something that does not exist."""


class NotFound(ZichtError):
    """The record does not exist, or the caller may not know that it does."""

    status_code = 404
    code = "not_found"


class Forbidden(ZichtError):
    """The caller is known but acts outside their role or organisation."""

    status_code = 403
    code = "forbidden"


class Unauthenticated(ZichtError):
    """No valid login or token."""

    status_code = 401
    code = "unauthenticated"


class Conflict(ZichtError):
    """The request clashes with the current state (duplicate, wrong state)."""

    status_code = 409
    code = "conflict"


class Unlawful(ZichtError):
    """No deployment or legal basis covers the requested collection or use."""

    status_code = 403
    code = "unlawful"


class ConfigurationError(ZichtError):
    """A setting is missing, unknown or wrong, or a service does not answer."""

    status_code = 500
    code = "configuration"
