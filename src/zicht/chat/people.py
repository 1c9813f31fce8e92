"""Counting people, not chats: the yearly figures from links and closing forms only.

Two conversations are the same person when the visitor kept the same anonymous
device token (its keyed pseudonym), or a counsellor marked one "same person as"
the other. The figures read conversations' links and closing forms; they never
read a transcript.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.domain import User
from zicht.privacy import audit
from zicht.store.tables import ChatClosingRow, ChatConversationRow


class _Groups:
    """Union-find over conversation ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def persons(session: Session) -> dict[int, int]:
    """{conversation id: person id} (the person id is the smallest id of their conversations)."""
    groups = _Groups()
    first_by_key: dict[str, int] = {}
    rows = session.execute(
        select(
            ChatConversationRow.id, ChatConversationRow.visitor_key, ChatConversationRow.same_as_id
        )
    )
    for cid, key, same_as in rows:
        groups.find(cid)
        if key:
            groups.union(cid, first_by_key.setdefault(key, cid))
        if same_as:
            groups.union(cid, same_as)
    members: dict[int, list[int]] = defaultdict(list)
    for cid in list(groups.parent):
        members[groups.find(cid)].append(cid)
    return {cid: min(ids) for ids in members.values() for cid in ids}


@dataclass(frozen=True, slots=True)
class ChatCounts:
    """People, not chats: each counted once, a victim or naming a parent if any form says so."""

    year: int
    conversations: int  # closing forms this year
    visitors: int  # unique people with a closing form this year
    trafficking: int  # of whom with a trafficking question
    victims: int  # of those, who are victims themselves
    parent: int  # of those, who name a parent as the exploiter


def count_people(session: Session, year: int) -> ChatCounts:
    """Count the year's closing forms in people (links and forms only, never a transcript)."""
    person_of = persons(session)
    closings = session.execute(
        select(
            ChatClosingRow.conversation_id,
            ChatClosingRow.about_trafficking,
            ChatClosingRow.caller,
            ChatClosingRow.relationship,
        ).where(ChatClosingRow.year == year)
    ).all()
    everyone: set[int] = set()
    victim: dict[int, bool] = {}
    parent: dict[int, bool] = {}
    for cid, about, caller, relationship in closings:
        person = person_of.get(cid, cid)
        everyone.add(person)
        if about:
            victim[person] = victim.get(person, False) or caller == "victim"
            parent[person] = parent.get(person, False) or relationship == "parent"
    return ChatCounts(
        year,
        len(closings),
        len(everyone),
        len(victim),
        sum(victim.values()),
        sum(parent.values()),
    )


def yearly_figures(session: Session, year: int, *, user: User | None = None) -> dict[str, object]:
    """Unique visitors with a trafficking question in the year, and the shares among them
    who are themselves victims and who name a parent as the exploiter."""
    counts = count_people(session, year)
    n = counts.trafficking
    figures: dict[str, object] = {
        "year": year,
        "conversations": counts.conversations,
        "unique_visitors": counts.visitors,
        "unique_visitors_trafficking": n,
        "share_victims_themselves": round(counts.victims / n, 4) if n else None,
        "share_naming_a_parent": round(counts.parent / n, 4) if n else None,
    }
    if user is not None:
        audit.record(
            session,
            actor=user.username,
            org_id=user.org_id,
            action="chat.figures",
            detail={"year": year},
        )
    return figures
