"""Deadlines across holidays and unknown years, on both databases: a promise waiting for next
year's calendar (listed for the supervisor, filled once the year is loaded, then due soon), the
5-working-day notice period (art. 32) and the 10-working-day licence issuance (art. 44).

National Day 2026: 1-7 October off; Saturday 10 October worked. 2027 is unknown to the
installed chinese-calendar; KNOWS_2027 stands for a hall that loaded it (1 January off).
"""

from __future__ import annotations

import datetime as dt
import importlib.util

from sqlalchemy import select, update

from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.migrate import MIGRATIONS_DIR
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import Alert, AlertKind
from clerk_app.intake.deadlines import fill_waiting_due_dates
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.service import IntakeService
from clerk_app.intake.workdays import HallCalendar
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverRequest, Recipient
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.results.conftest import ID_NUMBER, FakeSync, accept

MIGRATIONS = MIGRATIONS_DIR / "versions"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
D = dt.date
PLAIN = shipped_calendar()  # 2025 and 2026, as a fresh hall has them
KNOWS_2027 = HallCalendar(
    holidays=PLAIN.holidays | {D(2027, 1, 1)},
    workdays=PLAIN.workdays,
    complete_years=PLAIN.complete_years | {2027},
)


def at(clock: FixedClock, day: dt.date, hour: int = 9) -> None:
    clock.set(dt.datetime.combine(day, dt.time(hour), SHANGHAI))


def alerts(
    db: Database, clock: FixedClock, calendar: HallCalendar, kind: AlertKind | None = None
) -> list[Alert]:
    """The deadline alerts (the missing-year warning of November and December aside: it has
    its own tests in tests/calendars)."""
    found = FiguresService(db, hall_code="CC01", calendar=calendar, clock=clock).alerts()
    if kind is None:
        return [a for a in found if a.kind is not AlertKind.CALENDAR_MISSING]
    return [a for a in found if a.kind is kind]


def fill(db: Database, calendar: HallCalendar) -> int:
    return db.run_write(lambda s: fill_waiting_due_dates(s, calendar))


def test_a_promise_into_an_unknown_year_waits_is_listed_then_filled_and_due_soon(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    clock: FixedClock,
    protector: PersonalDataCipher,
) -> None:
    at(clock, D(2026, 12, 30))
    case = accept(intake, clerk)  # 3 working days: 31 December, then 2027
    assert case.promised_due is None
    listed = [
        (a.kind, a.case_number, a.due, a.days, a.waits_year) for a in alerts(db, clock, PLAIN)
    ]
    assert listed == [(AlertKind.PROMISE_WAITING, case.case_number, None, None, 2027)]
    assert fill(db, PLAIN) == 0  # the year is still unknown: nothing guessed
    assert fill(db, KNOWS_2027) == 1  # the year gets loaded
    assert fill(db, KNOWS_2027) == 0
    summary = CaseLookup(db, protector, hall_code="CC01").by_number(case.case_number).summary
    # 31 December, (1 January off), 4 and 5 January
    assert (summary.promised_due, summary.due_waits_year) == (D(2027, 1, 5), None)
    assert alerts(db, clock, KNOWS_2027) == []  # 5 January is beyond 31 December and 4 January
    at(clock, D(2026, 12, 31))
    due_soon = [(a.kind, a.case_number, a.due) for a in alerts(db, clock, KNOWS_2027)]
    assert due_soon == [(AlertKind.DUE_SOON, case.case_number, D(2027, 1, 5))]


def test_a_case_accepted_before_its_year_was_recorded_is_listed_with_the_year(
    db: Database, intake: IntakeService, clerk: UserInfo, clock: FixedClock
) -> None:
    """Migration 0016 leaves the year of older undated cases to be found from the calendar."""
    at(clock, D(2026, 12, 30))
    case = accept(intake, clerk)
    db.run_write(lambda s: s.execute(update(IntakeCase).values(due_waits_year=None)))
    assert [a.waits_year for a in alerts(db, clock, PLAIN)] == [2027]
    assert fill(db, PLAIN) == 0
    year = select(IntakeCase.due_waits_year).where(IntakeCase.id == case.case_id)
    assert db.run_read(lambda s: s.scalar(year)) == 2027


def test_migration_0016_gives_older_undated_cases_their_promise(
    db: Database, intake: IntakeService, clerk: UserInfo, clock: FixedClock
) -> None:
    """A case saved undated before revision 0016: the upgrade finds when it was accepted and
    what the item promised; the year it waits for is then found from the calendar."""
    at(clock, D(2026, 12, 31), hour=1)  # in the night, hall time: 30 December in UTC
    case = accept(intake, clerk)
    before = {"promised_from": None, "promised_days": None, "due_waits_year": None}
    db.run_write(lambda s: s.execute(update(IntakeCase).values(before)))
    spec = importlib.util.spec_from_file_location("m0016", MIGRATIONS / "0016_waiting_due.py")
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    db.run_write(lambda s: migration.backfill(s.connection()))
    promise = select(IntakeCase.promised_from, IntakeCase.promised_days, IntakeCase.due_waits_year)
    row = db.run_read(lambda s: s.execute(promise.where(IntakeCase.id == case.case_id)).one())
    assert tuple(row) == (D(2026, 12, 31), 3, None)
    assert [a.waits_year for a in alerts(db, clock, PLAIN)] == [2027]
    assert fill(db, KNOWS_2027) == 1


