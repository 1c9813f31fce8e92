"""The audit log is append-only in the database and tamper-evident in its hash chain."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from zicht.cli import main
from zicht.privacy import audit
from zicht.store.db import Database
from zicht.store.tables import AuditRow


def _write(db: Database, n: int) -> None:
    with db.session() as session:
        for i in range(n):
            audit.record(
                session,
                actor="ana",
                action="test",
                record_type="doc",
                record_id=i,
                detail={"i": i, "naam": "Zoë"},
            )


@pytest.fixture
def attacker(database: Database) -> Iterator[Callable[[], None]]:
    """Switches off the append-only guard, as an attacker with database rights would.

    PostgreSQL's database outlives the test, so the guard is switched back on after it.
    """

    def disable() -> None:
        with database.engine.begin() as conn:
            if database.dialect == "sqlite":
                conn.execute(text("DROP TRIGGER audit_log_no_update"))
                conn.execute(text("DROP TRIGGER audit_log_no_delete"))
            else:
                conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))

    yield disable
    if database.dialect != "sqlite":
        with database.engine.begin() as conn:
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))


def test_an_intact_chain_verifies(database: Database) -> None:
    _write(database, 5)
    with database.session() as session:
        report = audit.verify(session)
    assert report.ok and report.entries == 5


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2",
        "DELETE FROM audit_log WHERE seq = 2",
    ],
)
def test_the_database_refuses_to_change_entries(database: Database, statement: str) -> None:
    _write(database, 3)
    with pytest.raises(DBAPIError, match="append-only"), database.engine.begin() as conn:
        conn.execute(text(statement))


def test_an_altered_entry_is_named(database: Database, attacker: Callable[[], None]) -> None:
    _write(database, 5)
    attacker()
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3"))
    with database.session() as session:
        report = audit.verify(session)
    assert not report.ok
    assert report.first_bad_seq == 3
    assert "entry 3 was altered" in (report.reason or "")


def test_an_altered_entry_with_a_recomputed_hash_is_still_caught(
    database: Database, attacker: Callable[[], None]
) -> None:
    """A forger who rehashes entry 2 still breaks entry 3's link to it."""
    _write(database, 5)
    attacker()
    with database.session() as session:
        row = session.scalars(select(AuditRow).where(AuditRow.seq == 2)).one()
        forged = audit.entry_hash(
            seq=2,
            at=row.at,
            actor="mallory",
            org_id=row.org_id,
            action=row.action,
            record_type=row.record_type,
            record_id=row.record_id,
            detail=row.detail,
            prev_hash=row.prev_hash,
        )
    with database.engine.begin() as conn:
        conn.execute(
            text("UPDATE audit_log SET actor = 'mallory', hash = :h WHERE seq = 2"), {"h": forged}
        )
    with database.session() as session:
        report = audit.verify(session)
    assert not report.ok and report.first_bad_seq == 2


@pytest.mark.parametrize("removed,expected", [(2, 2), (5, 5)])
def test_a_removed_entry_is_named(
    database: Database, attacker: Callable[[], None], removed: int, expected: int
) -> None:
    _write(database, 5)
    attacker()
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": removed})
    with database.session() as session:
        report = audit.verify(session)
    assert not report.ok
    assert report.first_bad_seq == expected
    assert f"entry {expected} was removed" in (report.reason or "")


def test_cli_verify_reports_tampering_with_exit_code(
    database: Database, attacker: Callable[[], None], capsys: pytest.CaptureFixture[str]
) -> None:
    _write(database, 4)
    assert main(["audit", "verify"]) == 0
    assert "intact: 4 entries" in capsys.readouterr().out
    attacker()
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET detail = '{}' WHERE seq = 1"))
    assert main(["audit", "verify"]) == 1
    assert "entry 1 was altered" in capsys.readouterr().err


def test_a_failed_transaction_leaves_no_entry(database: Database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        audit.record(session, actor="ana", action="test")
        raise RuntimeError("boom")
    _write(database, 1)
    with database.session() as session:
        report = audit.verify(session)
    assert report.ok and report.entries == 1
