"""Documents and retention on both engines."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests import factories
from zicht.cli import main
from zicht.privacy import audit, retention
from zicht.store.db import Database, utcnow
from zicht.store.tables import AuditRow, DocumentRow, IdentifierRow, OrganisationRow


def document_row(session: Session, *, age_days: int = 0, keep_days: int = 30) -> DocumentRow:
    org = session.scalars(select(OrganisationRow)).first()
    assert org is not None
    fetched = utcnow() - timedelta(days=age_days)
    row = DocumentRow(
        org_id=org.id,
        kind="ad",
        external_ref=f"ref-{utcnow().timestamp()}",
        title="t",
        text="tekst",
        fields={},
        content_hash="0" * 64,
        fetched_at=fetched,
        retain_until=fetched + timedelta(days=keep_days),
    )
    session.add(row)
    session.flush()
    return row


def test_datetimes_round_trip_as_aware_utc(database: Database) -> None:
    with database.session() as s:
        factories.user(s, "ana", "Politie", "police", "analyst")
        row = document_row(s)
        written = row.fetched_at
    with database.session() as s:
        read = s.get(DocumentRow, row.id)
        assert read is not None
        assert read.fetched_at == written and read.fetched_at.tzinfo is not None


def test_retention_deletes_expired_documents_with_their_identifiers(database: Database) -> None:
    with database.session() as s:
        factories.user(s, "ana", "Politie", "police", "analyst")
        old = document_row(s, age_days=40, keep_days=30)
        s.add(IdentifierRow(document_id=old.id, kind="phone", pseudonym="x" * 64, key_id="k1"))
        fresh = document_row(s, age_days=1, keep_days=30)
    with database.session() as s:
        counts = retention.run(s, actor="retention-job")
    # Other rules (chat transcripts, registrations) run too and find nothing here.
    assert counts["documents"] == 1 and sum(counts.values()) == 1
    with database.session() as s:
        assert [d.id for d in s.scalars(select(DocumentRow))] == [fresh.id]
        assert s.scalar(select(func.count()).select_from(IdentifierRow)) == 0
        entry = s.scalars(select(AuditRow).where(AuditRow.action == "retention.run")).one()
        assert entry.detail["deleted"] == counts
        assert audit.verify(s).ok


def test_retention_command_prints_counts(database: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        factories.user(s, "ana", "Politie", "police", "analyst")
        document_row(s, age_days=400, keep_days=30)
    assert main(["retention", "run"]) == 0
    deleted = json.loads(capsys.readouterr().out)["deleted"]
    assert deleted["documents"] == 1
    assert {"registrations", "chat_transcripts"} <= set(deleted)  # every rule runs
