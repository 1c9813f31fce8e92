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

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from zicht.domain import AuditEntry, User
from zicht.errors import ZichtError
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


@dataclass(frozen=True, slots=True)
class Event:
    """What happened, before it gets its place in the chain."""

    actor: str
    action: str
    org_id: int | None = None
    record_type: str | None = None
    record_id: object = None
    detail: dict[str, Any] | None = None


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
    event = Event(actor, action, org_id, record_type, record_id, detail)
    return record_many(session, [event])[0]


def record_many(session: Session, events: list[Event]) -> list[AuditEntry]:
    """Append several entries under one lock of the head: what a crawl or an import uses."""
    if not events:
        return []
    # The UPDATE takes the head's row lock (PostgreSQL) or the write lock (SQLite), and
    # RETURNING gives the new sequence end with the hash as it was before this batch.
    last_seq, prev_hash = session.execute(
        text("UPDATE audit_head SET seq = seq + :n WHERE id = 1 RETURNING seq, hash"),
        {"n": len(events)},
    ).one()
    at = utcnow()
    entries = []
    for seq, event in enumerate(events, start=last_seq - len(events) + 1):
        detail = json.loads(json.dumps(event.detail or {}, default=str))
        rid = None if event.record_id is None else str(event.record_id)
        digest = entry_hash(
            seq=seq,
            at=at,
            actor=event.actor,
            org_id=event.org_id,
            action=event.action,
            record_type=event.record_type,
            record_id=rid,
            detail=detail,
            prev_hash=prev_hash,
        )
        entries.append(
            AuditEntry(
                seq,
                at,
                event.actor,
                event.org_id,
                event.action,
                event.record_type,
                rid,
                detail,
                prev_hash,
                digest,
            )
        )
        prev_hash = digest
    session.execute(insert(AuditRow), [_row_values(entry) for entry in entries])
    session.execute(text("UPDATE audit_head SET hash = :h WHERE id = 1"), {"h": prev_hash})
    return entries


def _row_values(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "org_id": entry.org_id,
        "action": entry.action,
        "record_type": entry.record_type,
        "record_id": entry.record_id,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


def refuse(session: Session, error: ZichtError) -> ZichtError:
    """Record a refusal now and hand the error back to raise.

    The entry is written in the caller's transaction, so it stays if the caller
    handles the error and commits; if the error ends the transaction instead,
    `Database.session` writes it again after the rollback. Either way the
    refusal is on record exactly once.
    """
    if error.audit is not None:
        record(session, **error.audit)
    return error


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


def visible_entries(
    session: Session, actor: User, *, limit: int = 200, before_seq: int | None = None
) -> list[AuditEntry]:
    """Newest first: an admin reads every entry, anyone else their own organisation's."""
    query = select(AuditRow).order_by(AuditRow.seq.desc()).limit(max(1, min(limit, 1000)))
    if not actor.is_admin:
        query = query.where(AuditRow.org_id == actor.org_id)
    if before_seq is not None:
        query = query.where(AuditRow.seq < before_seq)
    return [to_domain(row) for row in session.scalars(query)]
