"""Alembic environment: runs on the connection that ``clerk_app.db.migrate`` hands over."""

from __future__ import annotations

from alembic import context

from clerk_app.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through clerk_app.db.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
