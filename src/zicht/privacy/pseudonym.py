"""Keyed pseudonyms of identifiers (HMAC-SHA256), with a key id so keys can rotate.

A pseudonym lets two records be linked on the same phone number without
storing the number. The key id beside each digest says which key made it, so
a new key can be introduced while old pseudonyms stay findable.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass

from zicht.errors import ConfigurationError
from zicht.settings import Settings, get_settings


@dataclass(frozen=True, slots=True)
class Pseudonym:
    key_id: str
    digest: str

    def __str__(self) -> str:
        return f"{self.key_id}:{self.digest}"


class Pseudonymiser:
    """Makes and checks pseudonyms with a keyring; the active key makes new ones."""

    def __init__(self, keys: Mapping[str, str], active_key: str) -> None:
        if not keys:
            raise ConfigurationError("no pseudonym keys configured")
        if active_key not in keys:
            raise ConfigurationError(f"active pseudonym key {active_key!r} is not in the keyring")
        self._keys = {key_id: secret.encode("utf-8") for key_id, secret in keys.items()}
        self.active_key = active_key

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Pseudonymiser:
        secrets = (settings or get_settings()).require_secrets()
        return cls(secrets.pseudonym_keys, secrets.active_key)

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(self._keys)

    def pseudonymise(self, kind: str, value: str, *, key_id: str | None = None) -> Pseudonym:
        """The pseudonym of a normalised value; the kind separates a phone from a handle."""
        key_id = key_id or self.active_key
        try:
            key = self._keys[key_id]
        except KeyError:
            raise ConfigurationError(f"unknown pseudonym key {key_id!r}") from None
        message = f"{kind}\x1f{value}".encode()
        return Pseudonym(key_id, hmac.digest(key, message, "sha256").hex())

    def all_pseudonyms(self, kind: str, value: str) -> list[Pseudonym]:
        """The value's pseudonym under every key: what a lookup must search for."""
        return [self.pseudonymise(kind, value, key_id=key_id) for key_id in self._keys]

    def matches(self, kind: str, value: str, pseudonym: Pseudonym) -> bool:
        if pseudonym.key_id not in self._keys:
            return False
        candidate = self.pseudonymise(kind, value, key_id=pseudonym.key_id)
        return hmac.compare_digest(candidate.digest, pseudonym.digest)
