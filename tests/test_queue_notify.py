"""Change notification: a listener learns of every committed change and never misses one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from clerk_app.queue import QueueService
from clerk_app.queue.notify import ChangeListener, PostgresNotifyListener, listener_for
from onewindow_base.db.engine import Database
from tests.dbs import PG_ADMIN_DSN

WAIT_S = 5.0


@dataclass
class Pair:
    """A queue writing on one connection pool, a listener and a reader on another."""

    writer: QueueService
    reader: QueueService
    listener: ChangeListener


@pytest.fixture
def pair(db_url: str) -> Iterator[Pair]:
    writer_db, reader_db = Database(db_url), Database(db_url)
    writer = QueueService(writer_db)
    listener = listener_for(reader_db, writer.rules.hall_id)
    yield Pair(writer, QueueService(reader_db), listener)
    listener.close()
    writer_db.dispose()
    reader_db.dispose()


def test_listener_sees_a_change_made_by_another_connection(pair: Pair) -> None:
    token = pair.listener.current()
    pair.writer.issue("BIZ")
    changed = pair.listener.wait(token, WAIT_S)
    assert changed != token
    # Once the change is seen, waiting again with the new token times out quietly.
    assert pair.listener.wait(changed, 0.2) == changed


def test_burst_of_changes_is_never_lost(pair: Pair) -> None:
    token = pair.listener.current()
    for _ in range(5):
        pair.writer.issue("BIZ")
    token = pair.listener.wait(token, WAIT_S)
    # Whatever the listener coalesced, reading after the wake-up shows all five.
    assert pair.reader.status().services[0].waiting == 5
    pair.writer.issue("BIZ")
    assert pair.listener.wait(token, WAIT_S) != token


def test_refused_operation_does_not_notify(pair: Pair) -> None:
    token = pair.listener.current()
    with pytest.raises(Exception, match="unknown service"):
        pair.writer.issue("NOPE")
    assert pair.listener.wait(token, 0.3) == token


@pytest.mark.allow_log_warnings
def test_postgres_listener_reports_a_change_after_losing_its_connection(pg_url: str) -> None:
    db_url = pg_url
    db = Database(db_url)
    queue = QueueService(db)
    listener = listener_for(db, queue.rules.hall_id)
    assert isinstance(listener, PostgresNotifyListener)
    try:
        token = listener.current()
        name = db_url.rsplit("/", 1)[1]
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND query ILIKE 'LISTEN%%'",
                (name,),
            )
        queue.issue("BIZ")  # made while the listener was cut off
        seen = token
        for _ in range(3):  # detect the loss, reconnect, report
            seen = listener.wait(seen, WAIT_S)
            if seen != token:
                break
        assert seen != token
    finally:
        listener.close()
        db.dispose()
