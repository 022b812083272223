"""Open a hall database ready for use: engine, migrations (SQLite copied aside first), the
shipped holiday arrangements a fresh hall needs (``clerk_app.calendars.shipped``)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import make_url

from clerk_app.calendars.shipped import install_shipped, shipped_arrangements
from clerk_app.calendars.store import installed_years
from clerk_app.clock import SystemClock
from clerk_app.db.engine import Database
from clerk_app.db.migrate import migrate

log = logging.getLogger(__name__)

ANALYSIS_LIMIT = 1000  # rows sampled per index


def open_database(url: str, *, pool_size: int = 5) -> Database:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
    db = Database(url, pool_size=pool_size)
    migrate(db.engine)
    install_shipped_calendars(db)
    if not db.is_postgres:
        refresh_sqlite_statistics(db)
    return db


def refresh_sqlite_statistics(db: Database) -> None:
    """Sampled ANALYZE at start-up (milliseconds even on a year of tickets).

    SQLite plans without statistics until ANALYZE has run, and then prefers the wrong index
    for several of the queue's queries once the ticket table is large (PostgreSQL's autovacuum
    keeps its own statistics).
    """
    with db.engine.connect() as conn:
        conn.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def install_shipped_calendars(db: Database) -> None:
    """Add the shipped years the database lacks (a read only, once they are all there)."""
    held = db.run_read(lambda s: {row.year for row in installed_years(s)})
    if {a.year for a in shipped_arrangements()} <= held:
        return
    added = db.run_write(lambda s: install_shipped(s, SystemClock().now_ms()))
    if added:
        log.info("shipped holiday arrangements installed: %s", added)
