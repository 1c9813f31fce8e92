"""An entry of the append-only, hash-chained audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    org_id: int | None
    action: str
    record_type: str | None
    record_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str
