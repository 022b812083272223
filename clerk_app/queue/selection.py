"""Which waiting ticket a window calls next: one SQL query per dialect, ordered by the rules.

Order: tickets sent to this very window (a transfer to a named window, a parked ticket coming
back) first; then, by the hall's fairness mode,
- ``ratio``: priority and appointment tickets first while the window has called fewer than
  ``priority_ratio`` of them in a row, otherwise normal tickets first;
- ``aging``: highest ``(weight + 1) x (time waited + head start of the class)``;
ties by the weighted wait, then by ticket id. Ordering never filters, so nobody starves while a
window is free.
"""

from __future__ import annotations

from sqlalchemy import Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from clerk_app.db.models import Ticket, WindowService
from clerk_app.queue.hall import HallRules


def candidate_query(
    rules: HallRules, window_id: int, now_ms: int, *, prefer_priority: bool, postgres: bool
) -> Select[int, str]:
    weight = func.coalesce(WindowService.weight, 1) + 1
    waited = literal(now_ms) - Ticket.arrival_ms
    targeted = case((Ticket.target_window_id == window_id, 0), else_=1)
    if rules.fairness_mode == "aging":
        head_start = case(
            (Ticket.priority_class == "priority", rules.priority_head_start_s * 1000),
            (Ticket.priority_class == "appointment", rules.appointment_head_start_s * 1000),
            else_=0,
        )
        order = [targeted, (weight * (waited + head_start)).desc(), Ticket.id]
    else:
        is_priority = Ticket.priority_class != "normal"
        preferred = is_priority if prefer_priority else ~is_priority
        order = [targeted, case((preferred, 0), else_=1), (weight * waited).desc(), Ticket.id]
    query = (
        select(Ticket.id, Ticket.state)
        .outerjoin(
            WindowService,
            (WindowService.service_id == Ticket.service_id)
            & (WindowService.window_id == window_id),
        )
        .where(
            Ticket.hall_id == rules.hall_id,
            Ticket.day == rules.day(now_ms),
            Ticket.state.in_(("waiting", "parked")),
            Ticket.available_ms <= now_ms,
            or_(
                Ticket.target_window_id == window_id,
                Ticket.target_window_id.is_(None) & WindowService.window_id.is_not(None),
            ),
        )
        .order_by(*order)
        .limit(1)
    )
    if postgres:
        # Windows racing for the head of the queue each skip the rows another has locked.
        query = query.with_for_update(of=Ticket, skip_locked=True)
    return query


def pick_candidate(
    session: Session,
    rules: HallRules,
    window_id: int,
    now_ms: int,
    *,
    prefer_priority: bool,
    postgres: bool,
) -> tuple[int, str] | None:
    query = candidate_query(
        rules, window_id, now_ms, prefer_priority=prefer_priority, postgres=postgres
    )
    row = session.execute(query).first()
    return None if row is None else (int(row[0]), str(row[1]))
