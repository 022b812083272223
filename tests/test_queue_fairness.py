"""Fairness between priority and normal tickets, and window weights: nobody starves."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update

from clerk_app.db.models import Hall, Service, Window, WindowService
from clerk_app.queue import PriorityClass, QueueService
from clerk_app.queue import service as service_module
from clerk_app.queue.selection import Picker
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database


def call_all(queue: QueueService, window: int) -> list[str]:
    order = []
    while (ticket := queue.call_next(window)) is not None:
        order.append(ticket.number)
        queue.start(window)
        queue.finish(window)
    return order


def test_ratio_mode_allows_at_most_n_priority_calls_in_a_row(
    queue: QueueService, clock: FixedClock
) -> None:
    queue.open_window(1)
    for _ in range(3):
        queue.issue("BIZ")  # A001-A003, normal, earlier
        clock.advance(seconds=10)
    for _ in range(5):
        queue.issue("SOCIAL", PriorityClass.PRIORITY)  # C001-C005
        clock.advance(seconds=10)
    order = call_all(queue, 1)
    assert order == ["C001", "C002", "A001", "C003", "C004", "A002", "C005", "A003"]


def test_ratio_is_configurable(db: Database, clock: FixedClock) -> None:
    with db.write() as s:
        s.execute(update(Hall).values(priority_ratio=1))
    queue = QueueService(db, clock=clock)
    queue.open_window(1)
    for code, prio in [("BIZ", "normal")] * 2 + [("SOCIAL", "priority")] * 2:
        queue.issue(code, PriorityClass(prio))
        clock.advance(seconds=5)
    assert call_all(queue, 1) == ["C001", "A001", "C002", "A002"]


def test_aging_mode_orders_by_weighted_wait_plus_head_start(
    db: Database, clock: FixedClock
) -> None:
    with db.write() as s:
        s.execute(update(Hall).values(fairness_mode="aging", priority_head_start_s=600))
    queue = QueueService(db, clock=clock)
    queue.open_window(1)
    queue.issue("BIZ")  # A001 waits 20 minutes by the time of calling
    clock.advance(minutes=15)
    queue.issue("SOCIAL", PriorityClass.PRIORITY)  # 5 minutes + 10 minutes head start
    clock.advance(minutes=5)
    queue.issue("CIVIL", PriorityClass.PRIORITY)  # 0 + 10
    assert call_all(queue, 1)[:2] == ["A001", "C001"]


def test_window_weight_favours_a_service_without_starving_others(
    db: Database, clock: FixedClock
) -> None:
    with db.write() as s:
        window_id = s.query(Window.id).filter(Window.number == 1).scalar()
        permit = s.query(Service.id).filter(Service.code == "PERMIT").scalar()
        s.execute(
            update(WindowService)
            .where(WindowService.window_id == window_id, WindowService.service_id == permit)
            .values(weight=3)
        )
    queue = QueueService(db, clock=clock)
    queue.open_window(1)
    queue.issue("BIZ")  # waits 10 min, weight 1 → score 2 x 10
    clock.advance(minutes=6)
    queue.issue("PERMIT")  # waits 4 min, weight 3 → score 4 x 4 = 16: still behind A001
    clock.advance(minutes=4)
    order = call_all(queue, 1)
    assert order == ["A001", "B001"]
    queue.issue("BIZ")
    clock.advance(minutes=1)
    queue.issue("PERMIT")
    clock.advance(minutes=2)  # A002 scores 3 min x 2 = 6, B002 scores 2 min x 4 = 8
    assert call_all(queue, 1) == ["B002", "A002"]


def test_appointment_counts_as_priority(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    clock.advance(seconds=1)
    queue.issue("BIZ", PriorityClass.APPOINTMENT, appointment_ref="YY-1")
    assert call_all(queue, 1) == ["A002", "A001"]


def test_a_weight_change_reaches_the_window_and_an_unchanged_one_keeps_its_pick(
    db: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every call re-reads the weights here (no cache time); the window's pick is built again
    only when they changed, and the changed weight orders the very next call."""
    monkeypatch.setattr(service_module, "SETUP_TTL_S", 0.0)
    built: list[dict[int, int]] = []
    real_picker = Picker

    def counting_picker(*args: Any, **kwargs: Any) -> Picker:
        built.append(dict(args[2]))
        return real_picker(*args, **kwargs)

    monkeypatch.setattr(service_module, "Picker", counting_picker)
    queue = QueueService(db, clock=clock)
    queue.open_window(1)
    for _ in range(3):
        queue.issue("BIZ")
        queue.issue("PERMIT")
        clock.advance(minutes=1)
    assert call_all(queue, 1)[:2] == ["A001", "B001"]
    assert len(built) == 1  # six calls (and an empty one), one pick built
    with db.write() as s:
        window_id = s.query(Window.id).filter(Window.number == 1).scalar()
        permit = s.query(Service.id).filter(Service.code == "PERMIT").scalar()
        s.execute(
            update(WindowService)
            .where(WindowService.window_id == window_id, WindowService.service_id == permit)
            .values(weight=5)
        )
    queue.issue("BIZ")
    clock.advance(minutes=2)
    queue.issue("PERMIT")
    clock.advance(minutes=1)  # A004 scores 3 min x 2 = 6, B004 scores 1 min x 6 = 6: then by id
    queue.issue("PERMIT")
    clock.advance(minutes=1)  # A004 4 x 2 = 8, B004 2 x 6 = 12, B005 1 x 6 = 6
    assert call_all(queue, 1) == ["B004", "A004", "B005"]
    assert len(built) == 2 and built[1][permit] == 5
