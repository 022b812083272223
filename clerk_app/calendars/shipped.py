"""The arrangements shipped with OneWindow (resources/calendars/YYYY.toml).

They are installed into a hall's database when it is migrated (``clerk_app.bootstrap``): a
year the database does not hold yet is added; a year it holds (shipped, imported or from the
central server) is left alone. A test holds each file equal to chinese-calendar day by day.
"""

from __future__ import annotations

import functools
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.calendars import store
from clerk_app.calendars.types import CalendarSource
from clerk_app.db.calendar_models import CalendarYear
from clerk_app.intake.workdays import HallCalendar
from onewindow_protocol.calendar.format import read_arrangements
from onewindow_protocol.calendar.types import YearArrangement

SHIPPED_BY = "onewindow"


def shipped_dir() -> Path:
    """``resources/calendars`` at the repository root, found from here."""
    return Path(__file__).resolve().parents[2] / "resources" / "calendars"


@functools.cache
def shipped_arrangements() -> tuple[YearArrangement, ...]:
    found: list[YearArrangement] = []
    for path in sorted(shipped_dir().glob("*.toml")):
        found += read_arrangements(path.read_text(encoding="utf-8"))
    return tuple(found)


def shipped_calendar() -> HallCalendar:
    """The shipped years alone, without a database (tests, tools that have none)."""
    holidays = frozenset(d for a in shipped_arrangements() for d in a.holidays)
    workdays = frozenset(d for a in shipped_arrangements() for d in a.workdays)
    return HallCalendar(holidays, workdays, frozenset(a.year for a in shipped_arrangements()))


def install_shipped(session: Session, now_ms: int) -> list[int]:
    """Add each shipped year the database does not hold yet; the years added."""
    held = set(session.scalars(select(CalendarYear.year)))
    added = []
    for arrangement in shipped_arrangements():
        if arrangement.year in held:
            continue
        store.install_year(
            session, arrangement, source=CalendarSource.SHIPPED, by=SHIPPED_BY, now_ms=now_ms
        )
        added.append(arrangement.year)
    return added
