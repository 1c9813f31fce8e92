"""Alembic environment: runs on the connection that `Database.migrate` hands it."""

from alembic import context

from zicht.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through zicht.store.Database.migrate()")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
