"""Bring a database to the newest schema; an SQLite file is copied aside first."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _sqlite_path(engine: Engine) -> Path | None:
    url = make_url(engine.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


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


def migrate(engine: Engine) -> Path | None:
    """Upgrade to head. Returns the backup file made before migrating an SQLite file, if any."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    backup = None
    path = _sqlite_path(engine)
    if path is not None and path.exists() and path.stat().st_size > 0:
        backup = backup_sqlite(path, current)
        log.info("database copied aside to %s before migrating", backup)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("database migrated from %s to %s", current, head)
    return backup
