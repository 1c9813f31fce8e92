"""The chat's rows: conversations, messages and transfers (sync; the hub calls them in a thread).

Nothing here takes an address: the tables have no column for one. The resume
secret a visitor's tab holds is stored only as its SHA-256.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from zicht.domain import User
from zicht.privacy import audit
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.store.tables import ChatConversationRow, ChatMessageRow, ChatTransferRow

RECORD = "chat"


def resume_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def visitor_key(token: str, pseudonymiser: Pseudonymiser | None = None) -> str:
    """The keyed pseudonym of a visitor's anonymous device token (never the token itself)."""
    p = pseudonymiser or Pseudonymiser.from_settings()
    return str(p.pseudonymise("chat-visitor", token))


@dataclass(frozen=True, slots=True)
class StoredMessage:
    conversation_id: int
    seq: int
    sender: str
    author: str | None
    body: str
    at: datetime


def create(session: Session, *, token: str, lang: str, visitor: str | None, now: datetime) -> int:
    row = ChatConversationRow(
        resume_hash=resume_hash(token),
        lang=lang,
        status="waiting",
        visitor_key=visitor,
        blocked=False,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


def by_token(session: Session, token: str) -> ChatConversationRow | None:
    return session.scalar(
        select(ChatConversationRow).where(ChatConversationRow.resume_hash == resume_hash(token))
    )


def save_messages(session: Session, messages: Sequence[StoredMessage]) -> None:
    if messages:
        session.execute(
            insert(ChatMessageRow),
            [
                {
                    "conversation_id": m.conversation_id,
                    "seq": m.seq,
                    "sender": m.sender,
                    "author": m.author,
                    "body": m.body,
                    "at": m.at,
                }
                for m in messages
            ],
        )


def transcript(session: Session, conversation_id: int) -> list[StoredMessage]:
    rows = session.scalars(
        select(ChatMessageRow)
        .where(ChatMessageRow.conversation_id == conversation_id)
        .order_by(ChatMessageRow.seq)
    )
    return [StoredMessage(r.conversation_id, r.seq, r.sender, r.author, r.body, r.at) for r in rows]


def accept(session: Session, user: User, conversation_id: int, now: datetime) -> None:
    session.execute(
        update(ChatConversationRow)
        .where(ChatConversationRow.id == conversation_id)
        .values(status="active", counsellor=user.username, org_id=user.org_id, accepted_at=now)
    )
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="chat.accept",
        record_type=RECORD,
        record_id=conversation_id,
    )


def end(
    session: Session,
    conversation_id: int,
    *,
    reason: str,
    now: datetime,
    user: User | None = None,
    blocked: bool = False,
) -> None:
    session.execute(
        update(ChatConversationRow)
        .where(ChatConversationRow.id == conversation_id)
        .values(status="ended", ended_at=now, end_reason=reason, blocked=blocked)
    )
    if user is not None:
        audit.record(
            session,
            actor=user.username,
            org_id=user.org_id,
            action="chat.block" if blocked else "chat.end",
            record_type=RECORD,
            record_id=conversation_id,
            detail={"reason": reason},
        )


def transfer(
    session: Session,
    user: User,
    conversation_id: int,
    to_user: User,
    note: str | None,
    now: datetime,
) -> None:
    session.add(
        ChatTransferRow(
            conversation_id=conversation_id,
            from_user=user.username,
            to_user=to_user.username,
            note=note,
            at=now,
        )
    )
    session.execute(
        update(ChatConversationRow)
        .where(ChatConversationRow.id == conversation_id)
        .values(counsellor=to_user.username)
    )
    audit.record(
        session,
        actor=user.username,
        org_id=user.org_id,
        action="chat.transfer",
        record_type=RECORD,
        record_id=conversation_id,
        detail={"to": to_user.username, "note": note is not None},
    )
