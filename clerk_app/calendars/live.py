"""THE hall calendar: the one every service reads, kept up with the database.

:class:`LiveCalendar` is a :class:`HallCalendar` whose content is the database's, reloaded
when a year has been installed or replaced since it was last read (by this PC or another one
on the same database, by import or by sync): before each promise (``add_working_days``) and
each ``knows``, one small read of the installed years' checksums tells whether it must.
"""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy.orm import Session

from clerk_app.calendars import store
from clerk_app.intake.workdays import HallCalendar
from onewindow_base.db.engine import Database


class LiveCalendar(HallCalendar):
    __slots__ = ("_current", "_db", "_lock", "_stamp")
    _current: HallCalendar
    _db: Database
    _lock: threading.Lock
    _stamp: tuple[tuple[int, str], ...] | None

    def __init__(self, db: Database) -> None:
        super().__init__()
        object.__setattr__(self, "_db", db)
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_stamp", None)
        object.__setattr__(self, "_current", HallCalendar())
        self.refresh()

    def refresh(self) -> HallCalendar:
        """The calendar as the database has it now (read again only if it changed)."""
        db = self._db

        def read(session: Session) -> HallCalendar | None:
            now = store.stamp(session)
            if now == self._stamp:
                return None
            object.__setattr__(self, "_stamp", now)
            return store.load(session)

        with self._lock:
            fresh = db.run_read(read)
            if fresh is not None:
                object.__setattr__(self, "_current", fresh)
            return self._current

    def __repr__(self) -> str:
        return f"LiveCalendar(years={sorted(self._current.complete_years)})"

    @property
    def snapshot(self) -> HallCalendar:
        return self._current

    # The HallCalendar fields of this object stay empty: every answer is the snapshot's.
    def knows(self, year: int) -> bool:
        return self.refresh().knows(year)

    def is_workday(self, day: dt.date) -> bool:
        return self.snapshot.is_workday(day)

    def add_working_days(self, start: dt.date, working_days: int) -> dt.date:
        return self.refresh().add_working_days(start, working_days)


def hall_calendar(db: Database) -> LiveCalendar:
    """THE hall calendar for the services of one process (intake, ratings, figures, stats)."""
    return LiveCalendar(db)
