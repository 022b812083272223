"""Engine factory and the session helpers every service uses, the counter's and the central
server's (which keeps its own migrations, ``central_server.db``).

SQLite gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout; write transactions are
opened with ``BEGIN IMMEDIATE`` so two writers never deadlock upgrading a read lock, and a
writer waits for the lock (busy timeout) instead of failing mid-transaction. PostgreSQL uses
psycopg 3 at READ COMMITTED; the queue engine takes row locks itself where it needs them.
"""

from __future__ import annotations

import logging
import os
import sqlite3

try:
    import fcntl
except ImportError:  # Windows: SQLite's own busy handler alone
    fcntl = None  # type: ignore[assignment]
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from onewindow_base.db.prebuilt import Prebuilt

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 15_000
_LOCK_PATH = "onewindow_write_lock_path"
_LOCK_FD = "onewindow_write_lock_fd"
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
    def _on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
        # Driver-level autocommit: we emit BEGIN ourselves (pysqlite's own BEGIN is DEFERRED).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()
        database = engine.url.database
        if database and database != ":memory:":
            record.info[_LOCK_PATH] = f"{database}.writelock"

    event.listen(engine, "checkin", _release_write_lock)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            _begin_immediate(conn)
        else:
            conn.exec_driver_sql("BEGIN")


def _take_write_lock(info: dict[Any, Any]) -> None:
    path = info.get(_LOCK_PATH)
    if path is not None and fcntl is not None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        info[_LOCK_FD] = fd


def _drop_write_lock(info: dict[Any, Any]) -> None:
    fd = info.pop(_LOCK_FD, None)
    if fd is not None:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def sqlite_write_lock(database: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the place at the head of the hall's writer queue (the ``.writelock`` file next to
    the database, see :func:`_begin_immediate`) for work on the file outside a transaction:
    creating it, restoring it."""
    info: dict[Any, Any] = {_LOCK_PATH: f"{os.fspath(database)}.writelock"}
    _take_write_lock(info)
    try:
        yield
    finally:
        _drop_write_lock(info)


def _begin_immediate(conn: Any) -> None:
    """Queue for SQLite's write lock on a kernel file lock, then take it.

    SQLite's busy handler makes a waiting writer sleep 1, 2, 5 … up to 100 ms between tries, so
    under a burst of writers one can lose the race again and again for a second or more
    (measured: 1.3 s with 8 windows calling back to back). The kernel wakes a writer waiting on
    ``flock`` as soon as the holder lets go, in turn (measured: never more than 30 ms). The file
    lock is released when the connection goes back to the pool, right after COMMIT or ROLLBACK,
    and by the kernel if the process dies.
    """
    _take_write_lock(conn.info)
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _release_write_lock(_dbapi_conn: object, record: Any) -> None:
    _drop_write_lock(record.info)


def _run_locked(
    conn: sqlite3.Connection, info: dict[Any, Any], work: Callable[[sqlite3.Connection], T]
) -> T:
    _take_write_lock(info)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return result
    finally:
        _drop_write_lock(info)


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


def _is_lock_error(exc: OperationalError) -> bool:
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
                if self.is_postgres or not _is_lock_error(exc) or attempt == attempts:
                    raise
                log.info("SQLite busy, retrying write (attempt %d)", attempt)
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    def run_sqlite_write(self, work: Callable[[sqlite3.Connection], T], *, attempts: int = 5) -> T:
        """A write transaction straight on the sqlite3 connection, for the queue's hot paths.

        Writers queue on the file lock, so the time one holds it is the time every other window
        waits: here it covers ``BEGIN IMMEDIATE``, ``work`` and ``COMMIT`` and nothing else (no
        session set-up or tear-down, no pool bookkeeping), and is dropped right after COMMIT.
        """
        for attempt in range(1, attempts + 1):
            pooled = self.engine.raw_connection()
            try:
                conn = pooled.driver_connection
                assert isinstance(conn, sqlite3.Connection)
                return _run_locked(conn, pooled.info, work)
            except sqlite3.OperationalError as exc:
                text = str(exc).lower()
                if ("locked" not in text and "busy" not in text) or attempt == attempts:
                    raise
                log.info("SQLite busy, retrying write (attempt %d)", attempt)
                time.sleep(0.05 * attempt)
            finally:
                pooled.close()
        raise AssertionError("unreachable")

    def run_prebuilt(self, statement: Prebuilt, params: Mapping[str, Any]) -> list[Any]:
        """PostgreSQL: one prebuilt statement on its own (autocommit), its rows returned.

        The statement runs on psycopg's raw cursor, prepared on the server; the connection comes
        from the engine's pool and errors surface as SQLAlchemy's, as for any other statement (a
        connection found dead is dropped with the rest of the pool).
        """
        import psycopg  # noqa: PLC0415 - PostgreSQL only, and loaded with its engine anyway

        args = statement.args(params)
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            dbapi_conn = conn.connection.driver_connection
            assert isinstance(dbapi_conn, psycopg.Connection)
            cursor = psycopg.RawCursor(dbapi_conn)
            try:
                cursor.execute(statement.sql, args, prepare=True)
                return cursor.fetchall()
            except psycopg.Error as exc:
                dead = dbapi_conn.broken or dbapi_conn.closed
                if dead:
                    conn.invalidate(exc)
                    self.engine.dispose(close=False)
                raise DBAPIError.instance(
                    statement.sql,
                    args,
                    exc,
                    psycopg.Error,
                    hide_parameters=True,  # values (names, ciphertexts) never in error text
                    connection_invalidated=dead,
                ) from exc
            finally:
                cursor.close()

    def run_read(self, work: Callable[[Session], T]) -> T:
        with self.read() as session:
            return work(session)

    def dispose(self) -> None:
        self.engine.dispose()
