"""Prebuilt statements on PostgreSQL's raw cursor fail as any other statement does: as
SQLAlchemy errors without the values, a dead connection dropped with the pool, and the next
call served on a fresh one."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import Integer, String, bindparam, literal, select
from sqlalchemy.exc import DBAPIError, OperationalError

from clerk_app.db.models import Ticket
from clerk_app.queue import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from onewindow_base.db.prebuilt import Prebuilt, dollar_dialect
from tests.dbs import PG_ADMIN_DSN

SECRET = "110101199003077777"


def test_a_killed_connection_fails_one_call_and_the_next_is_served(
    pg_url: str, clock: FixedClock
) -> None:
    db = Database(pg_url)
    try:
        queue = QueueService(db, clock=clock)
        queue.open_window(1)
        queue.issue("BIZ")
        queue.issue("BIZ")
        assert queue.call_next(1) is not None
        queue.start(1)
        name = pg_url.rsplit("/", 1)[1]
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = %s AND application_name = 'onewindow'",
                (name,),
            ).fetchone()
        assert killed is not None and killed[0] >= 1
        with pytest.raises(OperationalError) as failure:
            queue.finish(1)
        assert failure.value.connection_invalidated
        finished = queue.finish(1)  # on a new connection; the failed attempt changed nothing
        assert finished.state == "done"
        with db.read() as s:
            assert s.scalar(select(Ticket.state).where(Ticket.id == finished.ticket_id)) == "done"
    finally:
        db.dispose()


def test_a_failing_statement_says_what_failed_but_not_the_values(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        statement = Prebuilt(
            select(
                bindparam("p_name", type_=String),
                literal(1) / bindparam("p_divisor", type_=Integer),
            ),
            dollar_dialect(),
        )
        assert db.run_prebuilt(statement, {"p_name": SECRET, "p_divisor": 1}) == [(SECRET, 1)]
        with pytest.raises(DBAPIError) as failure:
            db.run_prebuilt(statement, {"p_name": SECRET, "p_divisor": 0})
        message = str(failure.value)
        assert "division by zero" in message
        assert SECRET not in message
        # The connection is still good for the next statement.
        assert db.run_prebuilt(statement, {"p_name": "x", "p_divisor": 4}) == [("x", 0.25)]
    finally:
        db.dispose()
