"""Open the server database: engine (the shared engine rules), migrations, first epoch.

The server reuses :class:`onewindow_base.db.engine.Database` for its SQLite rules (WAL,
``synchronous=FULL``, ``BEGIN IMMEDIATE`` writers) and psycopg 3 on PostgreSQL, but keeps its
own Alembic environment (``central_server/migrations``) and version table, so one PostgreSQL
server can hold both a hall database and the central database without their histories mixing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from onewindow_base.crypto.keys import KeyRing
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

VERSION_TABLE = "central_alembic_version"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK_KEY = 0x0E_57_A7_11  # PostgreSQL advisory lock: one migration at a time


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise RuntimeError("no central server migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def migrate(engine: Engine, ring: KeyRing | None = None) -> None:
    """Bring the schema to the head. ``ring``: the server's key ring, for migrations that
    encrypt stored personal data (c0011); without it they refuse to convert rows.

    Several servers (or ``serve --workers`` processes) may start at once: on PostgreSQL they
    queue on an advisory lock held to the migration's COMMIT and each looks again once it has
    the lock, so one migrates and the others find it done."""
    head = head_revision()
    if current_revision(engine) == head:
        return
    cfg = _config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        current = context.get_current_revision()
        if current == head:
            return
        cfg.attributes["connection"] = conn
        cfg.attributes["ring"] = ring
        command.upgrade(cfg, "head")
    log.info("central database migrated from %s to %s", current, head)


def open_central_database(
    url: str, *, pool_size: int = 10, ring: KeyRing | None = None
) -> Database:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
    db = Database(url, pool_size=pool_size)
    try:
        migrate(db.engine, ring)
    except BaseException:
        db.dispose()  # a refused start closes its connections, not the garbage collector
        raise
    return db
