"""Organisations, users, roles, login and organisation scoping."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests import factories
from zicht.accounts import scoping, service, sessions
from zicht.domain import ReferralStatus, Role
from zicht.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from zicht.store.db import Database, utcnow
from zicht.store.tables import AuditRow, ReferralRow, WebSessionRow


def test_roles_belong_to_fitting_organisations(database: Database) -> None:
    with database.session() as s:
        service.add_org(s, "Politie Oost", "police")
        with pytest.raises(InvalidInput, match="role prosecutor cannot belong"):
            service.add_user(s, "po", org="Politie Oost", role="prosecutor", password="x" * 12)
        with pytest.raises(InvalidInput, match="unknown role 'boss'"):
            service.add_user(s, "pp", org="Politie Oost", role="boss", password="x" * 12)
        with pytest.raises(NotFound, match="no organisation named 'Nope'"):
            service.add_user(s, "pq", org="Nope", role="analyst", password="x" * 12)
        with pytest.raises(InvalidInput, match="too short"):
            service.add_user(s, "pr", org="Politie Oost", role="analyst", password="short")
        user = service.add_user(s, "ps", org="Politie Oost", role="analyst", password="x" * 12)
        assert user.role is Role.ANALYST
        with pytest.raises(Conflict, match="exists already"):
            service.add_user(s, "ps", org="Politie Oost", role="analyst", password="x" * 12)
        with pytest.raises(Conflict):
            service.add_org(s, "Politie Oost", "police")


def test_login_checks_the_password_and_audits_both_outcomes(database: Database) -> None:
    with database.session() as s:
        factories.user(s, "ana", "Politie", "police", "analyst")
    with database.session() as s:
        assert service.authenticate(s, "ana", factories.PASSWORD).username == "ana"
    for username, password in (("ana", "wrong password"), ("nobody", factories.PASSWORD)):
        with pytest.raises(Unauthenticated), database.session() as s:
            service.authenticate(s, username, password)
    with database.session() as s:
        actions = [(a.actor, a.action) for a in s.scalars(select(AuditRow).order_by(AuditRow.seq))]
    assert actions[-3:] == [("ana", "login"), ("ana", "login.failed"), ("nobody", "login.failed")]


def test_sessions_store_only_a_hash_of_the_token_and_expire(database: Database) -> None:
    with database.session() as s:
        user = factories.user(s, "ana", "Politie", "police", "analyst")
        login = sessions.start(s, user, hours=1)
    with database.session() as s:
        stored = s.scalars(select(WebSessionRow)).one()
        assert login.token not in (stored.token_hash, stored.csrf_token)
        assert sessions.resolve(s, login.token).user.username == "ana"
        stored.expires_at = utcnow()
    with database.session() as s, pytest.raises(Unauthenticated, match="expired"):
        sessions.resolve(s, login.token)


def test_a_record_is_readable_by_its_owner_and_by_whom_it_was_routed_to(
    database: Database,
) -> None:
    with database.session() as s:
        c = factories.chain(s)
        owner = c.counsellor.org_id
        with pytest.raises(NotFound):
            scoping.require_readable(
                s, c.analyst, owner_org_id=owner, record_type="chat", record_id=7
            )
        scoping.require_readable(
            s, c.counsellor, owner_org_id=owner, record_type="chat", record_id=7
        )
        s.add(
            ReferralRow(
                from_org_id=owner,
                to_org_id=c.analyst.org_id,
                record_type="chat",
                record_id=7,
                status=ReferralStatus.SENT.value,
                sent_at=utcnow(),
            )
        )
        s.flush()
        scoping.require_readable(s, c.analyst, owner_org_id=owner, record_type="chat", record_id=7)
        assert not scoping.can_read(
            s, c.other_police, owner_org_id=owner, record_type="chat", record_id=7
        )
    with database.session() as s:
        entries = [
            (a.actor, a.action)
            for a in s.scalars(
                select(AuditRow).where(AuditRow.record_type == "chat").order_by(AuditRow.seq)
            )
        ]
    assert entries == [("ana", "access.denied"), ("cor", "read"), ("ana", "read")]
