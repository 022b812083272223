"""Issuing a ticket on PostgreSQL in two prebuilt statements: one read, one write.

The kiosk's issue is a read of everything the decision needs (the service's rules, today's
count where the service has a daily limit, and the three inputs of the wait estimate, as JSON)
and then one atomic statement of data-modifying CTEs: the day's counter, the ticket, its event
and the notification. The write checks again what could change in between (the service turned
off, the daily limit reached by another kiosk) and inserts nothing then; the caller reads again
to say why. Each runs on its own (autocommit), so an issue costs two round trips.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Integer,
    Select,
    String,
    Table,
    Text,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert

from clerk_app.db.models import DailyCounter, WindowService
from clerk_app.queue import estimate
from clerk_app.queue.hall import HallRules
from clerk_app.queue.notify import CHANNEL
from clerk_app.queue.tables import DAY, EVENT_COLUMNS, NOW, USER, E, S, T
from onewindow_base.db.engine import Database
from onewindow_base.db.prebuilt import Prebuilt, dollar_dialect

SERVICE = bindparam("p_service_id", type_=Integer)
MINUTE = bindparam("p_minute", type_=Integer)
PRIORITY = bindparam("p_priority", type_=String)
APPOINTMENT = bindparam("p_appointment", type_=String)
D = typing.cast("Table", DailyCounter.__table__)


@dataclass(frozen=True, slots=True)
class ServiceNow:
    """What the read found: the service's rules, today's count, and the estimate's inputs."""

    code: str
    name_zh: str
    name_en: str
    active: bool
    cutoff_min: int | None
    daily_limit: int | None
    issued_today: int | None  # counted only where there is a daily limit
    windows: list[Any]
    ahead: list[Any]
    seconds: list[Any]

    def count_today(self) -> int:
        return self.issued_today or 0


class IssueStatements:
    """The read (one per priority kind) and the write of one hall, compiled on first use."""

    def __init__(self, rules: HallRules) -> None:
        self._rules = rules
        self._reads: dict[bool, Prebuilt] = {}
        self._write: Prebuilt | None = None

    def read(self, db: Database, service_id: int, priority: str, now_ms: int) -> ServiceNow | None:
        normal = priority == "normal"
        if normal not in self._reads:
            self._reads[normal] = Prebuilt(
                _build_read(self._rules, normal=normal), dollar_dialect()
            )
        params = {
            "p_service_id": service_id,
            "p_day": self._rules.day(now_ms),
            "p_arrival_ms": now_ms,
            "p_exclude": -1,
            "p_since": estimate.since_ms(self._rules, now_ms),
        }
        rows = db.run_prebuilt(self._reads[normal], params)
        return ServiceNow(*rows[0]) if rows else None

    def write(
        self,
        db: Database,
        service_id: int,
        priority: str,
        appointment_ref: str | None,
        now_ms: int,
        user_id: int | None,
    ) -> tuple[int, str] | None:
        """The new ticket's id and number, or None when the write's own checks refused it."""
        if self._write is None:
            self._write = Prebuilt(_build_write(self._rules), dollar_dialect())
        params = {
            "p_service_id": service_id,
            "p_day": self._rules.day(now_ms),
            "p_minute": self._rules.minute_of_day(now_ms),
            "p_now_ms": now_ms,
            "p_priority": priority,
            "p_appointment": appointment_ref,
            "p_user_id": user_id,
        }
        rows = db.run_prebuilt(self._write, params)
        return (int(rows[0][0]), str(rows[0][1])) if rows else None


def _issued_today(rules: HallRules) -> Any:
    return (
        select(func.count())
        .where(T.c.hall_id == rules.hall_id, T.c.day == DAY, T.c.service_id == S.c.id)
        .scalar_subquery()
    )


def _json_rows(query: Select[Any]) -> Any:
    rows = query.subquery()
    return select(
        func.coalesce(func.json_agg(func.json_build_array(*rows.c)), literal_column("'[]'::json"))
    ).scalar_subquery()


def _build_read(rules: HallRules, *, normal: bool) -> Select[Any]:
    serving = WindowService.__table__.alias("serving")
    shared = WindowService.__table__.alias("shared")
    related_services = (
        select(shared.c.service_id)
        .join(serving, serving.c.window_id == shared.c.window_id)
        .where(serving.c.service_id == SERVICE)
    )
    # The services of the windows serving this one; the service itself when no window serves it.
    related = or_(T.c.service_id.in_(related_services), T.c.service_id == SERVICE)
    ahead = estimate.ahead_query(rules.hall_id, normal=normal, related=related)
    return select(
        S.c.code,
        S.c.name_zh,
        S.c.name_en,
        S.c.active,
        S.c.cutoff_min,
        S.c.daily_limit,
        case((S.c.daily_limit.is_not(None), _issued_today(rules))),
        _json_rows(estimate.windows_query(rules.hall_id)),
        _json_rows(ahead),
        _json_rows(estimate.service_seconds_query(rules.hall_id)),
    ).where(S.c.hall_id == rules.hall_id, S.c.id == SERVICE)


def _build_write(rules: HallRules) -> Select[Any]:
    svc = (
        select(S.c.id, S.c.prefix, S.c.start_number)
        .where(
            S.c.hall_id == rules.hall_id,
            S.c.id == SERVICE,
            S.c.active,
            or_(S.c.cutoff_min.is_(None), S.c.cutoff_min > MINUTE),
            or_(S.c.daily_limit.is_(None), _issued_today(rules) < S.c.daily_limit),
        )
        .cte("svc")
    )
    counter = pg_insert(D).from_select(
        ["hall_id", "day", "prefix", "last_seq"],
        select(literal(rules.hall_id), DAY, svc.c.prefix, svc.c.start_number),
    )
    seq = (
        counter.on_conflict_do_update(
            index_elements=["hall_id", "day", "prefix"],
            set_={"last_seq": D.c.last_seq + 1},
        )
        .returning(D.c.last_seq)
        .cte("seq")
    )
    digits = cast(seq.c.last_seq, Text)
    number = svc.c.prefix + case(
        (seq.c.last_seq < 1000, func.lpad(digits, 3, "0")), else_=digits
    )  # format_number: at least three digits
    ticket = (
        insert(T)
        .from_select(
            [
                "hall_id",
                "service_id",
                "day",
                "prefix",
                "seq",
                "number",
                "priority_class",
                "appointment_ref",
                "state",
                "issued_ms",
                "arrival_ms",
                "available_ms",
                "recall_count",
            ],
            select(
                literal(rules.hall_id),
                svc.c.id,
                DAY,
                svc.c.prefix,
                seq.c.last_seq,
                number,
                PRIORITY,
                APPOINTMENT,
                literal("waiting"),
                NOW,
                NOW,
                NOW,
                literal(0),
            ).select_from(svc.join(seq, true())),
        )
        .returning(T.c.id, T.c.number)
        .cte("tk")
    )
    event = insert(E).from_select(
        EVENT_COLUMNS,
        select(
            literal(rules.hall_id),
            NOW,
            literal_column("NULL"),
            USER,
            APPOINTMENT,
            literal("issue"),
            ticket.c.id,
            literal_column("NULL"),
            literal("waiting"),
        ).select_from(ticket),
    )
    return select(
        ticket.c.id, ticket.c.number, func.pg_notify(CHANNEL, str(rules.hall_id))
    ).add_cte(event.cte("ev"))
