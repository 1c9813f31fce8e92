"""The append-only, hash-chained audit log.

Each entry carries the hash of the entry before it, and a one-row head table
carries the newest entry's sequence number and hash. Changing or deleting any
entry, even the last one, breaks the chain where `verify` finds it. Writers take
the head row's lock first, so concurrent writers never fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from zicht.domain import AuditEntry
from zicht.store.db import utcnow
from zicht.store.tables import AuditRow

GENESIS = "0" * 64


def entry_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    org_id: int | None,
    action: str,
    record_type: str | None,
    record_id: str | None,
    detail: dict[str, Any],
    prev_hash: str,
) -> str:
    payload = {
        "seq": seq,
        "at": at.isoformat(timespec="microseconds"),
        "actor": actor,
        "org_id": org_id,
        "action": action,
        "record_type": record_type,
        "record_id": record_id,
        "detail": detail,
        "prev_hash": prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    org_id: int | None = None,
    record_type: str | None = None,
    record_id: object = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry inside the caller's transaction: it lands or fails with their change."""
    # The UPDATE takes the head's row lock (PostgreSQL) or the write lock (SQLite).
    session.execute(text("UPDATE audit_head SET seq = seq + 1 WHERE id = 1"))
    seq, prev_hash = session.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
    at = utcnow()
    detail = json.loads(json.dumps(detail or {}, default=str))
    rid = None if record_id is None else str(record_id)
    digest = entry_hash(
        seq=seq,
        at=at,
        actor=actor,
        org_id=org_id,
        action=action,
        record_type=record_type,
        record_id=rid,
        detail=detail,
        prev_hash=prev_hash,
    )
    session.add(
        AuditRow(
            seq=seq,
            at=at,
            actor=actor,
            org_id=org_id,
            action=action,
            record_type=record_type,
            record_id=rid,
            detail=detail,
            prev_hash=prev_hash,
            hash=digest,
        )
    )
    session.execute(text("UPDATE audit_head SET hash = :h WHERE id = 1"), {"h": digest})
    session.flush()
    return AuditEntry(seq, at, actor, org_id, action, record_type, rid, detail, prev_hash, digest)


@dataclass(frozen=True, slots=True)
class ChainReport:
    entries: int
    ok: bool
    first_bad_seq: int | None = None
    reason: str | None = None


def verify(session: Session) -> ChainReport:
    """Recompute the chain and name the first entry that was altered or removed."""
    rows = session.execute(select(AuditRow).order_by(AuditRow.seq)).scalars()
    return verify_rows(rows, *session.execute(text("SELECT seq, hash FROM audit_head")).one())


def verify_rows(rows: Iterable[AuditRow], head_seq: int, head_hash: str) -> ChainReport:
    expected_seq, prev_hash, count = 1, GENESIS, 0
    for row in rows:
        if row.seq != expected_seq:
            return ChainReport(count, False, expected_seq, f"entry {expected_seq} was removed")
        recomputed = entry_hash(
            seq=row.seq,
            at=row.at,
            actor=row.actor,
            org_id=row.org_id,
            action=row.action,
            record_type=row.record_type,
            record_id=row.record_id,
            detail=row.detail,
            prev_hash=row.prev_hash,
        )
        if recomputed != row.hash:
            return ChainReport(count, False, row.seq, f"entry {row.seq} was altered")
        if row.prev_hash != prev_hash:
            bad = row.seq - 1
            return ChainReport(
                count, False, bad, f"entry {bad} was altered: entry {row.seq} no longer links to it"
            )
        prev_hash, expected_seq, count = row.hash, expected_seq + 1, count + 1
    if head_seq != count:
        first = count + 1
        return ChainReport(count, False, first, f"entry {first} was removed (the log ends early)")
    if head_hash != prev_hash:
        return ChainReport(count, False, count, f"entry {count} was altered")
    return ChainReport(count, True)


def to_domain(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        row.seq,
        row.at,
        row.actor,
        row.org_id,
        row.action,
        row.record_type,
        row.record_id,
        row.detail,
        row.prev_hash,
        row.hash,
    )
