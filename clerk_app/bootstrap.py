"""Open a hall database ready for use: the file checked (SQLite), engine, migrations (SQLite
copied aside first), the shipped holiday arrangements a fresh hall needs
(``clerk_app.calendars.shipped``), the query planner's statistics.

Many PCs and screens may start at once on one database. Every write at start-up goes through
SQLite's write lock like any other write (``BEGIN IMMEDIATE`` and the busy timeout), so a burst
of starts waits in turn instead of failing with "database is locked".
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from clerk_app.calendars.shipped import install_shipped, shipped_arrangements
from clerk_app.calendars.store import installed_years
from clerk_app.db.filesystem import FsProbe, fs_type
from clerk_app.db.migrate import migrate
from clerk_app.db.sqlite_file import prepare, sqlite_file
from onewindow_base.clock import SystemClock
from onewindow_base.db.engine import Database
from onewindow_base.failures.database import DatabaseRefused, DbProblem, is_damage

log = logging.getLogger(__name__)

ANALYSIS_LIMIT = 1000  # rows sampled per index


def open_database(url: str, *, pool_size: int = 5, fs_probe: FsProbe = fs_type) -> Database:
    """The database at ``url``, migrated; ``DatabaseRefused`` when an SQLite file is on a
    network share, empty or damaged (the file is left as it is)."""
    path = sqlite_file(url)
    if path is not None:
        prepare(path, fs_probe)
    db = Database(url, pool_size=pool_size)
    try:
        migrate(db.engine)
        install_shipped_calendars(db)
        if not db.is_postgres:
            refresh_sqlite_statistics(db)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        db.dispose()
        if path is not None and is_damage(exc):
            raise DatabaseRefused(DbProblem.DAMAGED, path=path) from exc
        raise
    except BaseException:
        db.dispose()
        raise
    return db


def refresh_sqlite_statistics(db: Database) -> None:
    """Sampled ANALYZE at start-up (milliseconds even on a year of tickets), as a writer.

    SQLite plans without statistics until ANALYZE has run, and then prefers the wrong index
    for several of the queue's queries once the ticket table is large (PostgreSQL's autovacuum
    keeps its own statistics). ANALYZE writes ``sqlite_stat1``: it queues for the write lock
    like every other writer, so twelve PCs starting together take their turns.
    """

    def analyze(session: Session) -> None:
        session.execute(text(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}"))
        session.execute(text("ANALYZE"))

    db.run_write(analyze)


def install_shipped_calendars(db: Database) -> None:
    """Add the shipped years the database lacks (a read only, once they are all there)."""
    held = db.run_read(lambda s: {row.year for row in installed_years(s)})
    if {a.year for a in shipped_arrangements()} <= held:
        return
    added = db.run_write(lambda s: install_shipped(s, SystemClock().now_ms()))
    if added:
        log.info("shipped holiday arrangements installed: %s", added)
