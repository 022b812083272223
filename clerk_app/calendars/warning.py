"""From 1 November (hall time) the supervisors are warned while next year's arrangement is
missing: promises, follow-ups and alerts crossing into it cannot be computed until it is."""

from __future__ import annotations

import datetime as dt

from clerk_app.intake.workdays import HallCalendar

WARN_FROM = (11, 1)  # month, day


def next_year_missing(calendar: HallCalendar, today: dt.date) -> int | None:
    """Next year, from 1 November of this one, while the hall calendar does not know it."""
    if (today.month, today.day) < WARN_FROM:
        return None
    return None if calendar.knows(today.year + 1) else today.year + 1
