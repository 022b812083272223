"""The life of a ticket: issue, call, recall, skip, return, start, finish, transfer, park."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from clerk_app.accounts.authz import HostOperator
from clerk_app.db.models import QueueEvent, Ticket
from clerk_app.queue import (
    PriorityClass,
    QueueRefused,
    QueueService,
    RefusalCode,
    TicketState,
    WindowState,
)
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database

KEYPAD = HostOperator("keypad")  # the command line a caller keypad runs, as the host


def window_state(queue: QueueService, number: int) -> WindowState:
    return next(w.state for w in queue.status().windows if w.number == number)


def events(db: Database, ticket_id: int) -> list[tuple[str, str | None, str | None]]:
    with db.read() as s:
        rows = s.execute(
            select(QueueEvent.kind, QueueEvent.from_state, QueueEvent.to_state)
            .where(QueueEvent.ticket_id == ticket_id)
            .order_by(QueueEvent.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_numbers_follow_prefix_and_start_number_per_service(queue: QueueService) -> None:
    numbers = [queue.issue(code).ticket.number for code in ("BIZ", "BIZ", "SOCIAL", "BIZ")]
    assert numbers == ["A001", "A002", "C001", "A003"]


def test_numbers_reset_the_next_day(queue: QueueService, clock: FixedClock) -> None:
    assert queue.issue("BIZ").ticket.number == "A001"
    clock.advance(minutes=24 * 60)
    assert queue.issue("BIZ").ticket.number == "A001"


def test_full_service_cycle_records_every_transition(
    queue: QueueService, db: Database, clock: FixedClock
) -> None:
    queue.open_window(1, user_id=1)
    issued = queue.issue("BIZ")
    called = queue.call_next(1, user_id=1)
    assert called is not None
    assert called.number == "A001"
    assert called.state is TicketState.CALLED
    assert called.window_number == 1
    assert window_state(queue, 1) is WindowState.CALLING
    clock.advance(seconds=30)
    assert queue.start(1, user_id=1).state is TicketState.SERVING
    assert window_state(queue, 1) is WindowState.SERVING
    clock.advance(minutes=10)
    assert queue.finish(1, user_id=1).state is TicketState.DONE
    assert window_state(queue, 1) is WindowState.OPEN
    assert events(db, issued.ticket.ticket_id) == [
        ("issue", None, "waiting"),
        ("call", "waiting", "called"),
        ("start", "called", "serving"),
        ("finish", "serving", "done"),
    ]


def test_call_next_with_nothing_waiting_returns_none(queue: QueueService) -> None:
    queue.open_window(1)
    assert queue.call_next(1) is None
    assert window_state(queue, 1) is WindowState.OPEN


def test_double_call_is_refused_and_keeps_the_first_ticket(queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.issue("BIZ")
    first = queue.call_next(1)
    with pytest.raises(QueueRefused) as refused:
        queue.call_next(1)
    assert refused.value.code is RefusalCode.WINDOW_BUSY
    current = next(w.current for w in queue.status().windows if w.number == 1)
    assert current is not None and first is not None
    assert current.ticket_id == first.ticket_id
    assert queue.status().services[0].waiting == 1


def test_recall_is_limited_then_becomes_no_show(queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    assert queue.recall(1).recall_count == 1
    assert queue.recall(1).recall_count == 2  # the demo hall allows two recalls
    third = queue.recall(1)
    assert third.state is TicketState.NO_SHOW
    assert window_state(queue, 1) is WindowState.OPEN


def test_skip_then_return_within_grace_requeues(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    assert queue.skip(1).state is TicketState.NO_SHOW
    clock.advance(minutes=10)
    returned = queue.return_no_show("a001")
    assert returned.state is TicketState.WAITING
    again = queue.call_next(1)
    assert again is not None and again.number == "A001"


def test_return_after_grace_is_refused(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    queue.skip(1)
    clock.advance(minutes=31)
    with pytest.raises(QueueRefused) as refused:
        queue.return_no_show("A001")
    assert refused.value.code is RefusalCode.GRACE_EXPIRED


def test_transfer_to_service_keeps_arrival_and_changes_queue(
    queue: QueueService, clock: FixedClock
) -> None:
    queue.open_window(1)
    queue.open_window(8)  # serves PICKUP only
    queue.issue("BIZ")
    clock.advance(minutes=5)
    queue.issue("PICKUP")
    queue.call_next(1)
    queue.start(1)
    moved = queue.transfer(1, to_service="PICKUP")
    assert moved.state is TicketState.WAITING
    assert moved.service_code == "PICKUP"
    assert moved.number == "A001"  # the number the person holds does not change
    nxt = queue.call_next(8)
    assert nxt is not None and nxt.number == "A001"  # original arrival kept: ahead of F001


def test_transfer_to_named_window_only_that_window_calls_it(queue: QueueService) -> None:
    for n in (1, 2, 3):
        queue.open_window(n)
    queue.issue("BIZ")
    queue.issue("BIZ")
    queue.call_next(1)
    queue.transfer(1, to_window=3)
    other = queue.call_next(2)
    assert other is not None and other.number == "A002"
    queue.skip(2)
    assert queue.call_next(2) is None
    mine = queue.call_next(3)
    assert mine is not None and mine.number == "A001"


def test_park_hides_ticket_until_time_then_returns_to_same_window(
    queue: QueueService, clock: FixedClock
) -> None:
    queue.open_window(1)
    queue.open_window(2)
    queue.issue("BIZ")
    queue.call_next(1)
    queue.start(1)
    assert queue.park(1, 15).state is TicketState.PARKED
    assert queue.call_next(1) is None
    clock.advance(minutes=16)
    assert queue.call_next(2) is None  # it comes back to the window that parked it
    back = queue.call_next(1)
    assert back is not None and back.number == "A001"


def test_cancel_waiting_and_called_tickets(queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.issue("BIZ")
    assert queue.cancel("A002", by=KEYPAD).state is TicketState.CANCELLED
    queue.call_next(1)
    assert queue.cancel("A001", by=KEYPAD).state is TicketState.CANCELLED
    assert window_state(queue, 1) is WindowState.OPEN
    assert queue.call_next(1) is None


def test_call_specific_ticket_is_recorded_as_such(queue: QueueService, db: Database) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    second = queue.issue("BIZ")
    called = queue.call_ticket(1, "A002")
    assert called.ticket_id == second.ticket.ticket_id
    assert ("call_specific", "waiting", "called") in events(db, called.ticket_id)


def test_window_pause_and_close(queue: QueueService) -> None:
    queue.open_window(1)
    queue.pause_window(1, "break")
    status = next(w for w in queue.status().windows if w.number == 1)
    assert status.state is WindowState.PAUSED
    assert status.pause_reason == "break"
    queue.issue("BIZ")
    with pytest.raises(QueueRefused) as refused:
        queue.call_next(1)
    assert refused.value.code is RefusalCode.WINDOW_PAUSED
    queue.open_window(1)
    queue.close_window(1)
    with pytest.raises(QueueRefused) as closed:
        queue.call_next(1)
    assert closed.value.code is RefusalCode.WINDOW_CLOSED


def test_window_with_a_ticket_cannot_pause_or_close(queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    acts: tuple[Callable[[], object], ...] = (
        lambda: queue.pause_window(1, "break"),
        lambda: queue.close_window(1),
    )
    for act in acts:
        with pytest.raises(QueueRefused) as refused:
            act()
        assert refused.value.code is RefusalCode.WINDOW_BUSY


def test_window_transitions_are_events(queue: QueueService, db: Database) -> None:
    queue.open_window(2, user_id=2)
    queue.pause_window(2, "meeting", user_id=2)
    queue.open_window(2, user_id=2)
    queue.close_window(2, user_id=2)
    with db.read() as s:
        rows = s.execute(
            select(QueueEvent.from_state, QueueEvent.to_state, QueueEvent.user_id)
            .where(QueueEvent.ticket_id.is_(None))
            .order_by(QueueEvent.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("closed", "open", 2),
        ("open", "paused", 2),
        ("paused", "open", 2),
        ("open", "closed", 2),
    ]


def test_specialised_window_only_calls_its_services(queue: QueueService) -> None:
    queue.open_window(8)  # PICKUP only
    queue.issue("BIZ")
    assert queue.call_next(8) is None
    queue.issue("PICKUP")
    got = queue.call_next(8)
    assert got is not None and got.service_code == "PICKUP"


def test_priority_ticket_is_called_before_earlier_normal(
    queue: QueueService, clock: FixedClock
) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    clock.advance(minutes=1)
    queue.issue("BIZ", PriorityClass.PRIORITY)
    got = queue.call_next(1)
    assert got is not None and got.number == "A002"


def test_ticket_row_state_matches_view(queue: QueueService, db: Database) -> None:
    issued = queue.issue("SOCIAL", PriorityClass.APPOINTMENT, appointment_ref="YY-2026-0001")
    with db.read() as s:
        row = s.get_one(Ticket, issued.ticket.ticket_id)
        assert (row.state, row.priority_class, row.appointment_ref) == (
            "waiting",
            "appointment",
            "YY-2026-0001",
        )


def test_window_list_marks_a_ticket_sent_elsewhere_as_transferred(queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.issue("BIZ")
    queue.call_next(1)
    queue.skip(1)
    queue.return_no_show("A001")  # back in the queue after a no-show: waiting, not transferred
    queue.call_next(1)
    moved = queue.transfer(1, to_service="PICKUP")
    assert moved.transferred
    listed = {t.number: t for t in queue.window_tickets(1)}
    assert listed[moved.number].transferred
    assert listed[moved.number].state is TicketState.WAITING
    again = queue.call_next(1)
    assert again is not None
    assert not again.transferred  # called again: no longer "sent elsewhere"
