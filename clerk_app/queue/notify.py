"""Change notification for screens that must show a call within a second.

Writers call :func:`bump` inside their transaction. On SQLite that increments a per-hall counter
row (SQLite serialises writers anyway); listeners poll it. On PostgreSQL it sends
``NOTIFY onewindow_queue`` (delivered only at commit, so a listener never reads ahead of the
data) and listeners block on the socket. A listener never misses a change: the SQLite counter is
compared, not waited for; a PostgreSQL listener that loses its connection reports a change as
soon as it is back, so the screen re-reads everything it may have missed.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from clerk_app.db.models import ChangeCounter
from onewindow_base.db.engine import Database

if TYPE_CHECKING:
    import psycopg  # imported when the first listener connects: it costs a counter's start-up

log = logging.getLogger(__name__)

CHANNEL = "onewindow_queue"
SQLITE_POLL_S = 0.1
RECONNECT_PAUSE_S = 1.0


def bump(session: Session, hall_id: int, *, postgres: bool) -> None:
    if postgres:
        session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": str(hall_id)})
        return
    result = session.execute(
        update(ChangeCounter)
        .where(ChangeCounter.hall_id == hall_id)
        .values(value=ChangeCounter.value + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        session.add(ChangeCounter(hall_id=hall_id, value=1))
        session.flush()


class ChangeListener(Protocol):
    def current(self) -> int:
        """The token now; from here on every change will be seen."""

    def wait(self, since: int, timeout_s: float) -> int:
        """Block until the token differs from ``since`` or the timeout passes; return it."""

    def close(self) -> None: ...


class SqlitePollingListener:
    def __init__(self, db: Database, hall_id: int, poll_s: float = SQLITE_POLL_S) -> None:
        self._db = db
        self._hall_id = hall_id
        self._poll_s = poll_s
        self._closed = threading.Event()

    def current(self) -> int:
        with self._db.read() as session:
            value = session.scalar(
                select(ChangeCounter.value).where(ChangeCounter.hall_id == self._hall_id)
            )
        return int(value or 0)

    def wait(self, since: int, timeout_s: float) -> int:
        deadline = time.monotonic() + timeout_s
        while True:
            value = self.current()
            remaining = deadline - time.monotonic()
            if value != since or remaining <= 0 or self._closed.is_set():
                return value
            self._closed.wait(min(self._poll_s, remaining))

    def close(self) -> None:
        self._closed.set()


class NotifyError(Exception):
    """The notification connection could not be opened (the server is down or refused it)."""


class PostgresNotifyListener:
    """LISTENs on its own autocommit connection; the token counts notifications and reconnects."""

    def __init__(self, db: Database, hall_id: int) -> None:
        url = make_url(db.url).set(drivername="postgresql")
        self._dsn = url.render_as_string(hide_password=False)
        self._hall = str(hall_id)
        self._token = 0
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None
        self._closed = threading.Event()

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        import psycopg  # noqa: PLC0415 - see the TYPE_CHECKING import above

        try:
            conn = psycopg.connect(self._dsn, autocommit=True, connect_timeout=5)
        except psycopg.Error as exc:
            raise NotifyError(type(exc).__name__) from exc
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:  # connected, then cut (a server restart, a dropped db)
            conn.close()
            raise NotifyError(type(exc).__name__) from exc
        return conn

    def current(self) -> int:
        if self._conn is None:
            self._conn = self._connect()
        return self._token

    def wait(self, since: int, timeout_s: float) -> int:
        import psycopg  # noqa: PLC0415 - loaded by current() already

        if self._token != since or self._closed.is_set():
            return self._token
        try:
            if self._conn is None or self._conn.closed:
                self._conn = self._connect()
                if self._closed.is_set():  # closed while connecting: nobody would close it
                    self._drop()
                self._token += 1  # we may have missed changes while disconnected
                return self._token
            for notify in self._conn.notifies(timeout=timeout_s, stop_after=1):
                if notify.payload == self._hall:
                    self._token += 1
            # Drain whatever else arrived so one wake-up covers a burst of changes.
            for notify in self._conn.notifies(timeout=0):
                if notify.payload == self._hall:
                    self._token += 1
        except (NotifyError, psycopg.OperationalError) as exc:
            log.warning("change notifications interrupted (%s); reconnecting", type(exc).__name__)
            self._drop()
            self._closed.wait(min(timeout_s, RECONNECT_PAUSE_S))
        return self._token

    def _drop(self) -> None:
        import psycopg  # noqa: PLC0415 - loaded by current() already

        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                log.debug("closing a broken connection failed", exc_info=True)
        self._conn = None

    def close(self) -> None:
        self._closed.set()
        self._drop()


def listener_for(db: Database, hall_id: int) -> SqlitePollingListener | PostgresNotifyListener:
    if db.is_postgres:
        return PostgresNotifyListener(db, hall_id)
    return SqlitePollingListener(db, hall_id)
