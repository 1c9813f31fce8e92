"""Identifiers, the networks they join ads into, and the persons behind registrations."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IdentifierKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    HANDLE = "handle"
    URL = "url"
    IMAGE = "image"
    TEMPLATE = "template"


@dataclass(frozen=True, slots=True)
class Identifier:
    """Stored as a keyed pseudonym; the raw value only where the legal basis allows it."""

    kind: IdentifierKind
    pseudonym: str
    key_id: str
    raw_value: str | None = None


@dataclass(frozen=True, slots=True)
class Network:
    id: str
    document_ids: tuple[int, ...]
    score: float


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    registration_ids: tuple[int, ...]
