"""Engine, sessions and migrations for whichever database the settings name."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from zicht.errors import ConfigurationError, ZichtError
from zicht.settings import get_settings

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration's revision; a test checks it against Alembic's head, so
# that a database already at head skips importing Alembic at every command.
SCHEMA_HEAD = "0008"


def utcnow() -> datetime:
    return datetime.now(UTC)


def _enable_sqlite_foreign_keys(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Database:
    """One database: its engine, a session factory, and its migrations."""

    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url)
            event.listen(self.engine, "connect", _enable_sqlite_foreign_keys)
        else:
            self.engine = create_engine(url, pool_pre_ping=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def check(self) -> None:
        """Fail with a clear message when the database does not answer."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise ConfigurationError(
                f"database {self.engine.url.render_as_string(hide_password=True)} "
                f"does not answer: {reason}"
            ) from exc

    def migrate(self) -> None:
        """Bring the schema to the newest migration (idempotent)."""
        self.check()
        if self.schema_revision() == SCHEMA_HEAD:
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def schema_revision(self) -> str | None:
        if not inspect(self.engine).has_table("alembic_version"):
            return None
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back whole on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except ZichtError as error:
            session.rollback()
            session.close()
            if error.audit is not None:
                self._record_refusal(error.audit)
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _record_refusal(self, entry: dict[str, Any]) -> None:
        from zicht.privacy import audit  # the audit log sits above the store; imported late

        with self.session() as session:
            audit.record(session, **entry)

    def dispose(self) -> None:
        self.engine.dispose()


_databases: dict[str, Database] = {}


def get_database(*, migrate: bool = True) -> Database:
    """The database named by the settings, migrated on first use in this process."""
    url = get_settings().resolved_database_url
    db = _databases.get(url)
    if db is None:
        db = _databases[url] = Database(url)
        if migrate:
            db.migrate()
    return db


def reset_databases() -> None:
    """Forget every engine (tests, or after the settings changed)."""
    for db in _databases.values():
        db.dispose()
    _databases.clear()
