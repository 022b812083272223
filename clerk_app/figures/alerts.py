"""The deadline alerts, every legal period counted in working days (docs/domain-rules.md, art. 82).

- promised date within ``due_soon`` working days, no decision yet; a promise whose date waits
  for a year no calendar knows is listed as such, never dated by a guess;
- a deferred material past its supply-by date;
- a supplement notice later than ``notice`` working days after receipt (art. 32: the
  application then counts as accepted from the day it was received);
- an approved licence not handed over within ``issue`` working days of the decision (art. 44);
- a bad rating not followed up in time.

Where a period runs into a year no calendar knows and the known days cannot settle it, the
alert is raised without a date, naming the year (``Alert.waits_year``): flagged, not guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.catalogue.types import ItemType
from clerk_app.db.catalogue_models import CatalogueItem
from clerk_app.db.intake_models import CaseDecision, CaseMaterial, CaseStatusEvent, IntakeCase
from clerk_app.db.results_models import RatingFollowUp, ServiceRating
from clerk_app.figures.queries import ACCEPTING
from clerk_app.figures.types import Alert, AlertKind
from clerk_app.intake.deadlines import OPEN_STATES, waiting_due_dates
from clerk_app.intake.types import CaseState
from clerk_app.intake.workdays import HallCalendar, UnknownCalendarYear, promise
from onewindow_base.clock import to_datetime

NOTICE_WORKING_DAYS = 5  # art. 32: a one-time notice within five days of receipt
ISSUE_WORKING_DAYS = 10  # art. 44: the licence within ten days of the decision


@dataclass(frozen=True, slots=True)
class Periods:
    """The alert periods, in working days."""

    due_soon: int = 2
    notice: int = NOTICE_WORKING_DAYS
    issue: int = ISSUE_WORKING_DAYS


def horizon(calendar: HallCalendar, today: dt.date, working_days: int) -> tuple[dt.date, bool]:
    """The last day "due soon" reaches, and whether an unknown year cut it short: then it is
    the last known day (every date up to it is within the period; none after it is guessed to
    be), and a deadline lying in that year may be due soon."""
    try:
        return calendar.add_working_days(today, working_days), False
    except UnknownCalendarYear as exc:
        return max(today, dt.date(exc.year - 1, 12, 31)), True


class DeadlineAlerts:
    """The alerts of one read, for one day, in the hall's zone."""

    def __init__(
        self, calendar: HallCalendar, zone: ZoneInfo, today: dt.date, periods: Periods
    ) -> None:
        self._calendar, self._zone, self._today, self._periods = calendar, zone, today, periods
        self._horizon, self._horizon_cut = horizon(calendar, today, periods.due_soon)

    def read(self, s: Session, hall_code: str | None) -> list[Alert]:
        found = [
            *self._due_soon(s, hall_code),
            *self._deferred(s),
            *self._late_notices(s),
            *self._issuance(s),
            *self._post_checks(s),
            *self._follow_ups(s),
        ]
        return sorted(found, key=_urgency)

    def _dated(
        self, kind: AlertKind, number: str | None, subject: str, due: dt.date | None
    ) -> Alert:
        if due is None:  # the queries read dated rows only
            raise ValueError(f"{kind.value} {number}: an alert's date cannot be empty here")
        return Alert(kind, number, subject, due, (due - self._today).days)

    def _due_soon(self, s: Session, hall_code: str | None) -> Iterable[Alert]:
        due_soon = select(
            IntakeCase.case_number, IntakeCase.item_name_zh, IntakeCase.promised_due
        ).where(
            IntakeCase.state.in_([state.value for state in OPEN_STATES]),
            IntakeCase.promised_due <= self._horizon,
        )
        for number, item, promised in s.execute(due_soon):
            yield self._dated(AlertKind.DUE_SOON, number, item, promised)
        for waiting in waiting_due_dates(s, self._calendar, hall_code=hall_code):
            yield Alert(
                AlertKind.PROMISE_WAITING,
                waiting.case_number,
                waiting.item_name_zh,
                None,
                None,
                waiting.waits_year,
            )

    def _deferred(self, s: Session) -> Iterable[Alert]:
        deferred = (
            select(IntakeCase.case_number, CaseMaterial.material_code, CaseMaterial.supply_by)
            .join(IntakeCase, IntakeCase.id == CaseMaterial.case_id)
            .where(CaseMaterial.deferred.is_(True), CaseMaterial.supply_by < self._today)
        )
        for number, material, supply_by in s.execute(deferred):
            yield self._dated(AlertKind.DEFERRED_OVERDUE, number, material, supply_by)

    def _late_notices(self, s: Session) -> Iterable[Alert]:
        """Supplement requests from the back office more than ``notice`` working days after
        receipt; undecidable across an unknown year: flagged."""
        received = (
            select(CaseDecision.case_id, func.min(CaseDecision.at_ms).label("at_ms"))
            .where(CaseDecision.decision.in_(ACCEPTING))
            .group_by(CaseDecision.case_id)
            .subquery()
        )
        late = (
            select(
                IntakeCase.case_number,
                IntakeCase.item_name_zh,
                received.c.at_ms,
                func.min(CaseStatusEvent.at_ms),
            )
            .join(received, received.c.case_id == IntakeCase.id)
            .join(CaseStatusEvent, CaseStatusEvent.case_id == IntakeCase.id)
            .where(
                CaseStatusEvent.status == "supplement_requested",
                IntakeCase.state == CaseState.SUPPLEMENT_REQUESTED.value,
            )
            .group_by(IntakeCase.case_number, IntakeCase.item_name_zh, received.c.at_ms)
        )
        days = self._periods.notice
        for number, item, received_ms, noticed_ms in s.execute(late):
            received_on = self._date(received_ms)
            noticed_on = self._date(noticed_ms)
            if self._calendar.after_deadline(received_on, days, noticed_on) is False:
                continue
            yield self._deadline(AlertKind.NOTICE_LATE, number, item, received_on, days)

    def _issuance(self, s: Session) -> Iterable[Alert]:
        """Approved licences not handed over, due within the due-soon horizon or overdue."""
        approved = (
            select(IntakeCase.case_number, IntakeCase.item_name_zh, IntakeCase.decided_ms)
            .join(
                CatalogueItem,
                (CatalogueItem.code == IntakeCase.item_code)
                & (CatalogueItem.item_version == IntakeCase.item_version),
            )
            .where(
                IntakeCase.state == CaseState.APPROVED.value,
                IntakeCase.decided_ms.is_not(None),
                CatalogueItem.item_type == ItemType.LICENCE.value,
            )
        )
        days = self._periods.issue
        for number, item, decided_ms in s.execute(approved):
            if decided_ms is None:  # not read: the query asks for decided cases
                continue
            alert = self._deadline(AlertKind.ISSUE_DUE, number, item, self._date(decided_ms), days)
            if (alert.due is not None and alert.due <= self._horizon) or (
                alert.due is None and self._may_reach(alert.waits_year)
            ):
                yield alert

    def _post_checks(self, s: Session) -> Iterable[Alert]:
        """告知承诺 cases whose post-check (事中事后核查) is due within the due-soon horizon or
        overdue. A date left open at intake (its year's calendar was missing) is computed now
        when the calendar knows it, else the case is flagged undated, never given a guess."""
        rows = select(
            IntakeCase.case_number,
            IntakeCase.item_name_zh,
            IntakeCase.post_check_days,
            IntakeCase.post_check_due,
            IntakeCase.accepted_ms,
        ).where(
            IntakeCase.post_check_days.is_not(None),
            IntakeCase.post_check_done_ms.is_(None),
            IntakeCase.accepted_ms.is_not(None),
            IntakeCase.state != CaseState.REFUSED.value,
        )
        for number, item, days, saved, accepted_ms in s.execute(rows):
            if saved is not None:
                alert = self._dated(AlertKind.POST_CHECK_DUE, number, item, saved)
            else:
                accepted = self._date(int(accepted_ms or 0))  # the query reads accepted rows
                alert = self._deadline(
                    AlertKind.POST_CHECK_DUE, number, item, accepted, int(days or 0)
                )
                if alert.due is None:
                    yield dataclasses.replace(alert, kind=AlertKind.POST_CHECK_UNDATED)
                    continue
            if alert.due is not None and alert.due <= self._horizon:
                yield alert

    def _follow_ups(self, s: Session) -> Iterable[Alert]:
        follow_ups = (
            select(RatingFollowUp.due, ServiceRating.case_number, ServiceRating.level)
            .join(ServiceRating, ServiceRating.id == RatingFollowUp.rating_id)
            .where(RatingFollowUp.state == "open", RatingFollowUp.due < self._today)
        )
        for row in s.execute(follow_ups):
            yield self._dated(AlertKind.FOLLOW_UP_OVERDUE, row.case_number, str(row.level), row.due)

    def _deadline(
        self, kind: AlertKind, number: str, subject: str, start: dt.date, days: int
    ) -> Alert:
        """The alert for the ``days``-th working day after ``start``, or flagged without it."""
        kept = promise(start, days, self._calendar)
        if kept.due is None:
            return Alert(kind, number, subject, None, None, kept.unknown_year)
        return self._dated(kind, number, subject, kept.due)

    def _may_reach(self, unknown_year: int | None) -> bool:
        """Whether a deadline lying in ``unknown_year`` (or later) may be due soon: not when a
        horizon computed on known days ends before that year begins."""
        return self._horizon_cut or unknown_year is None or self._horizon.year >= unknown_year

    def _date(self, ms: int) -> dt.date:
        return to_datetime(int(ms), self._zone).date()


def _urgency(alert: Alert) -> tuple[bool, dt.date, str, str]:
    """Flagged alerts first (someone must load a calendar), then the earliest due."""
    return (
        alert.due is not None,
        alert.due or dt.date.min,
        alert.kind.value,
        alert.case_number or "",
    )
