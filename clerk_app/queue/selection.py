"""Which waiting ticket a window calls next, by the hall's rules, safely under concurrency.

Order: tickets sent to this very window (a transfer to a named window, a parked ticket coming
back) first; then, by the hall's fairness mode,
- ``ratio``: priority and appointment tickets first while the window has called fewer than
  ``priority_ratio`` of them in a row, otherwise normal tickets first;
- ``aging``: highest ``(weight + 1) x (time waited + head start of the class)``;
ties by the weighted wait, then by ticket id. Ordering never filters, so nobody starves while a
window is free.

The order is built here once; :class:`Picker` uses it for every call-next, on both databases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Integer,
    Select,
    bindparam,
    case,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import ReadOnlyColumnCollection

from clerk_app.db.models import Service, Ticket, TicketState, WindowService, ticket_is_callable
from clerk_app.queue.hall import HallRules
from clerk_app.queue.types import PriorityClass

# Candidates read from the head of each line: enough that windows calling at the same moment
# each find a free one in the first read (a window whose every candidate is being claimed reads
# four times as far). 16 rather than 64 took the pick from 2.2 to 1.7 ms with 3,000 waiting.
FIRST_BATCH = 16
# The bound parameters of a Picker's statements (named unlike any column).
_NOW = bindparam("p_now", type_=BigInteger)
_DAY = bindparam("p_day", type_=Date)
_LIMIT = bindparam("p_limit", type_=Integer)
PRIORITY_CLASSES = tuple(p.value for p in PriorityClass)


@dataclass(frozen=True, slots=True)
class Candidate:
    """The ticket a window may claim, locked where the database needs it, with its view data."""

    ticket_id: int
    state: TicketState
    number: str
    priority_class: str
    issued_ms: int
    service_code: str
    service_name_zh: str
    service_name_en: str


def window_weights(session: Session, window_id: int) -> dict[int, int]:
    """Service id → weight for the services this window serves."""
    rows = session.execute(
        select(WindowService.service_id, WindowService.weight).where(
            WindowService.window_id == window_id
        )
    )
    return {row.service_id: row.weight for row in rows}


def _weight(weights: dict[int, int], service_id: ColumnElement[int]) -> ColumnElement[int]:
    if not weights:
        return literal(2)
    return case({sid: w + 1 for sid, w in weights.items()}, value=service_id, else_=2)


def order_keys(
    rules: HallRules,
    window_id: int,
    weights: dict[int, int],
    now_ms: int | ColumnElement[int],
    *,
    prefer_priority: bool,
    columns: ReadOnlyColumnCollection[str, ColumnElement[Any]] | None = None,
) -> list[tuple[ColumnElement[Any], bool]]:
    """The sort keys of the window's queue, each with ``True`` where it sorts descending.

    ``columns`` are the ticket columns the keys are computed from: the ``ticket`` table's unless
    given (a subquery's with the same names).
    """
    ticket = Ticket.__table__.c if columns is None else columns
    weight = _weight(weights, ticket.service_id)
    waited = (literal(now_ms) if isinstance(now_ms, int) else now_ms) - ticket.arrival_ms
    targeted = case((ticket.target_window_id == window_id, 0), else_=1)
    if rules.fairness_mode == "aging":
        head_start = case(
            (ticket.priority_class == "priority", rules.priority_head_start_s * 1000),
            (ticket.priority_class == "appointment", rules.appointment_head_start_s * 1000),
            else_=0,
        )
        return [(targeted, False), (weight * (waited + head_start), True), (ticket.id, False)]
    is_priority = ticket.priority_class != "normal"
    preferred = is_priority if prefer_priority else ~is_priority
    return [
        (targeted, False),
        (case((preferred, 0), else_=1), False),
        (weight * waited, True),
        (ticket.id, False),
    ]


def _sorted(keys: list[tuple[ColumnElement[Any], bool]]) -> list[ColumnElement[Any]]:
    return [key.desc() if desc else key for key, desc in keys]


def candidate_query(
    rules: HallRules,
    window_id: int,
    weights: dict[int, int],
    now_ms: int | ColumnElement[int],
    *,
    prefer_priority: bool,
    limit: int | ColumnElement[int],
    day: ColumnElement[dt.date] | None = None,
) -> Select[int, str]:
    """The first ``limit`` callable tickets in order.

    A window's queue is the merge of short lines: the tickets sent to this window, and, for
    each service it serves and each priority class, the tickets of that service and class in
    arrival order (whatever the fairness mode, the order keys rank those by arrival, then id).
    So the first ``limit`` of the queue are among the first ``limit`` of each line: each line's
    head is read from an index of the callable tickets (``ix_ticket_callable``), and only those
    few rows are sorted, however long the queue. ``now_ms``, ``limit`` and ``day`` may be bound
    parameters, for a statement built once and run many times (:class:`Picker`).
    """
    if day is None:
        assert isinstance(now_ms, int), "a bound now_ms needs a bound day"
        day = literal(rules.day(now_ms))
    tickets = Ticket.__table__.c
    callable_now = (
        tickets.hall_id == rules.hall_id,
        tickets.day == day,
        ticket_is_callable(),  # written out: the partial index's predicate
        tickets.available_ms <= now_ms,
    )
    row = (
        tickets.id,
        tickets.state,
        tickets.service_id,
        tickets.priority_class,
        tickets.arrival_ms,
        tickets.target_window_id,
    )
    keys = order_keys(rules, window_id, weights, now_ms, prefer_priority=prefer_priority)
    sent_here = (
        select(*row)
        .where(*callable_now, tickets.target_window_id == window_id)
        .order_by(*_sorted(keys))
        .limit(limit)
    )
    lines = [sent_here]
    for service_id in sorted(weights):
        for priority_class in PRIORITY_CLASSES:
            lines.append(
                select(*row)
                .where(
                    *callable_now,
                    tickets.service_id == service_id,
                    tickets.priority_class == priority_class,
                    tickets.target_window_id.is_(None),
                )
                .order_by(tickets.arrival_ms, tickets.id)
                .limit(limit)
            )
    # Each line as a subquery of its own: SQLite allows no ORDER BY or LIMIT on a UNION's parts.
    heads = union_all(*(select(line.subquery()) for line in lines)).subquery("heads")
    keys = order_keys(
        rules, window_id, weights, now_ms, prefer_priority=prefer_priority, columns=heads.c
    )
    return select(heads.c.id, heads.c.state).order_by(*_sorted(keys)).limit(limit)


class Picker:
    """A window's pick, built once (building it costs more than running it) and run with the
    time, the day and how far down to look as bound parameters."""

    def __init__(
        self, rules: HallRules, window_id: int, weights: dict[int, int], *, prefer_priority: bool
    ) -> None:
        self._rules = rules
        now, day, limit = _NOW, _DAY, _LIMIT
        top = candidate_query(
            rules, window_id, weights, now, prefer_priority=prefer_priority, limit=limit, day=day
        ).subquery("top")
        tickets, services = Ticket.__table__.c, Service.__table__.c
        keys = order_keys(rules, window_id, weights, now, prefer_priority=prefer_priority)
        self._first = (
            select(
                tickets.id,
                tickets.state,
                tickets.number,
                tickets.priority_class,
                tickets.issued_ms,
                services.code,
                services.name_zh,
                services.name_en,
            )
            .join_from(Ticket.__table__, Service.__table__, services.id == tickets.service_id)
            .where(tickets.id.in_(select(top.c.id)), ticket_is_callable())
            .order_by(*_sorted(keys))
            .limit(1)
            .with_for_update(of=Ticket.__table__, skip_locked=True)
        )
        self._count = select(func.count()).select_from(top)

    def pick(self, session: Session, now_ms: int) -> Candidate | None:
        """The best callable ticket no other window is claiming, locked, with its view data.

        One statement on both databases: the first ``limit`` of the window's queue
        (:func:`candidate_query`), re-sorted, and the first of them locked with ``FOR UPDATE
        SKIP LOCKED`` (PostgreSQL; SQLAlchemy leaves the clause out on SQLite, where the
        transaction's ``BEGIN IMMEDIATE`` holds the whole database). Only when every one of
        them is being claimed does it look further down.
        """
        limit, day = FIRST_BATCH, self._rules.day(now_ms)
        while True:
            params = {"p_now": now_ms, "p_day": day, "p_limit": limit}
            row = session.execute(self._first, params).first()
            if row is not None:
                return Candidate(*row)
            if (session.scalar(self._count, params) or 0) < limit:
                return None  # nothing callable, or fewer than we read: none free
            limit *= 4  # every candidate we saw is being claimed: look further down
