"""Wait estimate for a new ticket: people ahead and minutes.

People ahead are the callable tickets that the windows serving this service would call before
it: earlier arrivals of any service those windows serve, plus tickets of a higher class. Minutes
are the work ahead (each ticket costs its own service's recent average service time) divided by
the windows serving the service that are open now. The optimistic figure counts every window
that is staffed (paused ones come back); the pessimistic one adds the ticket each open window is
busy with and a safety factor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from clerk_app.db.models import Service, Ticket, Window, WindowService
from clerk_app.queue.hall import HallRules

MIN_SAMPLES = 3
PESSIMISM = 1.3
_OPEN_STATES = ("open", "calling", "serving")


@dataclass(frozen=True, slots=True)
class Estimate:
    ahead: int
    minutes: int
    low_minutes: int
    high_minutes: int


def recent_service_seconds(session: Session, rules: HallRules, now_ms: int) -> dict[int, float]:
    """Average service time per service over the hall's recent window, or its default."""
    since = now_ms - rules.recent_service_window_min * 60_000
    measured = (
        select(
            Ticket.service_id.label("service_id"),
            func.avg(Ticket.finished_ms - Ticket.started_ms).label("avg_ms"),
            func.count().label("n"),
        )
        .where(
            Ticket.hall_id == rules.hall_id,
            Ticket.finished_ms >= since,
            Ticket.state == "done",
            Ticket.started_ms.is_not(None),
        )
        .group_by(Ticket.service_id)
        .subquery()
    )
    rows = session.execute(
        select(Service.id, Service.default_service_s, measured.c.avg_ms, measured.c.n)
        .outerjoin(measured, measured.c.service_id == Service.id)
        .where(Service.hall_id == rules.hall_id)
    )
    return {
        sid: float(avg) / 1000 if (n or 0) >= MIN_SAMPLES else float(default_s)
        for sid, default_s, avg, n in rows
    }


def estimate(
    session: Session,
    rules: HallRules,
    service_id: int,
    priority_class: str,
    arrival_ms: int,
    now_ms: int,
    exclude_ticket_id: int | None = None,
) -> Estimate:
    # The windows serving this service, and every service those windows serve (one read).
    serving = aliased(WindowService)
    shared = aliased(WindowService)
    rows = session.execute(
        select(Window.id, Window.state, shared.service_id)
        .join(serving, serving.window_id == Window.id)
        .join(shared, shared.window_id == Window.id)
        .where(serving.service_id == service_id, Window.hall_id == rules.hall_id)
    ).all()
    windows = list({(w, state) for w, state, _ in rows})
    open_count = sum(1 for _, state in windows if state in _OPEN_STATES)
    staffed_count = open_count + sum(1 for _, state in windows if state == "paused")
    busy_count = sum(1 for _, state in windows if state in ("calling", "serving"))
    related = sorted({sid for _, _, sid in rows}) or [service_id]
    earlier = Ticket.arrival_ms <= arrival_ms  # ties go to the older ticket (lower id)
    if priority_class == "normal":
        ahead_filter = earlier | (Ticket.priority_class != "normal")
    else:
        ahead_filter = earlier & (Ticket.priority_class != "normal")
    query = (
        select(Ticket.service_id, func.count())
        .where(
            Ticket.hall_id == rules.hall_id,
            Ticket.day == rules.day(now_ms),
            Ticket.state.in_(("waiting", "parked")),
            Ticket.service_id.in_(related),
            ahead_filter,
        )
        .group_by(Ticket.service_id)
    )
    if exclude_ticket_id is not None:
        query = query.where(Ticket.id != exclude_ticket_id)
    counts = session.execute(query).all()
    seconds = recent_service_seconds(session, rules, now_ms)
    ahead = sum(int(n) for _, n in counts)
    work_s = sum(int(n) * seconds.get(sid, 600.0) for sid, n in counts)
    own_s = seconds.get(service_id, 600.0)
    minutes = work_s / max(open_count, 1) / 60
    low = work_s / max(staffed_count, 1) / 60
    high = (work_s + busy_count * own_s / 2) / max(open_count, 1) / 60 * PESSIMISM
    return Estimate(
        ahead=ahead,
        minutes=math.ceil(minutes),
        low_minutes=math.floor(low),
        high_minutes=math.ceil(high),
    )
