"""Engine factory and the session helpers every service uses, the counter's and the central
server's (which keeps its own migrations, ``central_server.db``).

SQLite gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout; write transactions are
opened with ``BEGIN IMMEDIATE`` so two writers never deadlock upgrading a read lock, and a
writer waits for the lock instead of failing mid-transaction: first by asking again every half
millisecond (a queue write holds the lock a few milliseconds, and SQLite's own busy handler
sleeps 1, 2, 5, 10, 15, 20… ms between tries, which a window behind two others felt as tens of
milliseconds), then, after ``SQLITE_QUICK_WAIT_S``, in SQLite's busy handler until the busy
timeout. PostgreSQL uses psycopg 3 at READ COMMITTED; the queue engine takes row locks itself
where it needs them.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 15_000
# A writer asks for the lock again every SQLITE_RETRY_S for this long before it leaves the
# waiting to SQLite's busy handler (which sleeps longer between tries, and costs no CPU).
SQLITE_QUICK_WAIT_S = 0.25
SQLITE_RETRY_S = 0.0005
# After the busy timeout ran out, a write is tried again after this pause times its attempt.
SQLITE_BUSY_RETRY_PAUSE_S = 0.05
WRITE_OPTION = "onewindow_write"

T = TypeVar("T")


def is_postgres(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as psycopg 3 URLs."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Driver-level autocommit: we emit BEGIN ourselves (pysqlite's own BEGIN is DEFERRED).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            if not _quick_write_lock(conn.connection.driver_connection):
                conn.exec_driver_sql(
                    "BEGIN IMMEDIATE"
                )  # now in the busy handler, as long as it takes
        else:
            conn.exec_driver_sql("BEGIN")


def _quick_write_lock(raw: sqlite3.Connection) -> bool:
    """``BEGIN IMMEDIATE``, retried every ``SQLITE_RETRY_S`` while another writer holds the
    lock, for at most ``SQLITE_QUICK_WAIT_S``. False if the lock is still held then, or if the
    database answered anything but busy (the caller's ``BEGIN IMMEDIATE`` then reports it the
    way every other statement's error is reported)."""
    deadline = time.monotonic() + SQLITE_QUICK_WAIT_S
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return True
            except sqlite3.Error as exc:
                code = getattr(exc, "sqlite_errorcode", None)
                if code is None or code & 0xFF != sqlite3.SQLITE_BUSY:  # any SQLITE_BUSY_*
                    return False
            if time.monotonic() >= deadline:
                return False
            time.sleep(SQLITE_RETRY_S)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


def create_db_engine(url: str, *, pool_size: int = 5) -> Engine:
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, hide_parameters=True)
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url,
        hide_parameters=True,  # values (names, ciphertexts) never in SQL logs or error text
        pool_size=pool_size,
        max_overflow=pool_size,
        # No pre-ping (a round trip per transaction): a connection found dead raises once, and
        # SQLAlchemy then drops the whole pool, so the next transaction reconnects.
        pool_recycle=3600,
        connect_args={"connect_timeout": 5, "application_name": "onewindow"},
    )


_SQLITE_FULL = 13  # "database or disk is full"
_PG_DISK_FULL = "53100"  # SQLSTATE disk_full


def is_disk_full(exc: BaseException) -> bool:
    """Whether a database error means the disk under it is full (SQLite's SQLITE_FULL, or
    PostgreSQL's SQLSTATE 53100 from the database server's own disk)."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, sqlite3.Error):
        return getattr(orig, "sqlite_errorcode", None) == _SQLITE_FULL
    return getattr(orig, "sqlstate", None) == _PG_DISK_FULL


def is_lock_error(exc: OperationalError) -> bool:
    """SQLite's busy timeout ran out waiting for the write lock."""
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


class Database:
    """One engine plus the two kinds of transaction the services use."""

    def __init__(self, url: str, *, pool_size: int = 5) -> None:
        self.url = normalise_url(url)
        self.engine = create_db_engine(self.url, pool_size=pool_size)
        self.is_postgres = is_postgres(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: ``BEGIN IMMEDIATE`` on SQLite, committed on success."""
        conn = self.engine.connect().execution_options(**{WRITE_OPTION: True})
        try:
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            conn.close()

    def run_write(self, work: Callable[[Session], T], *, attempts: int = 5) -> T:
        """Run ``work`` in a write transaction, retrying only SQLite lock timeouts.

        The busy timeout already waits 15 s for the lock; a retry covers the rare case where
        SQLite reports SQLITE_BUSY at once (a WAL checkpoint in progress, a snapshot upgrade).
        """
        for attempt in range(1, attempts + 1):
            try:
                with self.write() as session:
                    return work(session)
            except OperationalError as exc:
                if self.is_postgres or not is_lock_error(exc) or attempt == attempts:
                    raise
                log.info("SQLite busy, retrying write (attempt %d)", attempt)
                time.sleep(SQLITE_BUSY_RETRY_PAUSE_S * attempt)
        raise AssertionError("unreachable")

    def run_read(self, work: Callable[[Session], T]) -> T:
        with self.read() as session:
            return work(session)

    def dispose(self) -> None:
        self.engine.dispose()
