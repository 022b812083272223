"""Alembic environment of the central server: its own history and its own version table."""

from __future__ import annotations

from alembic import context

from central_server.db import VERSION_TABLE
from central_server.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through central_server.db.migrate, which passes a connection"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
