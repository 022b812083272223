"""Promised dates: working days after acceptance on the hall calendar.

The shipped arrangements (resources/calendars/, equal to chinese-calendar 1.11's) serve as the
hall calendar here. Reference schedules (State Council):
- National Day 2026: 1-7 October off; Sunday 20 September and Saturday 10 October worked.
- Spring Festival 2026: 15-23 February off; Saturdays 14 and 28 February worked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.intake.workdays import (
    FIRST_SHIPPED_YEAR,
    HISTORIC_YEARS,
    HallCalendar,
    Promise,
    UnknownCalendarYear,
    parse_calendar,
    promise,
)
from onewindow_protocol.calendar.format import CalendarFileError

D = dt.date
PLAIN = shipped_calendar()
# The first year after the shipped files (2027): the tests of loaded schedules use it.
LAST = max(PLAIN.complete_years)
NEXT = LAST + 1
# In a made-up schedule for NEXT: the first Monday of March off, the Sunday before worked.
MARCH_MONDAY = next(D(NEXT, 3, d) for d in range(1, 8) if D(NEXT, 3, d).weekday() == 0)
MAKE_UP_SUNDAY = MARCH_MONDAY - dt.timedelta(days=1)
NEXT_SCHEDULE = f"""
[years.{NEXT}]
complete = true
holidays = ["{NEXT}-01-01", "{MARCH_MONDAY}"]
workdays = ["{MAKE_UP_SUNDAY}"]
"""


def test_chinese_calendar_answers_only_for_the_years_before_the_shipped_files() -> None:
    assert range(2004, FIRST_SHIPPED_YEAR) == HISTORIC_YEARS
    assert PLAIN.complete_years == {2025, 2026}
    assert not HallCalendar().knows(2026)  # an empty hall calendar: 2026 is the hall's to load
    assert HallCalendar().knows(2024)


@pytest.mark.parametrize(
    ("accepted", "days", "due"),
    [
        (D(2026, 11, 23), 0, D(2026, 11, 23)),  # on the spot: the acceptance day itself
        (D(2026, 11, 23), 1, D(2026, 11, 24)),  # Monday + 1: the acceptance day not counted
        (D(2026, 11, 27), 1, D(2026, 11, 30)),  # Friday + 1 skips the weekend
        (D(2026, 11, 28), 1, D(2026, 11, 30)),  # accepted on a Saturday opening
        (D(2026, 11, 23), 20, D(2026, 12, 21)),
        # National Day 2026
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # the make-up Sunday counts
        (D(2026, 9, 30), 1, D(2026, 10, 8)),  # 1-7 October skipped
        (D(2026, 9, 30), 3, D(2026, 10, 10)),  # the make-up Saturday counts
        (D(2026, 10, 1), 1, D(2026, 10, 8)),  # accepted on a holiday
        (D(2026, 9, 25), 5, D(2026, 10, 9)),  # 28, 29, 30 Sep, 8, 9 Oct
        # Spring Festival 2026
        (D(2026, 2, 13), 1, D(2026, 2, 14)),  # make-up Saturday
        (D(2026, 2, 13), 2, D(2026, 2, 24)),  # 15-23 February skipped
        (D(2026, 2, 14), 5, D(2026, 2, 28)),  # 24, 25, 26, 27 and the make-up Saturday 28
    ],
)
def test_promised_dates(accepted: dt.date, days: int, due: dt.date) -> None:
    assert PLAIN.add_working_days(accepted, days) == due
    assert promise(accepted, days, PLAIN) == Promise(due)


def test_a_year_nobody_knows_is_an_error_never_a_weekend_count() -> None:
    # Fifteen working days from 20 December always run into the next year.
    with pytest.raises(UnknownCalendarYear, match=str(NEXT)) as caught:
        PLAIN.add_working_days(D(LAST, 12, 20), 15)
    assert caught.value.year == NEXT
    assert promise(D(LAST, 12, 20), 15, PLAIN) == Promise(None, unknown_year=NEXT)
    with pytest.raises(UnknownCalendarYear):
        PLAIN.is_workday(D(2003, 6, 2))


def test_2027_is_unknown_until_the_hall_loads_it() -> None:
    assert NEXT == 2027
    assert promise(D(2026, 12, 25), 10, PLAIN) == Promise(None, unknown_year=2027)
    assert PLAIN.add_working_days(D(2026, 12, 25), 3) == D(2026, 12, 30)


def _over_plain(added: HallCalendar) -> HallCalendar:
    return HallCalendar(
        PLAIN.holidays | added.holidays,
        PLAIN.workdays | added.workdays,
        PLAIN.complete_years | added.complete_years,
    )


def test_a_loaded_schedule_makes_the_next_year_known() -> None:
    calendar = _over_plain(parse_calendar(NEXT_SCHEDULE))
    assert calendar.knows(NEXT) and not calendar.knows(NEXT + 1)
    assert not calendar.is_workday(D(NEXT, 1, 1))
    assert not calendar.is_workday(MARCH_MONDAY)
    assert calendar.is_workday(MAKE_UP_SUNDAY)
    assert not calendar.is_workday(MAKE_UP_SUNDAY - dt.timedelta(days=1))  # plain Saturday
    friday = MARCH_MONDAY - dt.timedelta(days=3)
    assert calendar.add_working_days(friday, 1) == MAKE_UP_SUNDAY
    assert calendar.add_working_days(friday, 2) == MARCH_MONDAY + dt.timedelta(days=1)
    crossed = calendar.add_working_days(D(LAST, 12, 20), 15)
    assert crossed.year == NEXT and crossed.weekday() < 5 and crossed != D(NEXT, 1, 1)


def test_local_additions_apply_in_known_years_too() -> None:
    local = parse_calendar(
        """
        [years.2026]
        complete = false
        holidays = ["2026-11-30"]   # a regional holiday
        workdays = ["2026-12-05"]   # a Saturday the hall opens as a working day
        """
    )
    calendar = _over_plain(local)
    assert calendar.add_working_days(D(2026, 11, 27), 1) == D(2026, 12, 1)
    assert calendar.add_working_days(D(2026, 12, 4), 1) == D(2026, 12, 5)
    assert not calendar.knows(NEXT)


def test_a_partial_year_does_not_make_the_year_known() -> None:
    calendar = parse_calendar(f'[years.{NEXT}]\ncomplete = false\nholidays = ["{NEXT}-01-01"]')
    assert not calendar.is_workday(D(NEXT, 1, 1))
    with pytest.raises(UnknownCalendarYear):
        calendar.is_workday(D(NEXT, 1, 5))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[years.2027]\nholidays = []\n", "must say complete = true"),
        ("[years.2027]\ncomplete = 'yes'\n", "must say complete"),
        ("[years.27]\ncomplete = true\n", "not a year"),
        ('[years.2027]\ncomplete = true\nholidays = ["2027-02-30"]\n', "is not a date"),
        ('[years.2027]\ncomplete = true\nholidays = ["2028-01-01"]\n', "is not in 2027"),
        ('[years.2027]\ncomplete = true\nholidays = "2027-01-01"\n', "must be a list"),
        ('[years.2027]\ncomplete = true\nholidays = ["2027-02-12..2027-02-06"]\n', "range"),
        ("[years.2027]\ncomplete = true\nholiday = []\n", "unknown keys"),
        ("[calendar]\n", "only \\[years.YYYY\\] tables"),
        ("[years.2027\n", "cannot read"),
        (
            '[years.2027]\ncomplete = true\nholidays = ["2027-02-14"]\nworkdays = ["2027-02-14"]',
            "both as a holiday and a working day",
        ),
    ],
)
def test_bad_calendar_files_are_refused_whole(text: str, message: str) -> None:
    with pytest.raises(CalendarFileError, match=message):
        parse_calendar(text)


def test_toml_dates_are_accepted_as_well_as_strings() -> None:
    calendar = HallCalendar.from_toml("[years.2027]\ncomplete = true\nholidays = [2027-01-01]\n")
    assert calendar.holidays == {D(2027, 1, 1)}


@pytest.mark.parametrize("days", [-1, 1001])
def test_working_days_out_of_range(days: int) -> None:
    with pytest.raises(ValueError, match="working days"):
        PLAIN.add_working_days(D(2026, 1, 5), days)


@pytest.mark.parametrize(
    ("start", "days", "day", "after"),
    [
        (D(2026, 9, 29), 5, D(2026, 10, 12), False),  # 30 Sep, 8, 9, 10 (worked Sat), 12 Oct
        (D(2026, 9, 29), 5, D(2026, 10, 13), True),
        (D(2026, 11, 23), 0, D(2026, 11, 23), False),  # on the spot: the day itself
        (D(2026, 11, 23), 0, D(2026, 11, 24), True),
        (D(LAST, 12, 28), 5, D(NEXT, 1, 6), None),  # three known, the rest unknown: undecided
        (D(LAST, 12, 20), 3, D(NEXT, 1, 6), True),  # three working days before the year ends
    ],
)
def test_after_deadline_settles_what_the_known_days_can(
    start: dt.date, days: int, day: dt.date, after: bool | None
) -> None:
    assert PLAIN.after_deadline(start, days, day) is after
