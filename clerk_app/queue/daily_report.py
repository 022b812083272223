"""The hall's daily report (the printing issue's ``DailyReportDoc``) from the day's tickets.

Per hour: arrivals, tickets finished, average and longest wait until the first call; per
service and window: the queue statistics; per window also the counter decisions taken there
that day (accepted, one-time notices, refusals); the day's fees per payment method and per
item (money taken that day, by when it was taken: a fee paid at pickup counts on the pickup
day; waived and pay-later cases with what was due, on the day they were recorded: the sums of
:mod:`clerk_app.figures.fees`, shown as yuan). A few queries, no per-ticket round trips.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import CaseDecision, IntakeCase
from clerk_app.db.models import Ticket
from clerk_app.db.screens_models import Appointment
from clerk_app.figures.fees import METHOD_LABELS, fee_sum, fee_sums
from clerk_app.intake.fees import yuan, yuan_text
from clerk_app.queue.appointments import CANCELLED, CHECKED_IN, NO_SHOW, AppointmentRules, missed
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import StatsRow
from printing.documents import (
    AppointmentStat,
    DailyReportDoc,
    FeeSum,
    HourStat,
    ServiceStat,
    WindowStat,
)

MINUTE_S = 60.0
DAY_MS = 86_400_000


def _minutes(seconds: float | None) -> float:
    return round((seconds or 0.0) / MINUTE_S, 1)


def _hours(session: Session, queue: QueueService, day: dt.date) -> tuple[HourStat, ...]:
    rules = queue.rules
    arrivals: Counter[int] = Counter()
    served: Counter[int] = Counter()
    waits: dict[int, list[float]] = {}
    rows = session.execute(
        select(Ticket.issued_ms, Ticket.first_called_ms, Ticket.finished_ms).where(
            Ticket.hall_id == rules.hall_id, Ticket.day == day
        )
    )
    for issued, first_called, finished in rows:
        hour = dt.datetime.fromtimestamp(issued / 1000, rules.tz).hour
        arrivals[hour] += 1
        if first_called is not None:
            waits.setdefault(hour, []).append((first_called - issued) / 1000)
        if finished is not None:
            served[dt.datetime.fromtimestamp(finished / 1000, rules.tz).hour] += 1
    hours = sorted(set(arrivals) | set(served))
    return tuple(
        HourStat(
            hour=h,
            arrivals=arrivals[h],
            served=served[h],
            avg_wait_min=_minutes(sum(waits[h]) / len(waits[h])) if waits.get(h) else 0.0,
            max_wait_min=_minutes(max(waits[h])) if waits.get(h) else 0.0,
        )
        for h in hours
    )


def _decisions(session: Session, queue: QueueService, day: dt.date) -> dict[int, Counter[str]]:
    start = dt.datetime.combine(day, dt.time(), queue.rules.tz)
    start_ms = int(start.timestamp() * 1000)
    rows = session.execute(
        select(IntakeCase.window_number, CaseDecision.decision, func.count())
        .join(IntakeCase, IntakeCase.id == CaseDecision.case_id)
        .where(
            IntakeCase.hall_id == queue.rules.hall_id,
            CaseDecision.at_ms >= start_ms,
            CaseDecision.at_ms < start_ms + DAY_MS,
        )
        .group_by(IntakeCase.window_number, CaseDecision.decision)
    )
    found: dict[int, Counter[str]] = {}
    for window, decision, count in rows:
        found.setdefault(int(window), Counter())[str(decision)] += int(count)
    return found


def _appointments(
    session: Session, queue: QueueService, day: dt.date, rules: AppointmentRules
) -> AppointmentStat:
    """A booking still open after its slot and grace time counts as missed even before the
    sync has marked it."""
    hall = queue.rules
    overdue = set(missed(session, hall, rules, queue.now_ms()))
    counts: Counter[str] = Counter()
    for appointment_id, status in session.execute(
        select(Appointment.id, Appointment.status).where(
            Appointment.hall_id == hall.hall_id, Appointment.day == day
        )
    ):
        counts[NO_SHOW if appointment_id in overdue else status] += 1
    return AppointmentStat(
        booked=sum(n for status, n in counts.items() if status != CANCELLED),
        checked_in=counts[CHECKED_IN],
        no_show=counts[NO_SHOW],
        cancelled=counts[CANCELLED],
    )


def _day_ms(queue: QueueService, day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), queue.rules.tz).timestamp() * 1000)


def _fees(
    session: Session, queue: QueueService, day: dt.date
) -> tuple[tuple[FeeSum, ...], tuple[FeeSum, ...], str]:
    start = _day_ms(queue, day)
    found = fee_sums(session, queue.rules.hall_id, start, start + DAY_MS)
    methods = tuple(fee_sum(METHOD_LABELS[f.key], f) for f in found.by_method)
    items = tuple(fee_sum(f.key, f) for f in found.by_item)
    return methods, items, yuan_text(yuan(found.taken_fen))


def _service(row: StatsRow, name: str) -> ServiceStat:
    return ServiceStat(
        name=name,
        issued=row.issued,
        served=row.served,
        no_show=row.no_shows,
        avg_wait_min=_minutes(row.wait.average_s),
        p90_wait_min=_minutes(row.wait.p90_s),
        avg_service_min=_minutes(row.service_time.average_s),
    )


def daily_report(
    queue: QueueService, day: dt.date, appointment_rules: AppointmentRules | None = None
) -> DailyReportDoc:
    rules = queue.rules
    stats = queue.stats(day, day)
    status = queue.status()
    names = {s.code: s.name_zh for s in status.services}
    clerks = {str(w.number): w.user_display_name or "" for w in status.windows}
    rules_for_bookings = appointment_rules or AppointmentRules()
    hours, decisions, bookings, (by_method, by_item, fees_total) = queue.db.run_read(
        lambda s: (
            _hours(s, queue, day),
            _decisions(s, queue, day),
            _appointments(s, queue, day, rules_for_bookings),
            _fees(s, queue, day),
        )
    )
    windows = tuple(
        WindowStat(
            window=row.key,
            clerk=clerks.get(row.key, ""),
            served=row.served,
            avg_service_min=_minutes(row.service_time.average_s),
            accepted=decisions.get(int(row.key), Counter())["accept"]
            + decisions.get(int(row.key), Counter())["deferral"],
            notices=decisions.get(int(row.key), Counter())["one_time_notice"],
            refusals=decisions.get(int(row.key), Counter())["refuse"],
        )
        for row in stats.windows
    )
    return DailyReportDoc(
        hall_name=rules.name_zh,
        day=day,
        generated_at=dt.datetime.fromtimestamp(queue.now_ms() / 1000, rules.tz),
        hours=hours,
        services=tuple(_service(r, names.get(r.key, r.key)) for r in stats.services),
        windows=windows,
        total=_service(stats.total, "合计"),
        appointments=bookings,
        fees_by_method=by_method,
        fees_by_item=by_item,
        fees_total=fees_total,
    )
