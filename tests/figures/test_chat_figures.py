"""Chat figures: people, not chats, from the closing forms, suppressed like every table."""

from __future__ import annotations

from tests.chat.conftest import seed
from tests.chat.test_closing import NOW, ended, form
from zicht.chat import closing
from zicht.chat.people import count_people, yearly_figures
from zicht.figures.annual.chat import publish_chat
from zicht.store.db import Database


def _chats(database: Database) -> None:
    """15 people: 12 with a trafficking question (5 victims themselves, 4 naming a parent)."""
    with database.session() as s:
        people = seed(s)
        org, n = people.cor.org_id, 0
        for person in range(15):
            chats = 2 if person == 0 else 1  # the first comes back on the same device
            for _ in range(chats):
                n += 1
                cid = ended(s, org, device=f"device-{person}", n=n)
                about = person < 12
                closing.close(
                    s,
                    people.cor,
                    cid,
                    form(
                        about_trafficking=about,
                        form="sexual" if about else None,
                        caller="victim" if person < 5 else "other",
                        relationship="parent" if 5 <= person < 9 else "employer",
                    ),
                    now=NOW,
                )


def test_chat_counts_agree_with_the_chat_s_own_figures(sqlite_database: Database) -> None:
    _chats(sqlite_database)
    with sqlite_database.session() as s:
        counts = count_people(s, NOW.year)
        theirs = yearly_figures(s, NOW.year)
    assert (counts.visitors, counts.trafficking, counts.victims, counts.parent) == (15, 12, 5, 4)
    assert theirs["unique_visitors"] == counts.visitors
    assert theirs["unique_visitors_trafficking"] == counts.trafficking
    shown = publish_chat(counts, threshold=3)
    assert shown.share_victims == theirs["share_victims_themselves"]
    assert shown.share_parent == theirs["share_naming_a_parent"]


def test_small_chat_counts_and_their_shares_are_hidden(sqlite_database: Database) -> None:
    _chats(sqlite_database)
    with sqlite_database.session() as s:
        shown = publish_chat(count_people(s, NOW.year), threshold=10)
    assert shown.victims == "<10" and shown.share_victims is None
    assert shown.parent == "<10" and shown.share_parent is None
    # 15 visitors, 12 of them about trafficking: 3 others would follow, so one more is hidden.
    assert "x" in (shown.visitors, shown.trafficking)
