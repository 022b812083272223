"""Many processes racing call-next: each ticket served exactly once, none lost, no lock errors."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest
from sqlalchemy import select

from clerk_app.db.models import Ticket
from clerk_app.queue import QueueService, selection
from onewindow_base.db.engine import Database
from tests import race_worker
from tests.races import BARRIER_S

WINDOWS = 6
TICKETS = 150


@pytest.mark.slow
def test_racing_windows_serve_each_ticket_exactly_once(db_url: str) -> None:
    db = Database(db_url)
    queue = QueueService(db)
    for n in range(1, WINDOWS + 1):
        queue.open_window(n)
    issued = {
        queue.issue(("BIZ", "SOCIAL", "CIVIL")[i % 3]).ticket.ticket_id for i in range(TICKETS)
    }
    db.dispose()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(WINDOWS) as pool:
        barrier = manager.Barrier(WINDOWS, timeout=BARRIER_S)
        results = pool.starmap(
            race_worker.serve_until_empty,
            [(db_url, n, barrier) for n in range(1, WINDOWS + 1)],
        )
    errors = [e for _, errs in results for e in errs]
    served = Counter(t for ids, _ in results for t in ids)
    assert errors == []
    assert set(served) == issued  # none lost
    assert max(served.values()) == 1  # none served twice
    assert sum(1 for ids, _ in results if ids) > 1  # the windows really did race
    check = QueueService(Database(db_url))
    assert all(s.waiting == 0 for s in check.status().services)
    check.db.dispose()


def test_double_click_from_two_processes_gives_one_ticket(db_url: str) -> None:
    db = Database(db_url)
    queue = QueueService(db)
    queue.open_window(1)
    queue.issue("BIZ")
    queue.issue("BIZ")
    db.dispose()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(2) as pool:
        barrier = manager.Barrier(2, timeout=BARRIER_S)
        outcomes = pool.starmap(race_worker.double_click, [(db_url, 1, barrier)] * 2)
    assert sorted(o.split()[0] for o in outcomes) == ["ticket", "window_busy"]
    check = QueueService(Database(db_url))
    assert next(s for s in check.status().services if s.code == "BIZ").waiting == 1
    check.db.dispose()


def test_a_window_picking_locks_only_the_ticket_it_calls(pg_url: str) -> None:
    db = Database(pg_url)
    queue = QueueService(db)
    for _ in range(6):
        queue.issue("BIZ")
    other = Database(pg_url)
    with db.write() as session:
        weights = selection.window_weights(session, 1)
        picker = selection.Picker(queue.rules, 1, weights, prefer_priority=True)
        picked = picker.pick(session, queue.now_ms())
        assert picked is not None
        with other.write() as second:
            free = second.scalars(
                select(Ticket.id).where(Ticket.state == "waiting").with_for_update(skip_locked=True)
            ).all()
        assert len(free) == 5
        assert picked.ticket_id not in free
    other.dispose()
    db.dispose()


def test_call_next_skips_a_ticket_another_window_is_claiming(pg_url: str) -> None:

    db = Database(pg_url)
    queue = QueueService(db)
    queue.open_window(2)
    first = queue.issue("BIZ").ticket
    second = queue.issue("BIZ").ticket
    caller_db = Database(pg_url)
    with db.write() as session:  # another window is mid-call on the head of the queue
        session.execute(select(Ticket.id).where(Ticket.id == first.ticket_id).with_for_update())
        got = QueueService(caller_db).call_next(2)
        assert got is not None
        assert got.ticket_id == second.ticket_id
    caller_db.dispose()
    db.dispose()


def test_call_next_looks_past_every_candidate_other_windows_are_claiming(pg_url: str) -> None:
    db = Database(pg_url)
    queue = QueueService(db)
    queue.open_window(3)
    issued = [queue.issue("BIZ").ticket for _ in range(selection.FIRST_BATCH + 2)]
    held = [t.ticket_id for t in issued[: selection.FIRST_BATCH]]
    caller_db = Database(pg_url)
    with db.write() as session:  # as many windows as the first read holds are mid-call
        session.execute(select(Ticket.id).where(Ticket.id.in_(held)).with_for_update())
        got = QueueService(caller_db).call_next(3)
        assert got is not None
        assert got.ticket_id == issued[selection.FIRST_BATCH].ticket_id
    caller_db.dispose()
    db.dispose()
