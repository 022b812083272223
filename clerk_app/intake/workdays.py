"""Promised dates in working days on China's holiday calendar, with per-hall additions.

Convention: the acceptance day does not count. A promise of N working days falls on the N-th
working day *after* the day of acceptance (Administrative Licensing Law art. 82: periods are
counted in working days, statutory holidays excluded); N = 0 (an on-the-spot item) is the day
of acceptance itself. Weekends moved to be worked (调休 make-up Saturdays and Sundays) count.

The hall's calendar is kept in its database (``clerk_app.calendars``): the State Council's
arrangement of each year from ``FIRST_SHIPPED_YEAR`` on, shipped with OneWindow, imported by
the hall or received from the central server (each marked ``complete = true``), and local
holidays or make-up days in any year. The ``chinese-calendar`` package answers only for the
historic years before ``FIRST_SHIPPED_YEAR`` (cases and figures from before the shipped files):
from then on the hall's own arrangement is authoritative, whatever a newer package knows.
A date in a year that neither knows raises ``UnknownCalendarYear``: a promise is never guessed
by counting weekends only; ``promise()`` turns that into a flagged result.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field

import chinese_calendar

from onewindow_protocol.calendar.format import CalendarFileError, parse_year_section

MAX_WORKING_DAYS = 1000
FIRST_SHIPPED_YEAR = 2025  # resources/calendars/ has this year and the next ones
# The years chinese-calendar answers for: those before the shipped files (2004-2024).
HISTORIC_YEARS = range(min(chinese_calendar.holidays).year, FIRST_SHIPPED_YEAR)


class UnknownCalendarYear(LookupError):  # noqa: N818 - named for what it reports
    """No calendar knows the working days of ``year``: load the hall's calendar file for it."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(
            f"no holiday calendar for {year}: load the {year} schedule into the hall calendar"
        )


@dataclass(frozen=True, slots=True)
class HallCalendar:
    """The package's calendar with one hall's additions, which take precedence."""

    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)
    complete_years: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.holidays & self.workdays
        if both:
            raise CalendarFileError(f"{min(both)} is listed both as a holiday and a working day")

    def knows(self, year: int) -> bool:
        return year in self.complete_years or year in HISTORIC_YEARS

    def is_workday(self, day: dt.date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        if day.year in self.complete_years:
            return day.weekday() < 5  # the loaded schedule lists every exception
        if day.year in HISTORIC_YEARS:
            return bool(chinese_calendar.is_workday(day))
        raise UnknownCalendarYear(day.year)

    def add_working_days(self, start: dt.date, working_days: int) -> dt.date:
        """The ``working_days``-th working day after ``start`` (``start`` itself not counted)."""
        if not 0 <= working_days <= MAX_WORKING_DAYS:
            raise ValueError(f"working days must be 0..{MAX_WORKING_DAYS}, not {working_days}")
        day, counted = start, 0
        while counted < working_days:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return day

    def after_deadline(self, start: dt.date, working_days: int, day: dt.date) -> bool | None:
        """Whether ``day`` falls after the ``working_days``-th working day after ``start``.

        None when it cannot be told: a day in between is in a year no calendar knows and the
        known working days alone do not reach the deadline. Settles what a date-by-date
        comparison cannot when the deadline itself is unknown (a late notice, a supply-by date).
        """
        if working_days == 0:
            return day > start
        counted, unknown = 0, False
        current = start + dt.timedelta(days=1)
        while current < day:
            try:
                counted += self.is_workday(current)
            except UnknownCalendarYear:
                unknown = True
            if counted >= working_days:
                return True
            current += dt.timedelta(days=1)
        return None if unknown else False

    @classmethod
    def from_toml(cls, text: str) -> HallCalendar:
        return parse_calendar(text)


@dataclass(frozen=True, slots=True)
class Promise:
    """A promised date, or the year that kept it from being computed (to flag, not guess)."""

    due: dt.date | None
    unknown_year: int | None = None


def promise(accepted_on: dt.date, working_days: int, calendar: HallCalendar) -> Promise:
    try:
        return Promise(calendar.add_working_days(accepted_on, working_days))
    except UnknownCalendarYear as exc:
        return Promise(None, exc.year)


def parse_calendar(text: str) -> HallCalendar:
    """Read a hall calendar file::

    [years.2027]
    complete = true                      # the State Council schedule, in full
    holidays = ["2027-01-01", "2027-02-06..2027-02-12"]
    workdays = ["2027-02-14"]            # a make-up Sunday
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarFileError(f"cannot read the calendar file: {exc}") from None
    years = data.get("years", {})
    if set(data) - {"years"} or not isinstance(years, dict):
        raise CalendarFileError("a calendar file has only [years.YYYY] tables")
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    complete: set[int] = set()
    for year_text, section in years.items():
        year, is_complete, year_holidays, year_workdays = parse_year_section(year_text, section)
        if is_complete:
            complete.add(year)
        holidays |= year_holidays
        workdays |= year_workdays
    return HallCalendar(frozenset(holidays), frozenset(workdays), frozenset(complete))
