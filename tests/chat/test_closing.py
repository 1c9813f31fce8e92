"""The closing form (HTCDS fields), routing a signal or referral, and the yearly figures."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.chat.conftest import seed
from zicht.chat import closing, store
from zicht.chat.closing import Closing
from zicht.chat.people import yearly_figures
from zicht.errors import Conflict, InvalidInput, NotFound
from zicht.registry.service import get_registration
from zicht.route.referrals import referrals_for
from zicht.store.db import Database
from zicht.store.tables import AuditRow, ChatClosingRow, ChatConversationRow, ReferralRow

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def ended(session: Session, org_id: int, *, device: str | None = None, n: int = 0) -> int:
    cid = store.create(session, token=f"token-{n}-{device}", lang="nl", visitor=device, now=NOW)
    row = session.get(ChatConversationRow, cid)
    assert row is not None
    row.status, row.org_id, row.counsellor = "ended", org_id, "cor"
    return cid


def form(**changes: object) -> Closing:
    base: dict[str, object] = {
        "about_trafficking": True,
        "caller": "victim",
        "form": "labour",
        "age_group": "adult",
        "gender": "female",
        "relationship": "employer",
        "municipality": None,
        "consent": "counted",
    }
    base.update(changes)
    return Closing(**base)  # type: ignore[arg-type]


def test_a_counted_closing_is_kept_and_audited(database: Database) -> None:
    with database.session() as s:
        people = seed(s)
        cid = ended(s, people.cor.org_id)
        assert closing.close(s, people.cor, cid, form(), now=NOW) is None
        kept = s.get(ChatClosingRow, cid)
        assert kept is not None and (kept.year, kept.consent, kept.form) == (
            2026,
            "counted",
            "labour",
        )
        assert (
            s.scalar(
                select(AuditRow.action)
                .where(AuditRow.record_id == str(cid))
                .order_by(AuditRow.seq.desc())
            )
            == "chat.close"
        )
        with pytest.raises(Conflict):
            closing.close(s, people.cor, cid, form(), now=NOW)


def test_a_referral_goes_to_the_avim_team_of_the_municipality(database: Database) -> None:
    with database.session() as s:
        people = seed(s)
        cid = ended(s, people.cor.org_id)
        routed = closing.close(
            s,
            people.cor,
            cid,
            form(
                consent="referral",
                municipality="Amstelveen",
                name="Maria",
                contact="+31 6 12345678",
                age_group="minor",
                relationship="parent",
            ),
            now=NOW,
        )
        assert routed is not None
        referral = s.get(ReferralRow, routed.referral_id)
        assert referral is not None and referral.to_org_id == people.analyst.org_id
        seen = get_registration(s, people.analyst, routed.registration_id)
        assert (seen["given_name"], seen["contact"], seen["municipality"]) == (
            "Maria",
            "+31 6 12345678",
            "Amstelveen",
        )
        assert seen["details"]["relationship"] == "parent"
        assert [v.referral.id for v in referrals_for(s, people.cor)] == [routed.referral_id]


def test_an_anonymous_signal_travels_without_identity(database: Database) -> None:
    with database.session() as s:
        people = seed(s)
        cid = ended(s, people.cor.org_id)
        routed = closing.close(
            s,
            people.cor,
            cid,
            form(consent="signal", municipality="Amsterdam", name="Maria", contact="06..."),
            now=NOW,
        )
        assert routed is not None
        seen = get_registration(s, people.analyst, routed.registration_id)
        assert "given_name" not in seen and "contact" not in seen
        assert (seen["form"], seen["unit"], seen["consent"]) == ("labour", "RE05", "signal")


def test_no_avim_team_for_the_unit_fails_whole_with_the_reason(
    sqlite_database: Database,
) -> None:
    with sqlite_database.session() as s:
        people = seed(s)
        cid = ended(s, people.cor.org_id)
    with (
        pytest.raises(NotFound, match=r"AVIM team of unit RE06 \(Den Haag\)"),
        sqlite_database.session() as s,
    ):
        closing.close(s, people.cor, cid, form(consent="signal", municipality="Den Haag"), now=NOW)
    with sqlite_database.session() as s:
        assert s.get(ChatClosingRow, cid) is None  # nothing half-stored: fill it in again


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"consent": "signal"}, "municipality"),
        ({"consent": "referral", "municipality": "Amsterdam"}, "contact"),
        (
            {"about_trafficking": False, "consent": "signal", "municipality": "Amsterdam"},
            "only a conversation about trafficking",
        ),
        ({"form": None}, "form of exploitation"),
        ({"caller": "cousin"}, "caller"),
        ({"consent": "signal", "municipality": "Atlantis"}, "unknown municipality"),
    ],
)
def test_bad_forms_are_refused_with_the_reason(
    sqlite_database: Database, changes: dict[str, object], reason: str
) -> None:
    with sqlite_database.session() as s:
        people = seed(s)
        cid = ended(s, people.cor.org_id)
        with pytest.raises(InvalidInput, match=reason):
            closing.close(s, people.cor, cid, form(**changes), now=NOW)


def test_only_the_own_organisation_closes_and_only_after_the_end(
    sqlite_database: Database,
) -> None:
    with sqlite_database.session() as s:
        people = seed(s)
        cid = ended(s, people.cor.org_id)
        with pytest.raises(NotFound):
            closing.close(s, people.other, cid, form(), now=NOW)
        row = s.get(ChatConversationRow, cid)
        assert row is not None
        row.status = "active"
        with pytest.raises(Conflict, match="end it first"):
            closing.close(s, people.cor, cid, form(), now=NOW)


def test_figures_count_people_not_chats(sqlite_database: Database) -> None:
    with sqlite_database.session() as s:
        people = seed(s)
        org = people.cor.org_id
        a1 = ended(s, org, device="key-a", n=1)  # person A: two chats, same device code
        a2 = ended(s, org, device="key-a", n=2)
        b1 = ended(s, org, n=3)  # person B: marked "same person as" by the counsellor
        b2 = ended(s, org, n=4)
        c1 = ended(s, org, n=5)  # person C: speaks about a friend's daughter, names a parent
        d1 = ended(s, org, n=6)  # person D: not about trafficking
        closing.close(s, people.cor, a1, form(), now=NOW)
        closing.close(s, people.cor, a2, form(), now=NOW)
        closing.close(s, people.cor, b1, form(caller="other", relationship="partner"), now=NOW)
        closing.close(s, people.cor, b2, form(same_as=b1, relationship="parent"), now=NOW)
        closing.close(s, people.cor, c1, form(caller="other", relationship="parent"), now=NOW)
        closing.close(s, people.cor, d1, form(about_trafficking=False, form=None), now=NOW)
        figures = yearly_figures(s, 2026, user=people.cor)
    assert figures == {
        "year": 2026,
        "conversations": 6,
        "unique_visitors": 4,
        "unique_visitors_trafficking": 3,
        "share_victims_themselves": round(2 / 3, 4),
        "share_naming_a_parent": round(2 / 3, 4),
    }
