"""Refused operations say why and leave every table exactly as it was."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import HostOperator
from clerk_app.db.models import DailyCounter, OpeningHours, Service
from clerk_app.queue import QueueRefused, QueueService, RefusalCode
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.snapshot import snapshot

Op = Callable[[QueueService], object]

REFUSED: list[tuple[str, Op, RefusalCode]] = [
    ("unknown service", lambda q: q.issue("NOPE"), RefusalCode.UNKNOWN_SERVICE),
    ("unknown window", lambda q: q.call_next(99), RefusalCode.UNKNOWN_WINDOW),
    ("start at unknown window", lambda q: q.start(99), RefusalCode.UNKNOWN_WINDOW),
    ("finish at unknown window", lambda q: q.finish(99), RefusalCode.UNKNOWN_WINDOW),
    ("closed window calls", lambda q: q.call_next(5), RefusalCode.WINDOW_CLOSED),
    ("busy window calls", lambda q: q.call_next(1), RefusalCode.WINDOW_BUSY),
    ("finish a called ticket", lambda q: q.finish(1), RefusalCode.WRONG_STATE),
    ("start with nothing", lambda q: q.start(2), RefusalCode.NO_ACTIVE_TICKET),
    ("skip with nothing", lambda q: q.skip(2), RefusalCode.NO_ACTIVE_TICKET),
    ("transfer nowhere", lambda q: q.transfer(1), RefusalCode.INVALID_ARGUMENT),
    ("transfer to unknown", lambda q: q.transfer(1, to_service="X"), RefusalCode.UNKNOWN_SERVICE),
    ("transfer to itself", lambda q: q.transfer(1, to_window=1), RefusalCode.INVALID_ARGUMENT),
    ("park too long", lambda q: q.park(1, 10_000), RefusalCode.INVALID_ARGUMENT),
    ("pause busy window", lambda q: q.pause_window(1, "break"), RefusalCode.WINDOW_BUSY),
    ("pause without reason", lambda q: q.pause_window(2, "  "), RefusalCode.INVALID_ARGUMENT),
    ("close busy window", lambda q: q.close_window(1), RefusalCode.WINDOW_BUSY),
    (
        "cancel unknown",
        lambda q: q.cancel("Z999", by=HostOperator("keypad")),
        RefusalCode.UNKNOWN_TICKET,
    ),
    ("return a waiting one", lambda q: q.return_no_show("A002"), RefusalCode.WRONG_STATE),
    ("call a called ticket", lambda q: q.call_ticket(2, "A001"), RefusalCode.WRONG_STATE),
]


@pytest.mark.parametrize(("name", "op", "code"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_operation_changes_nothing(
    queue: QueueService, db: Database, name: str, op: Op, code: RefusalCode
) -> None:
    queue.open_window(1)
    queue.open_window(2)
    queue.issue("BIZ")
    queue.issue("BIZ")
    queue.call_next(1)
    before = snapshot(db)
    with pytest.raises(QueueRefused) as refused:
        op(queue)
    assert refused.value.code is code, name
    assert snapshot(db) == before


def _set_service(db: Database, **values: object) -> None:
    with db.write() as s:
        s.execute(update(Service).where(Service.code == "BIZ").values(**values))


def test_daily_limit_refuses_without_consuming_a_number(db: Database, queue: QueueService) -> None:
    _set_service(db, daily_limit=2)
    queue.issue("BIZ")
    queue.issue("BIZ")
    before = snapshot(db)
    with pytest.raises(QueueRefused) as refused:
        queue.issue("BIZ")
    assert refused.value.code is RefusalCode.DAILY_LIMIT
    assert snapshot(db) == before
    assert queue.issue("SOCIAL").ticket.number == "C001"


def test_cutoff_time_refuses_tickets(db: Database, clock: FixedClock) -> None:
    _set_service(db, cutoff_min=16 * 60 + 30)
    queue = QueueService(db, clock=clock)
    clock.advance(minutes=7 * 60)  # 16:30 local
    with pytest.raises(QueueRefused) as refused:
        queue.issue("BIZ")
    assert refused.value.code is RefusalCode.PAST_CUTOFF
    assert queue.issue("SOCIAL").ticket.number == "C001"


def test_opening_hours_refuse_outside_and_when_time_cannot_serve(
    db: Database, clock: FixedClock
) -> None:
    with db.write() as s:
        for weekday in range(5):
            s.add(OpeningHours(hall_id=1, weekday=weekday, opens_min=9 * 60, closes_min=17 * 60))
    clock.advance(minutes=-90)  # 08:00
    queue = QueueService(db, clock=clock)
    with pytest.raises(QueueRefused) as early:
        queue.issue("BIZ")
    assert early.value.code is RefusalCode.HALL_CLOSED
    clock.advance(minutes=90 + 7 * 60)  # 16:30, 30 minutes before closing
    queue.open_window(1)
    for _ in range(2):
        queue.issue("BUILD")  # 25 minutes each by default on the one open window
    with pytest.raises(QueueRefused) as late:
        queue.issue("BUILD")
    assert late.value.code is RefusalCode.PAST_CUTOFF
    assert "remaining working time" in str(late.value)


def test_inactive_service_refuses(db: Database, queue: QueueService) -> None:
    _set_service(db, active=False)
    with pytest.raises(QueueRefused) as refused:
        queue.issue("BIZ")
    assert refused.value.code is RefusalCode.SERVICE_INACTIVE


@pytest.mark.parametrize("op", ["skip", "start", "recall"])
def test_moves_from_serving_that_the_rules_forbid_change_nothing(
    queue: QueueService, db: Database, op: str
) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    queue.start(1)
    before = snapshot(db)
    with pytest.raises(QueueRefused) as refused:
        getattr(queue, op)(1)
    assert refused.value.code is RefusalCode.WRONG_STATE
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"active": False}, RefusalCode.SERVICE_INACTIVE),
        ({"daily_limit": 1}, RefusalCode.DAILY_LIMIT),
    ],
)
def test_a_kiosk_racing_a_change_waits_for_it_and_is_refused(
    pg_url: str, clock: FixedClock, change: dict[str, object], code: RefusalCode
) -> None:
    """Issuing takes the day's counter first: a kiosk racing another transaction that holds it
    (another kiosk's issue, here with an administrator's change) waits for it and then checks
    what it committed; nothing is issued."""
    db, other = Database(pg_url), Database(pg_url)
    try:
        queue = QueueService(db, clock=clock)
        queue.issue("BIZ")  # A001
        before = snapshot(db)
        outcome: list[BaseException | None] = []
        with other.write() as s:
            s.execute(update(DailyCounter).values(last_seq=DailyCounter.last_seq))  # its lock
            s.execute(update(Service).where(Service.code == "BIZ").values(**change))
            kiosk = threading.Thread(target=lambda: outcome.append(_issue_refusal(queue)))
            kiosk.start()
            while not _waiting_for_a_lock(s):
                kiosk.join(0.01)
        kiosk.join()
        refused = outcome[0]
        assert isinstance(refused, QueueRefused)
        assert refused.code is code
        after = snapshot(db)
        assert after["ticket"] == before["ticket"]
        assert after["daily_counter"] == before["daily_counter"]
        assert after["queue_event"] == before["queue_event"]
    finally:
        db.dispose()
        other.dispose()


def _issue_refusal(queue: QueueService) -> BaseException | None:
    try:
        queue.issue("BIZ")
    except QueueRefused as exc:
        return exc
    return None


def _waiting_for_a_lock(session: Session) -> bool:
    query = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
    with session.get_bind().engine.connect() as conn:
        return bool(conn.execute(text(query)).scalar())
