"""Follow-up deadlines that wait for the calendar.

A bad rating is always saved; when its follow-up deadline falls in a year the hall calendar
does not know yet (a rating in late December before next year's arrangement is installed),
the follow-up is opened with ``due`` NULL ("waiting for the calendar"), keeping the day it
counts from and its number of working days. :func:`fill_waiting_follow_ups` computes them once
the year is installed; ``clerk_app.calendars.store`` calls it in the installing transaction.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.db.results_models import RatingFollowUp
from clerk_app.intake.workdays import HallCalendar, UnknownCalendarYear


def fill_waiting_follow_ups(session: Session, calendar: HallCalendar) -> int:
    """Set the deadline of every follow-up waiting for the calendar that ``calendar`` can now
    compute; the number filled. Those still beyond the calendar keep waiting."""
    waiting = session.scalars(
        select(RatingFollowUp)
        .where(RatingFollowUp.due.is_(None), RatingFollowUp.state == "open")
        .with_for_update()
    )
    filled = 0
    for follow_up in waiting:
        start, days = follow_up.due_from, follow_up.due_working_days
        if start is None or days is None:
            continue
        try:
            follow_up.due = calendar.add_working_days(start, days)
        except UnknownCalendarYear:
            continue
        filled += 1
    session.flush()
    return filled
