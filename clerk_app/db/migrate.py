"""Bring a database to the newest schema; an SQLite file is copied aside first.

Several PCs (or screens) may start at once on one database, all finding it behind. An SQLite
migration therefore runs as a writer like any other (the writer queue's lock, then ``BEGIN
IMMEDIATE``) and asks again, once it holds the lock, whether it is still needed: the first
process migrates, the others find the work done.

Every start of the app asks whether the database is at the newest revision. Answering that
through Alembic costs a quarter of a second of imports (Alembic, Mako, Pygments) on a counter
PC; the answer is read instead from the revision files' own ``revision =`` lines and the
``alembic_version`` row, and Alembic is loaded only when there is something to migrate. A test
holds the cheap answer equal to Alembic's.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from clerk_app.db.sqlite_file import sqlite_file
from onewindow_base.db.engine import WRITE_OPTION, is_lock_error

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


VERSION_TABLE = "alembic_version"
MIGRATION_LOCK_KEY = 0x0E_57A1_D0C5  # PostgreSQL advisory lock: "OneWindow migrating"
_ASSIGNMENT = re.compile(
    r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:["']([^"']*)["']|None)""", re.M
)


def _config() -> Config:
    from alembic.config import Config  # noqa: PLC0415 - see the module docstring

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The one revision no other revision names as its parent (a linear history)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {m.group(1): m.group(2) for m in _ASSIGNMENT.finditer(path.read_text("utf-8"))}
        if found.get("revision"):
            revisions.add(str(found["revision"]))
        if found.get("down_revision"):
            parents.add(str(found["down_revision"]))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {sorted(heads) or 'none'}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return revision_on(conn)


def revision_on(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    query = text(f"SELECT version_num FROM {VERSION_TABLE}")  # noqa: S608 - a constant
    rows = conn.execute(query).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"the database has several schema revisions: {sorted(rows)}")
    return rows[0] if rows else None


def backup_sqlite(source: Path, revision: str | None) -> Path:
    """Copy the live database aside with SQLite's online backup (consistent under WAL)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = source.with_name(f"{source.name}.before-{revision or 'empty'}-{stamp}.bak")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine, *, attempts: int = 5) -> Path | None:
    """Upgrade to head. Returns the backup file made before migrating an SQLite file, if any.

    On SQLite a process that waited out the busy timeout behind others starting at the same
    moment (one migrating, the rest checking) queues again, as ``Database.run_write`` does.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _migrate(engine)
        except OperationalError as exc:
            if engine.dialect.name != "sqlite" or not is_lock_error(exc) or attempt == attempts:
                raise
            log.info("SQLite busy, migrating again (attempt %d)", attempt)
    raise AssertionError("unreachable")


def _migrate(engine: Engine) -> Path | None:
    head = head_revision()
    if current_revision(engine) == head:
        return None
    path = sqlite_file(engine.url)
    # On SQLite a writer: the lock is taken at BEGIN (see onewindow_base.db.engine).
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        if conn.dialect.name == "postgresql":  # one migrating PC at a time, the others wait
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        current = revision_on(conn)
        if current == head:  # another process migrated while this one queued
            return None
        backup = None
        if path is not None and path.exists() and path.stat().st_size > 0:
            backup = backup_sqlite(path, current)
            log.info("database copied aside to %s before migrating", backup)
        from alembic import command  # noqa: PLC0415 - see the module docstring

        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("database migrated from %s to %s", current, head)
    return backup
