"""All settings in one place, read from `ZICHT_*` environment variables.

Unknown `ZICHT_*` variables are refused, so a typo never silently falls back to
a default. Secrets are required in production; in development they are
generated once and kept in `$ZICHT_HOME/secrets.json`.
"""

from __future__ import annotations

import json
import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from zicht.errors import ConfigurationError

PLACEHOLDER_SECRETS = {"", "changeme", "secret", "change-me"}


class Settings(BaseSettings):
    """Every setting zicht reads; each field is documented in docs/settings.md."""

    model_config = SettingsConfigDict(env_prefix="ZICHT_", extra="forbid")

    env: Literal["development", "production", "test"] = "development"
    home: Path = Path("var")
    database_url: str | None = None
    secret_key: str | None = Field(default=None, repr=False)
    pseudonym_keys: dict[str, str] | None = Field(default=None, repr=False)
    pseudonym_active_key: str | None = None
    session_hours: int = 8
    crawl_frontier: str | None = None
    chat_transcript_days: int = 30
    chat_grace_seconds: float = 120.0
    referral_overdue_hours: int = 72
    lang: Literal["nl", "en"] = "nl"

    @field_validator("session_hours", "chat_transcript_days", "referral_overdue_hours")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value <= 0:
            raise ValueError("must be positive")
        return value

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'zicht.db').resolve()}"

    def require_secrets(self) -> Secrets:
        """The secrets, generated and stored under `home` outside production."""
        return load_secrets(self)


class Secrets:
    """Secret material; kept apart from Settings so it is never printed."""

    def __init__(self, secret_key: str, pseudonym_keys: dict[str, str], active_key: str) -> None:
        if active_key not in pseudonym_keys:
            raise ConfigurationError(
                f"ZICHT_PSEUDONYM_ACTIVE_KEY names key {active_key!r}, "
                f"which is not in ZICHT_PSEUDONYM_KEYS ({', '.join(sorted(pseudonym_keys))})"
            )
        self.secret_key = secret_key
        self.pseudonym_keys = dict(pseudonym_keys)
        self.active_key = active_key


def load_secrets(settings: Settings) -> Secrets:
    stored_path = settings.home / "secrets.json"
    stored: dict[str, object] = {}
    if stored_path.exists():
        stored = json.loads(stored_path.read_text(encoding="utf-8"))
    secret_key = settings.secret_key or stored.get("secret_key")
    keys = settings.pseudonym_keys or stored.get("pseudonym_keys")
    active = settings.pseudonym_active_key or stored.get("pseudonym_active_key")
    if settings.env == "production":
        if not secret_key or str(secret_key).lower() in PLACEHOLDER_SECRETS:
            raise ConfigurationError("ZICHT_SECRET_KEY must be set to a real secret in production")
        if not keys:
            raise ConfigurationError("ZICHT_PSEUDONYM_KEYS must be set in production")
        if any(v.lower() in PLACEHOLDER_SECRETS or len(v) < 16 for v in dict(keys).values()):  # type: ignore[call-overload]
            raise ConfigurationError("every pseudonym key must be a real secret of 16+ characters")
    if not secret_key or not keys:
        secret_key = secret_key or secrets.token_urlsafe(32)
        keys = keys or {"k1": secrets.token_urlsafe(32)}
        active = active or next(iter(keys))  # type: ignore[call-overload]
        settings.home.mkdir(parents=True, exist_ok=True)
        stored_path.write_text(
            json.dumps(
                {"secret_key": secret_key, "pseudonym_keys": keys, "pseudonym_active_key": active},
                indent=2,
            ),
            encoding="utf-8",
        )
        os.chmod(stored_path, 0o600)
    key_map = {str(k): str(v) for k, v in dict(keys).items()}  # type: ignore[call-overload]
    return Secrets(str(secret_key), key_map, str(active or sorted(key_map)[-1]))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; `reset_settings()` clears them (tests, CLI options)."""
    unknown = sorted(
        name
        for name in os.environ
        if name.startswith("ZICHT_") and name[len("ZICHT_") :].lower() not in Settings.model_fields
    )
    if unknown:
        known = ", ".join("ZICHT_" + f.upper() for f in Settings.model_fields)
        raise ConfigurationError(f"unknown setting {unknown[0]} (known settings: {known})")
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = "ZICHT_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigurationError(f"{field}: {first['msg']}") from exc


def reset_settings() -> None:
    get_settings.cache_clear()
