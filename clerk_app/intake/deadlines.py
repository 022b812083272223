"""Promised dates that wait for a holiday calendar (docs/domain-rules.md: flagged, never a crash,
never a guess).

A case accepted in late December for an item promising more working days than the year has
left runs into a year whose State Council schedule is not published yet. It is accepted all the
same: the case keeps the promise (``promised_from``, ``promised_days``) without a date, and the
year it waits for (``due_waits_year``); its receipt promises a decision "自受理之日起N个工作日内"
instead of a date. The supervisor sees such cases in the deadline alerts; once the year is
loaded, :func:`fill_waiting_due_dates` computes their dates and they join the due-soon alerts.

An on-the-spot item (即办件) is decided at the counter: it promises 0 working days, whatever
limit the catalogue lists beside it, and its papers say 当场办结.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session

from clerk_app.catalogue.types import Handling, ItemDetail
from clerk_app.db.intake_models import WAITING_FOR_DUE, IntakeCase
from clerk_app.db.models import Hall
from clerk_app.intake.types import CaseState
from clerk_app.intake.workdays import HallCalendar, promise

log = logging.getLogger(__name__)

# Accepted and not yet decided by the back office: the promise still runs.
OPEN_STATES = (CaseState.ACCEPTED, CaseState.ACCEPTED_DEFERRED)


def on_the_spot(item: ItemDetail) -> bool:
    """即办件: the catalogue's 办件类型, or a promised limit of 0 working days."""
    return item.handling is Handling.ON_THE_SPOT or item.promised_limit_days == 0


def promised_working_days(item: ItemDetail) -> int:
    return 0 if on_the_spot(item) else item.promised_limit_days


@dataclass(frozen=True, slots=True)
class WaitingDue:
    """An open case whose promised date waits for a year no calendar knows."""

    case_number: str
    item_name_zh: str
    promised_from: dt.date
    promised_days: int
    waits_year: int | None  # None: the calendar now knows the year; the filling is due


def _waiting(hall_code: str | None, *, open_only: bool) -> Select[IntakeCase]:
    query = select(IntakeCase).where(text(WAITING_FOR_DUE), IntakeCase.promised_days.is_not(None))
    if open_only:
        query = query.where(IntakeCase.state.in_([s.value for s in OPEN_STATES]))
    if hall_code is not None:
        hall = select(Hall.id).where(Hall.code == hall_code).scalar_subquery()
        query = query.where(IntakeCase.hall_id == hall)
    return query.order_by(IntakeCase.promised_from, IntakeCase.id)


def waiting_due_dates(
    session: Session, calendar: HallCalendar, *, hall_code: str | None = None
) -> list[WaitingDue]:
    """The open cases waiting for a calendar year, the longest waiting first."""
    found = []
    for case in session.scalars(_waiting(hall_code, open_only=True)):
        assert case.promised_from is not None
        assert case.promised_days is not None
        year = case.due_waits_year
        if year is None:  # accepted before the year was recorded: ask the calendar
            year = promise(case.promised_from, case.promised_days, calendar).unknown_year
        found.append(
            WaitingDue(
                case.case_number, case.item_name_zh, case.promised_from, case.promised_days, year
            )
        )
    return found


def fill_waiting_due_dates(
    session: Session, calendar: HallCalendar, *, hall_code: str | None = None
) -> int:
    """Compute the promised date of every case waiting for a year ``calendar`` now knows.

    Call it in the transaction that installs a year (or at start-up): returns how many dates
    were filled. A case whose date still runs into an unknown year keeps waiting, with that
    year recorded. Every accepted case is filled, decided or not, so its screens show the date.
    """
    filled = 0
    query = _waiting(hall_code, open_only=False).with_for_update()
    for case in session.scalars(query):
        assert case.promised_from is not None
        assert case.promised_days is not None
        kept = promise(case.promised_from, case.promised_days, calendar)
        if kept.due is None:
            case.due_waits_year = kept.unknown_year
            continue
        case.promised_due, case.due_waits_year = kept.due, None
        filled += 1
    session.flush()
    if filled:
        log.info("filled the promised dates of %d case(s) waiting for a calendar year", filled)
    return filled
