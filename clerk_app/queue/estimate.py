"""Wait estimate for a new ticket: people ahead and minutes.

People ahead are the callable tickets that the windows serving this service would call before
it: earlier arrivals of any service those windows serve, plus tickets of a higher class. Minutes
are the work ahead (each ticket costs its own service's recent average service time) divided by
the windows serving the service that are open now. The optimistic figure counts every window
that is staffed (paused ones come back); the pessimistic one adds the ticket each open window is
busy with and a safety factor.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    BindParameter,
    Date,
    Integer,
    Select,
    bindparam,
    func,
    select,
)
from sqlalchemy.orm import Session

from clerk_app.db.models import WindowService, ticket_is_callable
from clerk_app.queue.hall import HallRules
from clerk_app.queue.transitions import SERVICES, TICKETS, WINDOWS

MIN_SAMPLES = 3
PESSIMISM = 1.3
_OPEN_STATES = ("open", "calling", "serving")


@dataclass(frozen=True, slots=True)
class Estimate:
    ahead: int
    minutes: int
    low_minutes: int
    high_minutes: int


# The estimate runs inside every issue's write transaction: its statements are built once per
# hall (and variant) with bound parameters, since building them costs more than running them.
_P_SINCE = bindparam("p_since", type_=BigInteger)
_P_SERVICE = bindparam("p_service_id", type_=Integer)
_P_ARRIVAL = bindparam("p_arrival_ms", type_=BigInteger)
_P_DAY = bindparam("p_day", type_=Date)
_P_RELATED: BindParameter[list[int]] = bindparam("p_related", expanding=True)
_P_EXCLUDE = bindparam("p_exclude", type_=BigInteger)


@functools.cache
def _service_seconds_query(hall_id: int) -> Select[*tuple[Any, ...]]:
    measured = (
        select(
            TICKETS.c.service_id.label("service_id"),
            func.avg(TICKETS.c.finished_ms - TICKETS.c.started_ms).label("avg_ms"),
            func.count().label("n"),
        )
        .where(
            TICKETS.c.hall_id == hall_id,
            TICKETS.c.finished_ms >= _P_SINCE,
            TICKETS.c.state == "done",
            TICKETS.c.started_ms.is_not(None),
        )
        .group_by(TICKETS.c.service_id)
        .subquery()
    )
    return (
        select(SERVICES.c.id, SERVICES.c.default_service_s, measured.c.avg_ms, measured.c.n)
        .outerjoin(measured, measured.c.service_id == SERVICES.c.id)
        .where(SERVICES.c.hall_id == hall_id)
    )


@functools.cache
def _windows_query(hall_id: int) -> Select[*tuple[Any, ...]]:
    """The windows serving a service, and every service those windows serve (one read)."""
    serving = WindowService.__table__.alias("serving")
    shared = WindowService.__table__.alias("shared")
    return (
        select(WINDOWS.c.id, WINDOWS.c.state, shared.c.service_id)
        .join(serving, serving.c.window_id == WINDOWS.c.id)
        .join(shared, shared.c.window_id == WINDOWS.c.id)
        .where(serving.c.service_id == _P_SERVICE, WINDOWS.c.hall_id == hall_id)
    )


@functools.cache
def _ahead_query(hall_id: int, *, normal: bool) -> Select[*tuple[Any, ...]]:
    """Callable tickets per service that a new ticket would wait behind, of the services of
    the windows serving its service (``p_related``)."""
    earlier = TICKETS.c.arrival_ms <= _P_ARRIVAL  # ties go to the older ticket (lower id)
    if normal:
        ahead_filter = earlier | (TICKETS.c.priority_class != "normal")
    else:
        ahead_filter = earlier & (TICKETS.c.priority_class != "normal")
    return (
        select(TICKETS.c.service_id, func.count())
        .where(
            TICKETS.c.hall_id == hall_id,
            TICKETS.c.day == _P_DAY,
            ticket_is_callable(),
            TICKETS.c.service_id.in_(_P_RELATED),
            TICKETS.c.id != _P_EXCLUDE,
            ahead_filter,
        )
        .group_by(TICKETS.c.service_id)
    )


def recent_service_seconds(session: Session, rules: HallRules, now_ms: int) -> dict[int, float]:
    """Average service time per service over the hall's recent window, or its default."""
    rows = session.execute(
        _service_seconds_query(rules.hall_id), {"p_since": since_ms(rules, now_ms)}
    )
    return service_seconds(rows)


def since_ms(rules: HallRules, now_ms: int) -> int:
    return now_ms - rules.recent_service_window_min * 60_000


def service_seconds(rows: Iterable[Sequence[Any]]) -> dict[int, float]:
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
    seconds: dict[int, float] | None = None,
) -> Estimate:
    """The estimate for a ticket of ``service_id``; ``seconds`` are the service times where the
    caller has them (:func:`recent_service_seconds`), read here otherwise."""
    rows = session.execute(_windows_query(rules.hall_id), {"p_service_id": service_id}).all()
    related = sorted({sid for _, _, sid in rows}) or [service_id]
    counts = session.execute(
        _ahead_query(rules.hall_id, normal=priority_class == "normal"),
        {
            "p_arrival_ms": arrival_ms,
            "p_day": rules.day(now_ms),
            "p_related": related,
            "p_exclude": -1 if exclude_ticket_id is None else exclude_ticket_id,
        },
    ).all()
    if seconds is None:
        seconds = recent_service_seconds(session, rules, now_ms)
    return combine(service_id, rows, counts, seconds)


def combine(
    service_id: int,
    windows: Iterable[Sequence[Any]],
    counts: Iterable[Sequence[Any]],
    seconds: dict[int, float],
) -> Estimate:
    """The estimate from what the three reads found: the windows serving the service (window,
    state, a service it serves), the tickets ahead per service, the service times."""
    states = {(window_id, state) for window_id, state, _ in windows}
    open_count = sum(1 for _, state in states if state in _OPEN_STATES)
    staffed_count = open_count + sum(1 for _, state in states if state == "paused")
    busy_count = sum(1 for _, state in states if state in ("calling", "serving"))
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
