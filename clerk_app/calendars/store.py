"""The hall calendar in the database: read it, install a year (atomically, with its hooks).

Installing a year replaces whatever the database held for it in the caller's transaction,
then runs every :data:`ON_YEAR_INSTALLED` hook with the calendar as it now stands: each fills
in the deadlines that were waiting for that year, so a year is never installed without them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk_app.calendars.types import CalendarSource, InstalledYear
from clerk_app.db.calendar_models import CalendarDay, CalendarYear
from clerk_app.intake.deadlines import fill_waiting_due_dates
from clerk_app.intake.workdays import HallCalendar
from clerk_app.ratings.deadlines import fill_waiting_follow_ups
from onewindow_protocol.calendar.format import checksum
from onewindow_protocol.calendar.types import YearArrangement

YearInstalledHook = Callable[[Session, HallCalendar], int]

# Called, in order, in the transaction that installs a year, with the hall calendar including
# it; each returns how many waiting deadlines it filled. Add a hook here (one line).
ON_YEAR_INSTALLED: Final[list[YearInstalledHook]] = [
    fill_waiting_due_dates,  # cases' promised dates (and so their due-soon alerts)
    fill_waiting_follow_ups,  # bad ratings' follow-up deadlines
]

HOLIDAY, WORKDAY = "holiday", "workday"


def load(session: Session) -> HallCalendar:
    """The hall calendar: every installed year, over chinese-calendar's historic years."""
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    for day, kind in session.execute(select(CalendarDay.day, CalendarDay.kind)):
        (holidays if kind == HOLIDAY else workdays).add(day)
    complete = session.scalars(select(CalendarYear.year).where(CalendarYear.complete.is_(True)))
    return HallCalendar(frozenset(holidays), frozenset(workdays), frozenset(complete))


def stamp(session: Session) -> tuple[tuple[int, str], ...]:
    """What changes whenever a year is installed or replaced (cheap: a row per year)."""
    rows = session.execute(
        select(CalendarYear.year, CalendarYear.checksum).order_by(CalendarYear.year)
    )
    return tuple((int(year), str(check)) for year, check in rows)


def installed(session: Session, year: int) -> InstalledYear | None:
    row = session.get(CalendarYear, year)
    if row is None:
        return None
    days = session.execute(
        select(CalendarDay.day, CalendarDay.kind).where(CalendarDay.year == year)
    ).all()
    arrangement = YearArrangement(
        year,
        frozenset(d for d, k in days if k == HOLIDAY),
        frozenset(d for d, k in days if k == WORKDAY),
    )
    return InstalledYear(
        arrangement,
        row.complete,
        CalendarSource(row.source),
        row.release,
        row.checksum,
        row.installed_ms,
        row.installed_by,
    )


def installed_years(session: Session) -> list[CalendarYear]:
    return list(session.scalars(select(CalendarYear).order_by(CalendarYear.year)))


def install_year(
    session: Session,
    arrangement: YearArrangement,
    *,
    source: CalendarSource,
    by: str,
    now_ms: int,
    release: str | None = None,
) -> int:
    """Store ``arrangement`` in place of what the database held for its year and fill the
    deadlines waiting for it; returns how many the hooks filled. All in ``session``."""
    year = arrangement.year
    session.execute(delete(CalendarDay).where(CalendarDay.year == year))
    row = session.get(CalendarYear, year, with_for_update=True)
    if row is None:
        row = CalendarYear(year=year)
        session.add(row)
    row.complete = True
    row.source = source.value
    row.release = release
    row.checksum = checksum(arrangement)
    row.installed_ms = now_ms
    row.installed_by = by[:100]
    session.flush()
    session.add_all(CalendarDay(day=d, year=year, kind=HOLIDAY) for d in arrangement.holidays)
    session.add_all(CalendarDay(day=d, year=year, kind=WORKDAY) for d in arrangement.workdays)
    session.flush()
    calendar = load(session)
    return sum(hook(session, calendar) for hook in ON_YEAR_INSTALLED)
