"""What the hall screens read: the supervisor's live tables, the display's last calls, and the
hourly figures for the charts. Plain frozen values, read in one transaction each.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.db.models import QueueEvent, Service, Ticket, TicketState, User, Window, WindowState
from clerk_app.queue import views
from clerk_app.queue.estimate import recent_service_seconds
from clerk_app.queue.hall import HallRules
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import HallStatus

OPEN_STATES = (WindowState.OPEN, WindowState.CALLING, WindowState.SERVING)
HOURS = 24


@dataclass(frozen=True, slots=True)
class WindowRow:
    number: int
    name_zh: str
    name_en: str
    state: WindowState
    pause_reason: str | None
    clerk: str | None
    current_number: str | None
    current_state: TicketState | None
    since_ms: int
    served_today: int
    average_service_s: float | None
    service_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ServiceRow:
    code: str
    name_zh: str
    name_en: str
    prefix: str
    waiting: int
    longest_wait_s: int
    average_wait_s: float | None  # today's called tickets, issue to first call
    estimated_wait_min: int | None  # None: no open window serves it
    open_windows: int
    wait_alert_min: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    hall_code: str
    now_ms: int
    windows: tuple[WindowRow, ...]
    services: tuple[ServiceRow, ...]


@dataclass(frozen=True, slots=True)
class CallView:
    """One call as the hall display shows and announces it."""

    ticket_id: int
    number: str
    window_number: int
    window_name_zh: str
    window_name_en: str
    called_ms: int
    recall_count: int


@dataclass(frozen=True, slots=True)
class DisplaySnapshot:
    status: HallStatus
    calls: tuple[CallView, ...]  # newest first


@dataclass(frozen=True, slots=True)
class HourFigures:
    hour: int
    arrivals: int
    average_wait_s: float | None


@dataclass(frozen=True, slots=True)
class HourlyProfile:
    day: dt.date
    hours: tuple[HourFigures, ...]  # 0 … 23


@dataclass(frozen=True, slots=True)
class SupervisorAction:
    at_ms: int
    kind: str
    ticket_number: str | None
    window_number: int | None
    supervisor: str
    detail: str | None


def read_dashboard(session: Session, rules: HallRules, now_ms: int) -> Dashboard:
    status = views.hall_status(session, rules, now_ms)
    day = rules.day(now_ms)
    served = {
        window_id: (int(n), float(avg) / 1000 if avg is not None else None)
        for window_id, n, avg in session.execute(
            select(Ticket.window_id, func.count(), func.avg(Ticket.finished_ms - Ticket.started_ms))
            .where(Ticket.hall_id == rules.hall_id, Ticket.day == day, Ticket.state == "done")
            .group_by(Ticket.window_id)
        )
    }
    waits = {
        service_id: float(avg) / 1000
        for service_id, avg in session.execute(
            select(Ticket.service_id, func.avg(Ticket.first_called_ms - Ticket.issued_ms))
            .where(
                Ticket.hall_id == rules.hall_id,
                Ticket.day == day,
                Ticket.first_called_ms.is_not(None),
            )
            .group_by(Ticket.service_id)
        )
    }
    ids: dict[int, int] = dict(
        session.execute(
            select(Window.number, Window.id).where(Window.hall_id == rules.hall_id)
        ).all()
    )
    services = {
        code: (sid, alert)
        for sid, code, alert in session.execute(
            select(Service.id, Service.code, Service.wait_alert_min).where(
                Service.hall_id == rules.hall_id
            )
        )
    }
    seconds = recent_service_seconds(session, rules, now_ms)
    windows = tuple(
        WindowRow(
            number=w.number,
            name_zh=w.name_zh,
            name_en=w.name_en,
            state=w.state,
            pause_reason=w.pause_reason,
            clerk=w.user_display_name,
            current_number=w.current.number if w.current else None,
            current_state=w.current.state if w.current else None,
            since_ms=w.state_since_ms,
            served_today=served.get(ids[w.number], (0, None))[0],
            average_service_s=served.get(ids[w.number], (0, None))[1],
            service_codes=w.service_codes,
        )
        for w in status.windows
    )
    rows = []
    for s in status.services:
        service_id, alert_min = services[s.code]
        open_count = sum(1 for w in windows if w.state in OPEN_STATES and s.code in w.service_codes)
        eta = None
        if open_count:
            eta = math.ceil(s.waiting * seconds.get(service_id, 600.0) / open_count / 60)
        rows.append(
            ServiceRow(
                code=s.code,
                name_zh=s.name_zh,
                name_en=s.name_en,
                prefix=s.prefix,
                waiting=s.waiting,
                longest_wait_s=s.longest_wait_s,
                average_wait_s=waits.get(service_id),
                estimated_wait_min=eta,
                open_windows=open_count,
                wait_alert_min=alert_min,
            )
        )
    return Dashboard(rules.code, now_ms, windows, tuple(rows))


def recent_calls(
    session: Session, rules: HallRules, now_ms: int, limit: int
) -> tuple[CallView, ...]:
    rows = session.execute(
        select(
            Ticket.id,
            Ticket.number,
            Window.number,
            Window.name_zh,
            Window.name_en,
            Ticket.called_ms,
            Ticket.recall_count,
        )
        .join(Window, Window.id == Ticket.window_id)
        .where(
            Ticket.hall_id == rules.hall_id,
            Ticket.day == rules.day(now_ms),
            Ticket.called_ms.is_not(None),
        )
        .order_by(Ticket.called_ms.desc(), Ticket.id.desc())
        .limit(limit)
    )
    return tuple(
        CallView(ticket_id, number, window, zh, en, called, recalls)
        for ticket_id, number, window, zh, en, called, recalls in rows
        if called is not None
    )


def hourly_profile(session: Session, rules: HallRules, day: dt.date) -> HourlyProfile:
    arrivals = [0] * HOURS
    waits: list[list[float]] = [[] for _ in range(HOURS)]
    for issued, first_called in session.execute(
        select(Ticket.issued_ms, Ticket.first_called_ms).where(
            Ticket.hall_id == rules.hall_id, Ticket.day == day
        )
    ):
        hour = rules.local(issued).hour
        arrivals[hour] += 1
        if first_called is not None:
            waits[hour].append((first_called - issued) / 1000)
    return HourlyProfile(
        day,
        tuple(
            HourFigures(h, arrivals[h], sum(waits[h]) / len(waits[h]) if waits[h] else None)
            for h in range(HOURS)
        ),
    )


def supervisor_actions(session: Session, rules: HallRules, day: dt.date) -> list[SupervisorAction]:
    start, end = rules.day_bounds_ms(day, day)
    rows = session.execute(
        select(
            QueueEvent.at_ms,
            QueueEvent.kind,
            Ticket.number,
            Window.number,
            User.display_name,
            QueueEvent.detail,
        )
        .join(User, User.id == QueueEvent.user_id)
        .outerjoin(Ticket, Ticket.id == QueueEvent.ticket_id)
        .outerjoin(Window, Window.id == QueueEvent.window_id)
        .where(
            QueueEvent.hall_id == rules.hall_id,
            QueueEvent.at_ms >= start,
            QueueEvent.at_ms < end,
            User.role.in_(("supervisor", "admin")),
        )
        .order_by(QueueEvent.at_ms, QueueEvent.id)
    )
    return [SupervisorAction(*row) for row in rows]


class Oversight:
    """The read side of the hall screens, on the queue's database, hall and clock."""

    def __init__(self, queue: QueueService) -> None:
        self._queue = queue

    @property
    def rules(self) -> HallRules:
        return self._queue.rules

    @open_to_clerks
    def dashboard(self) -> Dashboard:
        return self._queue.db.run_read(
            lambda s: read_dashboard(s, self.rules, self._queue.now_ms())
        )

    @open_to_clerks
    def display(self, calls: int) -> DisplaySnapshot:
        def work(session: Session) -> DisplaySnapshot:
            now = self._queue.now_ms()
            status = views.hall_status(session, self.rules, now)
            return DisplaySnapshot(status, recent_calls(session, self.rules, now, calls))

        return self._queue.db.run_read(work)

    @open_to_clerks
    def hourly(self, day: dt.date) -> HourlyProfile:
        return self._queue.db.run_read(lambda s: hourly_profile(s, self.rules, day))

    @open_to_clerks
    def today(self) -> dt.date:
        return self.rules.day(self._queue.now_ms())

    @open_to_clerks
    def supervisor_actions(self, day: dt.date) -> list[SupervisorAction]:
        return self._queue.db.run_read(lambda s: supervisor_actions(s, self.rules, day))
