"""Read-side helpers: turn rows into the frozen views the UI and CLI consume."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session, aliased

from clerk_app.db.models import (
    Service,
    Ticket,
    TicketState,
    User,
    Window,
    WindowService,
    WindowState,
    ticket_is_active,
)
from clerk_app.queue.hall import HallRules
from clerk_app.queue.types import (
    HallStatus,
    PriorityClass,
    ServiceStatus,
    TicketView,
    WindowStatus,
)

_CalledAt = aliased(Window)


_TICKET_COLUMNS = (
    Ticket.id,
    Ticket.number,
    Service.code,
    Service.name_zh,
    Service.name_en,
    Ticket.state,
    Ticket.priority_class,
    _CalledAt.number,
    Ticket.issued_ms,
    Ticket.called_ms,
    Ticket.recall_count,
    Ticket.window_id,
    Ticket.transferred_ms,
)


def ticket_query() -> Select[*tuple[Any, ...]]:
    """Plain columns, not ORM entities: cheap to read and never stale after a Core update."""
    return (
        select(*_TICKET_COLUMNS)
        .join(Service, Service.id == Ticket.service_id)
        .outerjoin(_CalledAt, _CalledAt.id == Ticket.window_id)
    )


def row_view(row: Row[*tuple[Any, ...]]) -> TicketView:
    return TicketView(
        ticket_id=row[0],
        number=row[1],
        service_code=row[2],
        service_name_zh=row[3],
        service_name_en=row[4],
        state=TicketState(row[5]),
        priority_class=PriorityClass(row[6]),
        window_number=row[7],
        issued_ms=row[8],
        called_ms=row[9],
        recall_count=row[10],
        transferred=row[5] == "waiting" and row[12] is not None,
    )


def ticket_view(session: Session, ticket_id: int) -> TicketView:
    return row_view(session.execute(ticket_query().where(Ticket.id == ticket_id)).one())


def window_tickets(session: Session, window_id: int, day: dt.date) -> list[TicketView]:
    rows = session.execute(
        ticket_query()
        .where(Ticket.window_id == window_id, Ticket.day == day)
        .order_by(Ticket.called_ms.desc())
    )
    return [row_view(row) for row in rows]


def hall_status(session: Session, rules: HallRules, now_ms: int) -> HallStatus:
    day = rules.day(now_ms)
    waiting = {
        service_id: (int(count), int(oldest))
        for service_id, count, oldest in session.execute(
            select(Ticket.service_id, func.count(), func.min(Ticket.issued_ms))
            .where(Ticket.hall_id == rules.hall_id, Ticket.day == day, Ticket.state == "waiting")
            .group_by(Ticket.service_id)
        )
    }
    services = session.scalars(
        select(Service)
        .where(Service.hall_id == rules.hall_id, Service.active.is_(True))
        .order_by(Service.sort_order, Service.code)
    ).all()
    service_rows = tuple(
        ServiceStatus(
            code=s.code,
            name_zh=s.name_zh,
            name_en=s.name_en,
            prefix=s.prefix,
            waiting=waiting.get(s.id, (0, now_ms))[0],
            longest_wait_s=max(0, (now_ms - waiting.get(s.id, (0, now_ms))[1]) // 1000),
        )
        for s in services
    )
    codes_by_window: dict[int, list[str]] = {}
    for window_id, code in session.execute(
        select(WindowService.window_id, Service.code)
        .join(Service, Service.id == WindowService.service_id)
        .where(Service.hall_id == rules.hall_id)
        .order_by(Service.sort_order, Service.code)
    ):
        codes_by_window.setdefault(window_id, []).append(code)
    windows = session.execute(
        select(Window, User.display_name)
        .outerjoin(User, User.id == Window.user_id)
        .where(Window.hall_id == rules.hall_id)
        .order_by(Window.number)
    ).all()
    # Driven by the window ids so that SQLite searches the small partial index of active
    # tickets instead of every ticket the hall ever issued.
    current = {
        row[11]: row_view(row)
        for row in session.execute(
            ticket_query().where(
                Ticket.window_id.in_([w.id for w, _ in windows]), ticket_is_active()
            )
        )
    }
    window_rows = tuple(
        WindowStatus(
            number=w.number,
            name_zh=w.name_zh,
            name_en=w.name_en,
            state=WindowState(w.state),
            pause_reason=w.pause_reason,
            state_since_ms=w.state_since_ms,
            user_display_name=user_name,
            current=current.get(w.id),
            service_codes=tuple(codes_by_window.get(w.id, ())),
        )
        for w, user_name in windows
    )
    return HallStatus(rules.code, now_ms, service_rows, window_rows)