def test_the_notice_period_is_five_working_days_across_national_day(
    db: Database, intake: IntakeService, clerk: UserInfo, clock: FixedClock, sync: FakeSync
) -> None:
    at(clock, D(2026, 9, 29))  # Tuesday
    in_time, late = accept(intake, clerk), accept(intake, clerk)
    at(clock, D(2026, 10, 9))  # ten calendar days, three working days: 30 Sep, 8 and 9 Oct
    sync.pull(in_time.case_id, "supplement_requested", detail={"supplement": {"lines": []}})
    at(clock, D(2026, 10, 13))  # the sixth: 30 Sep, 8, 9, 10 (worked Saturday), 12, 13 Oct
    sync.pull(late.case_id, "supplement_requested", detail={"supplement": {"lines": []}})
    found = [(a.case_number, a.due) for a in alerts(db, clock, PLAIN, AlertKind.NOTICE_LATE)]
    assert found == [(late.case_number, D(2026, 10, 12))]


def test_a_notice_period_across_an_unknown_year_is_flagged_never_guessed(
    db: Database, intake: IntakeService, clerk: UserInfo, clock: FixedClock, sync: FakeSync
) -> None:
    at(clock, D(2026, 12, 28))
    case = accept(intake, clerk)
    at(clock, D(2027, 1, 6))  # 29, 30, 31 December known; the rest is in 2027
    sync.pull(case.case_id, "supplement_requested", detail={"supplement": {"lines": []}})
    flagged = [(a.case_number, a.due, a.waits_year) for a in alerts(db, clock, PLAIN)]
    assert flagged == [(case.case_number, None, 2027)]
    loaded = alerts(db, clock, KNOWS_2027, AlertKind.NOTICE_LATE)
    assert [(a.case_number, a.due, a.days) for a in loaded] == [
        (case.case_number, D(2027, 1, 5), -1)
    ]


def test_licence_issuance_is_due_ten_working_days_after_approval_across_national_day(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    clock: FixedClock,
    sync: FakeSync,
    protector: PersonalDataCipher,
) -> None:
    at(clock, D(2026, 9, 25))
    case = accept(intake, clerk)
    at(clock, D(2026, 9, 28))  # Monday: approved
    sync.approve(case.case_id)
    # 29, 30 Sep, 8, 9, 10 (worked Saturday), 12, 13, 14, 15, 16 Oct: due Friday 16 October
    at(clock, D(2026, 10, 9))  # ten calendar days would have made it overdue on 8 October
    assert alerts(db, clock, PLAIN, AlertKind.ISSUE_DUE) == []
    at(clock, D(2026, 10, 14))
    due = [(a.case_number, a.due, a.days) for a in alerts(db, clock, PLAIN, AlertKind.ISSUE_DUE)]
    assert due == [(case.case_number, D(2026, 10, 16), 2)]
    at(clock, D(2026, 10, 19))
    assert [a.days for a in alerts(db, clock, PLAIN, AlertKind.ISSUE_DUE)] == [-3]
    results = ResultsService(db, protector, hall_code="CC01", clock=clock)
    request = HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER))
    results.hand_over(request, clerk)
    assert alerts(db, clock, PLAIN, AlertKind.ISSUE_DUE) == []


def test_licence_issuance_across_an_unknown_year_is_flagged_never_guessed(
    db: Database, intake: IntakeService, clerk: UserInfo, clock: FixedClock, sync: FakeSync
) -> None:
    at(clock, D(2026, 12, 17))
    case = accept(intake, clerk)
    at(clock, D(2026, 12, 18))  # approved: nine working days left in 2026, the tenth in 2027
    sync.approve(case.case_id)
    at(clock, D(2026, 12, 21))  # due soon reaches 23 December: the deadline is later, surely
    assert alerts(db, clock, PLAIN, AlertKind.ISSUE_DUE) == []
    at(clock, D(2026, 12, 30))  # due soon runs into 2027 too: it may be due, it is flagged
    flagged = alerts(db, clock, PLAIN, AlertKind.ISSUE_DUE)
    assert [(a.case_number, a.due, a.days, a.waits_year) for a in flagged] == [
        (case.case_number, None, None, 2027)
    ]
    loaded = alerts(db, clock, KNOWS_2027, AlertKind.ISSUE_DUE)  # (1 January off)
    assert [(a.due, a.days) for a in loaded] == [(D(2027, 1, 4), 5)]
