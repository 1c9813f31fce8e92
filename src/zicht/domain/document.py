"""What comes in: a document through a source under a deployment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class DocumentKind(StrEnum):
    AD = "ad"
    MUTATION = "mutation"
    CHAT = "chat"
    REGISTRATION = "registration"
    INSPECTION = "inspection"


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    deployment_id: int | None
    kind: DocumentKind
    name: str


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    org_id: int
    kind: DocumentKind
    deployment_id: int | None
    source_id: int | None
    external_ref: str | None
    title: str | None
    text: str | None
    content_hash: str
    fetched_at: datetime
    retain_until: datetime
