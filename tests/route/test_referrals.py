"""Routing by municipality to the AVIM team, and the referral life cycle with its overdue flag."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.registry.conftest import Registry
from zicht.errors import Conflict, Forbidden, InvalidInput, NotFound, Unlawful
from zicht.registry.parse import parse_csv
from zicht.registry.service import get_registration, import_registrations
from zicht.route import referrals
from zicht.route.units import declare_unit, team_for_municipality
from zicht.store.db import Database, utcnow
from zicht.store.tables import AuditRow

CSV = """\
ref,given_name,family_name,birth_date,sex,citizenship,municipality,form,year,consent,contact
R-1,Anna,de Vries,2001-02-03,F,NLD,Zaanstad,sexual,2025,referral,06-12345678
R-2,Maria,Popescu,,F,ROU,Den Haag,labour,2025,signal,
R-3,Ioana,Stan,1999-09-09,F,ROU,Schiedam,sexual,2025,counted,
R-4,Olena,Koval,1990-01-01,F,UKR,Amsterdam,sexual,2025,referral,
"""


def _import(database: Database, reg: Registry) -> list[int]:
    with database.session() as s:
        return import_registrations(s, reg.clerk, parse_csv(CSV))


def test_a_municipality_routes_to_its_units_avim_team(
    database: Database, registry: Registry
) -> None:
    with database.session() as s:
        assert team_for_municipality(s, "Amsterdam").name == "Politie Amsterdam"
        assert team_for_municipality(s, "Schiedam").name == "Politie Rotterdam"
        with pytest.raises(NotFound, match=r"no organisation is declared .* RE06 \(Den Haag\)"):
            team_for_municipality(s, "Den Haag")
        with pytest.raises(InvalidInput, match="close matches: 'Amsterdam'"):
            team_for_municipality(s, "Amsterdm")


def test_declaring_units_is_for_admins_and_police_once_per_unit(
    database: Database, registry: Registry
) -> None:
    with database.session() as s:
        with pytest.raises(Forbidden):
            declare_unit(s, registry.avim, "Politie Amsterdam", "RE06")
        with pytest.raises(InvalidInput, match="not the police"):
            declare_unit(s, registry.admin, "Fier", "RE06")
        with pytest.raises(InvalidInput, match="unknown police unit"):
            declare_unit(s, registry.admin, "Politie Amsterdam", "RE11")
        with pytest.raises(Conflict, match="already served by 'Politie Amsterdam'"):
            declare_unit(s, registry.admin, "Politie Rotterdam", "RE05")


def test_routing_life_cycle_accept_and_close(database: Database, registry: Registry) -> None:
    ids = _import(database, registry)
    sent_at = utcnow() - timedelta(days=10)
    with database.session() as s:
        referral = referrals.send(s, registry.clerk, ids[3], now=sent_at)  # Amsterdam
        assert referral.to_org_id == registry.avim.org_id
    with database.session() as s, pytest.raises(Conflict, match="cannot become accepted"):
        referrals.accept(s, registry.avim, referral.id)
    with database.session() as s, pytest.raises(NotFound):  # another unit cannot pick it up
        referrals.receive(s, registry.avim_rdam, referral.id)
    with database.session() as s:
        referrals.receive(s, registry.avim, referral.id, now=sent_at + timedelta(hours=1))
        referrals.accept(s, registry.avim, referral.id, now=sent_at + timedelta(hours=2))
        with pytest.raises(InvalidInput, match="outcome"):
            referrals.record_outcome(s, registry.avim, referral.id, " ")
        referrals.record_outcome(s, registry.avim, referral.id, "aangifte opgenomen")
    with database.session() as s:
        [seen] = referrals.referrals_for(s, registry.clerk)
        data = seen.as_dict()
    assert data["status"] == "closed"
    assert data["outcome"] == "aangifte opgenomen"
    assert [h["status"] for h in data["history"]] == ["sent", "received", "accepted", "closed"]
    assert data["overdue"] is False  # closed referrals are never overdue


def test_decline_needs_a_reason_and_ends_the_recipients_access(
    database: Database, registry: Registry
) -> None:
    ids = _import(database, registry)
    with database.session() as s:
        referral = referrals.send(s, registry.clerk, ids[3])
    with database.session() as s:
        assert get_registration(s, registry.avim, ids[3])["family_name"] == "Koval"
        with pytest.raises(InvalidInput, match="reason"):
            referrals.decline(s, registry.avim, referral.id, "")
        referrals.decline(s, registry.avim, referral.id, "buiten onze regio")
    with database.session() as s:
        [seen] = referrals.referrals_for(s, registry.clerk)
        assert (seen.referral.status.value, seen.referral.reason) == (
            "declined",
            "buiten onze regio",
        )
    with pytest.raises(NotFound), database.session() as s:
        get_registration(s, registry.avim, ids[3])


def test_a_referral_not_picked_up_in_time_is_overdue(
    database: Database, registry: Registry
) -> None:
    ids = _import(database, registry)
    now = utcnow()
    with database.session() as s:
        old = referrals.send(s, registry.clerk, ids[3], now=now - timedelta(hours=80))
        fresh = referrals.send(
            s, registry.clerk, ids[0], to_org="Politie Rotterdam", now=now - timedelta(hours=2)
        )
    with database.session() as s:
        flags = {
            v.referral.id: v.overdue for v in referrals.referrals_for(s, registry.clerk, now=now)
        }
        assert flags == {old.id: True, fresh.id: False}
        tight = referrals.referrals_for(
            s, registry.clerk, now=now, overdue_after=timedelta(hours=1), overdue_only=True
        )
        assert {v.referral.id for v in tight} == {old.id, fresh.id}
        # The recipient sees the same flag on what it has not picked up.
        assert [v.overdue for v in referrals.referrals_for(s, registry.avim, now=now)] == [True]
    with database.session() as s:
        referrals.receive(s, registry.avim, old.id, now=now)
        assert not any(v.overdue for v in referrals.referrals_for(s, registry.avim, now=now))


def test_counted_only_is_never_sent_and_the_attempt_is_audited(
    database: Database, registry: Registry
) -> None:
    ids = _import(database, registry)
    with pytest.raises(Unlawful, match="only counted"), database.session() as s:
        referrals.send(s, registry.clerk, ids[2], to_org="Politie Rotterdam")
    with database.session() as s:
        actions = s.scalars(select(AuditRow.action).where(AuditRow.record_id == str(ids[2])))
        assert "referral.refused" in list(actions)
        assert referrals.referrals_for(s, registry.clerk) == []


def test_only_the_owner_sends_and_not_twice(database: Database, registry: Registry) -> None:
    ids = _import(database, registry)
    with pytest.raises(NotFound), database.session() as s:
        referrals.send(s, registry.counsellor, ids[3])
    with database.session() as s:
        referrals.send(s, registry.clerk, ids[3])
    with pytest.raises(Conflict, match="already referred"), database.session() as s:
        referrals.send(s, registry.clerk, ids[3])
    with pytest.raises(InvalidInput, match="own organisation"), database.session() as s:
        referrals.send(s, registry.clerk, ids[3], to_org="CoMensha")
