"""Deployments: the four-eyes rule, organisation scoping, validity and refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from tests import factories
from zicht.domain import DeploymentStatus
from zicht.errors import Conflict, Forbidden, InvalidInput, NotFound, Unlawful
from zicht.privacy import deployments
from zicht.store.db import Database, utcnow
from zicht.store.tables import AuditRow


def _draft(session, user, **overrides):  # type: ignore[no-untyped-def]
    args = dict(
        purpose="Zicht op advertenties",
        legal_basis="Wpg art. 9, onderzoek X",
        domains=["127.0.0.1:8800"],
        valid_days=10,
        retention_days=30,
    )
    args.update(overrides)
    return deployments.create(session, user, **args)


def test_only_a_prosecutor_of_the_receiving_service_can_authorise(database: Database) -> None:
    with database.session() as s:
        c = factories.chain(s)
        d = _draft(s, c.analyst)
        assert d.status is DeploymentStatus.DRAFT and d.legal_basis_code == "wpg-9"
        with pytest.raises(Forbidden, match="only a prosecutor"):
            deployments.authorise(s, c.analyst2, d.id)
        done = deployments.authorise(s, c.prosecutor, d.id)
    assert done.status is DeploymentStatus.AUTHORISED
    assert done.authorised_by == "piet"
    assert done.valid_until is not None and done.authorised_at is not None
    assert done.valid_until - done.authorised_at == timedelta(days=10)


def test_nobody_authorises_their_own_draft(database: Database) -> None:
    with database.session() as s:
        c = factories.chain(s)
        # A prosecutor cannot draft at all, so the author is never a prosecutor...
        with pytest.raises(Forbidden, match="cannot draft"):
            _draft(s, c.prosecutor)
        d = _draft(s, c.analyst)
    # ...and the four-eyes check holds even if an account's role were changed afterwards.
    from zicht.store.tables import UserRow

    with database.session() as s:
        s.execute(update(UserRow).where(UserRow.username == "piet").values(username="piet"))
        row = s.get(deployments.DeploymentRow, d.id)
        assert row is not None
        row.created_by = "piet"
    with database.session() as s, pytest.raises(Forbidden, match="four-eyes"):
        deployments.authorise(s, factories.service.get_user(s, "piet"), d.id)


def test_a_draft_is_authorised_once(database: Database) -> None:
    with database.session() as s:
        c = factories.chain(s)
        d = _draft(s, c.analyst)
        deployments.authorise(s, c.prosecutor, d.id)
        with pytest.raises(Conflict, match="not a draft"):
            deployments.authorise(s, c.prosecutor2, d.id)


def test_other_organisations_get_not_found_and_an_audit_entry(database: Database) -> None:
    with database.session() as s:
        c = factories.chain(s)
        d = _draft(s, c.analyst)
    with database.session() as s, pytest.raises(NotFound):
        deployments.get(s, c.other_police, d.id)
    with database.session() as s:
        denied = s.scalars(select(AuditRow).where(AuditRow.action == "access.denied")).all()
        assert [(a.actor, a.record_type, a.record_id) for a in denied] == [
            ("olga", "deployment", str(d.id))
        ]
        # The reviewing prosecution service and the owner both see it.
        assert deployments.get(s, c.prosecutor, d.id).id == d.id
        assert [x.id for x in deployments.list_visible(s, c.other_police)] == []
        assert [x.id for x in deployments.list_visible(s, c.prosecutor)] == [d.id]


def test_collection_is_refused_outside_an_authorised_valid_deployment(database: Database) -> None:
    with database.session() as s:
        c = factories.chain(s)
        d = _draft(s, c.analyst)
    with database.session() as s, pytest.raises(Unlawful, match="is draft"):
        deployments.require_active(s, c.analyst, d.id)
    with database.session() as s:
        deployments.authorise(s, c.prosecutor, d.id)
        assert deployments.require_active(s, c.analyst2, d.id).id == d.id
    later = utcnow() + timedelta(days=11)
    with database.session() as s, pytest.raises(Unlawful, match="is expired"):
        deployments.require_active(s, c.analyst, d.id, now=later)
    with database.session() as s, pytest.raises(Unlawful, match="not of the organisation"):
        deployments.require_active(s, c.prosecutor, d.id)
    with database.session() as s:
        deployments.revoke(s, c.prosecutor, d.id, "onderzoek gestopt")
    with database.session() as s, pytest.raises(Unlawful, match="is revoked"):
        deployments.require_active(s, c.analyst, d.id)
    with database.session() as s:
        refusals = s.scalars(select(AuditRow).where(AuditRow.action == "collection.refused"))
        assert len(refusals.all()) == 4


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"domains": []}, "at least one --domain"),
        ({"domains": ["http://x.nl/"]}, "not a host name"),
        ({"url_patterns": ["(unclosed"]}, "not a valid regex"),
        ({"retention_days": 0}, "retention days must be between"),
        ({"purpose": "  "}, "needs a purpose"),
        ({"legal_basis_code": "art-99"}, "unknown legal basis code"),
        ({"submit_to": "Politie Rotterdam"}, "not a prosecution-service organisation"),
    ],
)
def test_bad_drafts_are_refused_and_nothing_is_written(
    sqlite_database: Database, overrides: dict, message: str
) -> None:
    with sqlite_database.session() as s:
        c = factories.chain(s)
    with sqlite_database.session() as s, pytest.raises(InvalidInput, match=message):
        _draft(s, c.analyst, **overrides)
    with sqlite_database.session() as s:
        assert deployments.list_visible(s, c.admin) == []
