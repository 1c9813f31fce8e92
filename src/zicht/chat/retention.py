"""Transcripts are deleted after a number of days; the closing form and the counts stay.

The number of days is `ZICHT_CHAT_TRANSCRIPT_DAYS` (default 30).
Each deleted transcript leaves an audit entry; the retention run audits the count.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from zicht.chat.store import RECORD
from zicht.privacy import audit, retention
from zicht.settings import get_settings
from zicht.store.tables import ChatConversationRow, ChatMessageRow, ChatTransferRow

DEFAULT_DAYS = 30


def transcript_days() -> int:
    return get_settings().chat_transcript_days


def delete_transcripts(session: Session, now: datetime, days: int = DEFAULT_DAYS) -> int:
    """Delete messages and transfer notes of conversations older than `days`; the count."""
    cutoff = now - timedelta(days=days)
    ids = list(
        session.scalars(
            select(ChatConversationRow.id).where(
                ChatConversationRow.created_at <= cutoff,
                ChatConversationRow.transcript_deleted_at.is_(None),
                ChatConversationRow.status.in_(("ended", "closed")),
            )
        )
    )
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(ChatMessageRow).where(ChatMessageRow.conversation_id.in_(chunk)))
        session.execute(delete(ChatTransferRow).where(ChatTransferRow.conversation_id.in_(chunk)))
        session.execute(
            update(ChatConversationRow)
            .where(ChatConversationRow.id.in_(chunk))
            .values(transcript_deleted_at=now)
        )
    audit.record_many(
        session,
        [
            audit.Event("retention", "chat.transcript.deleted", None, RECORD, cid, {"days": days})
            for cid in ids
        ],
    )
    return len(ids)


@retention.rule("chat_transcripts")
def expired_transcripts(session: Session, now: datetime) -> int:
    return delete_transcripts(session, now, transcript_days())
