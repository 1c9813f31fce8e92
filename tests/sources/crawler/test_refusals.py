"""`zicht crawl` refuses outside an authorised, valid deployment: one line, exit 1, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.sources.crawler.conftest import World

from zicht.cli import main
from zicht.privacy import deployments
from zicht.store.tables import AuditRow, CrawlRunRow


def refused(
    world: World, capsys: pytest.CaptureFixture[str], deployment_id: int, user: str, action: str
) -> str:
    code = main(["crawl", str(deployment_id), "--as", user, "--no-progress"])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert err.startswith("error: ") and len(err.splitlines()) == 1
    with world.db.session() as s:
        entries = s.scalars(select(AuditRow).where(AuditRow.action == action)).all()
        assert [e.record_id for e in entries][-1] == str(deployment_id)
        assert entries[-1].actor == user
        assert s.scalars(select(CrawlRunRow)).all() == []  # nothing started
    return err


def test_draft_is_refused(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    d = world.deployment("127.0.0.1:9", authorise=False)
    assert "is draft" in refused(world, capsys, d.id, "ana", "collection.refused")


def test_revoked_is_refused(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    d = world.deployment("127.0.0.1:9")
    with world.db.session() as s:
        deployments.revoke(s, world.chain.prosecutor, d.id, "no longer needed")
    assert "is revoked" in refused(world, capsys, d.id, "ana", "collection.refused")


def test_expired_is_refused(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    d = world.deployment("127.0.0.1:9")
    world.set_valid_until(d.id, -1)
    assert "is expired" in refused(world, capsys, d.id, "ana", "collection.refused")


def test_reviewing_prosecutor_cannot_crawl(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    d = world.deployment("127.0.0.1:9")
    err = refused(world, capsys, d.id, "piet", "collection.refused")
    assert "not of the organisation" in err


def test_user_of_another_organisation_is_refused(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    d = world.deployment("127.0.0.1:9")
    assert f"no deployment {d.id}" in refused(world, capsys, d.id, "olga", "access.denied")
