"""Shared fixtures: a real database of each engine, settings isolated per test.

The `database` fixture runs every data-layer test on SQLite and on PostgreSQL
(127.0.0.1:5432). Without PostgreSQL the PostgreSQL half skips on a laptop and
fails in CI (CI=true), so CI never passes by skipping.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.browser import launched_browser
from zicht.settings import reset_settings
from zicht.store.db import Database, reset_databases

PG_ADMIN_URL = os.environ.get(
    "ZICHT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _postgres_or_reason() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        return f"PostgreSQL not available at {PG_ADMIN_URL}: {str(exc).splitlines()[0]}"
    return None


def require_service(reason: str | None) -> None:
    """Skip on a laptop, fail in CI, when a real service a test needs is absent."""
    if reason is None:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI requires it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    require_service(_postgres_or_reason())
    name = f"zicht_test_{secrets.token_hex(4)}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    reset_databases()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own ZICHT_HOME and fresh settings; nothing leaks between tests."""
    for name in list(os.environ):
        if name.startswith("ZICHT_") and not name.startswith("ZICHT_TEST_"):
            monkeypatch.delenv(name)
    home = tmp_path / "zicht-home"
    monkeypatch.setenv("ZICHT_HOME", str(home))
    monkeypatch.setenv("ZICHT_ENV", "test")
    reset_settings()
    reset_databases()
    yield home
    reset_settings()
    reset_databases()


def _truncate_postgres(db: Database) -> None:
    with db.engine.begin() as conn:
        tables = [
            row[0]
            for row in conn.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename NOT IN ('alembic_version', 'audit_head')"
                )
            )
        ]
        if tables:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        conn.execute(text("UPDATE audit_head SET seq = 0, hash = :h WHERE id = 1"), {"h": "0" * 64})


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test: migrating once is much faster."""
    path = tmp_path_factory.mktemp("sqlite-template") / "zicht.db"
    db = Database(f"sqlite:///{path}")
    db.migrate()
    db.dispose()
    return path


def _fresh_sqlite(home: Path, template: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, home / "zicht.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def database(
    request: pytest.FixtureRequest, isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    """A migrated, empty database on each engine; also what `get_database()` returns."""
    from zicht.store import get_database

    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_url")
        monkeypatch.setenv("ZICHT_DATABASE_URL", url)
    else:
        _fresh_sqlite(isolated_settings, request.getfixturevalue("sqlite_template"))
    reset_settings()
    db = get_database()
    if request.param == "postgresql":
        _truncate_postgres(db)
    yield db
    reset_databases()


@pytest.fixture
def sqlite_database(isolated_settings: Path, sqlite_template: Path) -> Database:
    """The embedded database only, for tests that are not about the engine."""
    from zicht.store import get_database

    _fresh_sqlite(isolated_settings, sqlite_template)
    return get_database()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The session's one headless Chromium (see `tests.browser`)."""
    yield from launched_browser()
