"""Transcripts go after the set number of days; the closing form and the counts stay; audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.chat.conftest import seed
from zicht.chat import closing, store
from zicht.chat.retention import DEFAULT_DAYS, delete_transcripts, transcript_days
from zicht.privacy import retention
from zicht.settings import reset_settings
from zicht.store.db import Database
from zicht.store.tables import (
    AuditRow,
    ChatClosingRow,
    ChatConversationRow,
    ChatMessageRow,
    ChatTransferRow,
)

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def conversation(session: Session, org_id: int, when: datetime, n: int) -> int:
    cid = store.create(session, token=f"t{n}", lang="en", visitor=None, now=when)
    store.save_messages(
        session,
        [
            store.StoredMessage(cid, 1, "visitor", None, "my boss keeps my passport", when),
            store.StoredMessage(cid, 2, "counsellor", "cor", "I am sorry to hear that", when),
        ],
    )
    row = session.get(ChatConversationRow, cid)
    assert row is not None
    row.status, row.org_id, row.counsellor = "ended", org_id, "cor"
    session.add(
        ChatTransferRow(
            conversation_id=cid,
            from_user="cor",
            to_user="cas",
            note="a note",
            at=when,
        )
    )
    return cid


def test_the_retention_job_deletes_old_transcripts_and_keeps_the_closing(
    database: Database,
) -> None:
    assert transcript_days() == DEFAULT_DAYS == 30
    with database.session() as s:
        people = seed(s)
        old = conversation(s, people.cor.org_id, START, 1)
        new = conversation(s, people.cor.org_id, START + timedelta(days=20), 2)
        closing.close(
            s,
            people.cor,
            old,
            closing.Closing(True, "victim", "labour", "adult", "male", "employer", None, "counted"),
            now=START,
        )
    with database.session() as s:
        counts = retention.run(s, actor="retention", now=START + timedelta(days=31))
    assert counts["chat_transcripts"] == 1
    with database.session() as s:
        left = s.execute(select(ChatMessageRow.conversation_id).distinct()).scalars().all()
        assert left == [new]
        assert s.scalar(select(func.count()).select_from(ChatTransferRow)) == 1
        assert s.get(ChatClosingRow, old) is not None  # the form survives
        gone = s.get(ChatConversationRow, old)
        assert gone is not None and gone.transcript_deleted_at is not None
        audited = s.execute(
            select(AuditRow.action, AuditRow.record_id, AuditRow.detail).where(
                AuditRow.action.in_(("chat.transcript.deleted", "retention.run"))
            )
        ).all()
    assert ("chat.transcript.deleted", str(old), {"days": 30}) in [tuple(a) for a in audited]
    run = next(a for a in audited if a.action == "retention.run")
    assert run.detail["deleted"]["chat_transcripts"] == 1


def test_the_number_of_days_is_an_argument(database: Database) -> None:
    with database.session() as s:
        people = seed(s)
        conversation(s, people.cor.org_id, START, 1)
        assert delete_transcripts(s, START + timedelta(days=8), days=7) == 1
        assert delete_transcripts(s, START + timedelta(days=8), days=7) == 0


def test_the_setting_changes_the_number_of_days(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZICHT_CHAT_TRANSCRIPT_DAYS", "7")
    reset_settings()
    assert transcript_days() == 7
    with database.session() as s:
        people = seed(s)
        week_old = conversation(s, people.cor.org_id, START, 1)
    with database.session() as s:
        counts = retention.run(s, actor="retention", now=START + timedelta(days=8))
    assert counts["chat_transcripts"] == 1  # the default (30 days) would have kept it
    with database.session() as s:
        row = s.get(ChatConversationRow, week_old)
        assert row is not None and row.transcript_deleted_at is not None
