"""Storage: SQLAlchemy tables, Alembic migrations, sessions.

SQLite under `$ZICHT_HOME` is the embedded default; `ZICHT_DATABASE_URL`
switches to PostgreSQL without a code change.
"""

from zicht.store.db import Database, get_database, utcnow

__all__ = ["Database", "get_database", "utcnow"]
