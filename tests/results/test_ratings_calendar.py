"""Issue 15, 2.3: a bad rating in late December, before next year's arrangement is installed,
is saved all the same; its follow-up waits for the calendar and gets its deadline in the very
transaction that installs the year (import here; sync and shipped use the same install)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import HostOperator
from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars import store
from clerk_app.calendars.central import CentralOutcome, CentralYear, install_central
from clerk_app.calendars.live import hall_calendar
from clerk_app.calendars.service import CalendarService
from clerk_app.db.calendar_models import CalendarYear
from clerk_app.db.results_models import RatingFollowUp, ServiceRating
from clerk_app.db.sync_models import OutboxOperation
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import AlertKind
from clerk_app.intake.workdays import HallCalendar
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import Indicator, Level, RatingInput
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.calendars.helpers import YEAR_2027
from tests.results.test_ratings import WAIT, served

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
LATE_DECEMBER = dt.datetime(2026, 12, 28, 10, 0, tzinfo=SHANGHAI)  # a Monday
HOST = HostOperator("test")


@pytest.fixture
def ratings(db: Database, protector: PersonalDataCipher, clock: FixedClock) -> RatingService:
    clock.set(LATE_DECEMBER)
    return RatingService(
        db, protector, hall_code="CC01", calendar=hall_calendar(db), follow_up_days=5, clock=clock
    )


def _count(db: Database, model: type[object]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_very_dissatisfied_rating_on_28_december_is_saved_and_waits_for_the_calendar(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,
    clock: FixedClock,
) -> None:
    ticket = served(queue, clerk)
    very_bad = dict.fromkeys(Indicator, 1)
    result = ratings.submit(
        RatingInput(ticket, very_bad, comment="等了两个小时", reasons=WAIT), pad
    )
    assert (result.level, result.follow_up_due) == (Level.VERY_DISSATISFIED, None)
    assert result.follow_up_id is not None
    assert (_count(db, ServiceRating), _count(db, OutboxOperation)) == (1, 1)
    [waiting] = ratings.follow_ups()
    assert (waiting.due, waiting.open, waiting.overdue) == (None, True, False)
    figures = FiguresService(db, hall_code="CC01", calendar=hall_calendar(db), clock=clock)
    kinds = [a.kind for a in figures.alerts()]
    assert kinds == [AlertKind.CALENDAR_MISSING]  # no overdue alert for a deadline unknown

    imported = CalendarService(db, clock).import_text(YEAR_2027, by=HOST)
    assert imported.deadlines_filled == 1
    [filled] = ratings.follow_ups()
    # 29, 30, 31 December, then 1-3 January off (the made-up 2027), 4 and 5 January.
    assert filled.due == dt.date(2027, 1, 5)
    assert figures.alerts() == []
    clock.set(dt.datetime(2027, 1, 6, 9, 0, tzinfo=SHANGHAI))
    assert [f.follow_up_id for f in ratings.overdue()] == [result.follow_up_id]


def test_the_deadlines_are_filled_in_the_installing_transaction_or_not_at_all(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ratings.submit(
        RatingInput(served(queue, clerk), dict.fromkeys(Indicator, 1), reasons=WAIT), pad
    )
    seen: list[int] = []

    def broken(session: Session, calendar: HallCalendar) -> int:
        with db.read() as other:  # another connection does not see the half-done install
            seen.append(len(other.scalars(select(CalendarYear.year)).all()))
        raise RuntimeError("a hook failed")

    monkeypatch.setattr(store, "ON_YEAR_INSTALLED", [*store.ON_YEAR_INSTALLED, broken])
    with pytest.raises(RuntimeError, match="a hook failed"):
        CalendarService(db, clock).import_text(YEAR_2027, by=HOST)
    assert seen == [2]
    with db.read() as s:
        assert s.scalars(select(CalendarYear.year)).all() == [2025, 2026]
        assert s.scalars(select(RatingFollowUp.due)).all() == [None]


def test_a_year_received_from_the_central_server_fills_the_waiting_deadlines(
    db: Database,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,
    clock: FixedClock,
) -> None:
    ratings.submit(
        RatingInput(served(queue, clerk), dict.fromkeys(Indicator, 2), reasons=WAIT), pad
    )
    release = CentralYear(2027, 1, clock.now_ms(), YEAR_2027)
    outcome = db.run_write(lambda s: install_central(s, release, clock.now_ms()))
    assert outcome is CentralOutcome.INSTALLED
    [filled] = ratings.follow_ups()
    assert filled.due == dt.date(2027, 1, 5)
