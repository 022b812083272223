"""The queue engine: every operation is one short write transaction.

Each operation checks its preconditions inside the transaction and raises
:class:`QueueRefused` before writing anything, so a refused operation changes nothing. Call-next
is atomic on both databases: on PostgreSQL the window row is locked and the candidate picked
with ``FOR UPDATE SKIP LOCKED``; on SQLite the whole transaction holds the write lock
(``BEGIN IMMEDIATE``). Either way the ticket update is conditional on the state it was read in,
and a partial unique index allows at most one active ticket per window.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol, TypeVar

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import (
    Gate,
    HostOperator,
    Operator,
    Permission,
    actor_of,
    open_to_clerks,
    requires,
)
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.db.models import (
    DailyCounter,
    QueueEvent,
    Service,
    Ticket,
    Window,
    ticket_is_active,
)
from clerk_app.queue import estimate as estimate_mod
from clerk_app.queue import notify, pg_call, pg_issue, selection, sqlite_fast, views
from clerk_app.queue.estimate import Estimate, estimate
from clerk_app.queue.hall import HallRules, load_rules
from clerk_app.queue.stats import collect_stats
from clerk_app.queue.types import (
    HallStatus,
    IssuedTicket,
    PauseReason,
    PriorityClass,
    QueueRefused,
    QueueStats,
    RefusalCode,
    TicketState,
    TicketView,
)
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_PARK_MINUTES = 240
# A window's id and service weights are cached this long for the PostgreSQL call path; a change
# of the weights in the admin screen reaches every window within this time.
SETUP_TTL_S = 30.0
START = pg_call.Step("start", "called", "serving", "started_ms", "serving")
FINISH = pg_call.Step("finish", "serving", "done", "finished_ms", "open")
SKIP = pg_call.Step("no_show", "called", "no_show", "no_show_ms", "open")


def _refuse_uncallable(window_state: str, number: int) -> None:
    if window_state == "closed":
        raise QueueRefused(RefusalCode.WINDOW_CLOSED, str(number))
    if window_state == "paused":
        raise QueueRefused(RefusalCode.WINDOW_PAUSED, str(number))
    if window_state in ("calling", "serving"):
        raise QueueRefused(RefusalCode.WINDOW_BUSY, str(number))


def format_number(prefix: str, seq: int) -> str:
    return f"{prefix}{seq:03d}"


class ServiceRules(Protocol):
    """What issuing checks of a service: a ``Service`` row, or what the PostgreSQL read found."""

    @property
    def code(self) -> str: ...
    @property
    def name_zh(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def active(self) -> bool: ...
    @property
    def cutoff_min(self) -> int | None: ...
    @property
    def daily_limit(self) -> int | None: ...


def _issued(
    ticket_id: int,
    number: str,
    service: ServiceRules,
    priority: PriorityClass,
    now: int,
    guess: Estimate,
) -> IssuedTicket:
    view = TicketView(
        ticket_id=ticket_id,
        number=number,
        service_code=service.code,
        service_name_zh=service.name_zh,
        service_name_en=service.name_en,
        state=TicketState.WAITING,
        priority_class=priority,
        window_number=None,
        issued_ms=now,
        called_ms=None,
        recall_count=0,
    )
    return IssuedTicket(
        ticket=view,
        ahead=guess.ahead,
        eta_minutes=guess.minutes,
        eta_low_minutes=guess.low_minutes,
        eta_high_minutes=guess.high_minutes,
    )


class QueueService:
    """Typed facade over the hall queue; returns frozen views, never ORM objects."""

    def __init__(self, db: Database, hall_code: str | None = None, clock: Clock | None = None):
        self._db = db
        self._clock = clock or SystemClock()
        self._rules = db.run_read(lambda s: load_rules(s, hall_code))
        self._setup_cache: dict[int, tuple[float, int, dict[int, int]]] = {}
        self._pg_statements = pg_call.Statements(self._rules)
        self._pg_issue_statements = pg_issue.IssueStatements(self._rules)
        self._service_ids: dict[str, int] = {}
        self._sqlite = (
            None if db.is_postgres else sqlite_fast.SqliteStatements(self._rules, db.engine.dialect)
        )

    def _gate(self) -> Gate:
        return Gate(AuditService(self._db, self._clock), self._db)

    @property
    def _sqlite_statements(self) -> sqlite_fast.SqliteStatements:
        assert self._sqlite is not None, "SQLite's statements on a PostgreSQL database"
        return self._sqlite

    @property
    def rules(self) -> HallRules:
        return self._rules

    @property
    def db(self) -> Database:
        return self._db

    @open_to_clerks
    def now_ms(self) -> int:
        return self._clock.now_ms()

    # ------------------------------------------------------------------ helpers
    def _write(
        self,
        work: Callable[[Session, int], T],
        notify_when: Callable[[T], bool] = lambda _: True,
    ) -> T:
        def run(session: Session) -> T:
            now = self._clock.now_ms()
            result = work(session, now)
            if notify_when(result):
                notify.bump(session, self._rules.hall_id, postgres=self._db.is_postgres)
            return result

        return self._db.run_write(run)

    def _event(
        self,
        session: Session,
        now: int,
        kind: str,
        *,
        ticket_id: int | None = None,
        window_id: int | None = None,
        user_id: int | None = None,
        from_state: str | None = None,
        to_state: str | None = None,
        detail: str | None = None,
    ) -> None:
        session.execute(
            insert(QueueEvent).values(
                hall_id=self._rules.hall_id,
                at_ms=now,
                kind=kind,
                ticket_id=ticket_id,
                window_id=window_id,
                user_id=user_id,
                from_state=from_state,
                to_state=to_state,
                detail=detail,
            )
        )

    def _window(self, session: Session, number: int, *, lock: bool = True) -> Window:
        query = select(Window).where(Window.hall_id == self._rules.hall_id, Window.number == number)
        if lock and self._db.is_postgres:
            query = query.with_for_update()
        window = session.scalars(query).first()
        if window is None:
            raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(number))
        return window

    def _service(self, session: Session, code: str) -> Service:
        service = session.scalars(
            select(Service).where(Service.hall_id == self._rules.hall_id, Service.code == code)
        ).first()
        if service is None:
            raise QueueRefused(RefusalCode.UNKNOWN_SERVICE, code)
        return service

    def _active_ticket(self, session: Session, window: Window) -> Ticket:
        query = select(Ticket).where(Ticket.window_id == window.id, ticket_is_active())
        if self._db.is_postgres:
            query = query.with_for_update()
        ticket = session.scalars(query).first()
        if ticket is None:
            raise QueueRefused(RefusalCode.NO_ACTIVE_TICKET, f"window {window.number}")
        return ticket

    def _ticket_by_number(self, session: Session, number: str, now: int) -> Ticket:
        query = select(Ticket).where(
            Ticket.hall_id == self._rules.hall_id,
            Ticket.day == self._rules.day(now),
            Ticket.number == number.strip().upper(),
        )
        if self._db.is_postgres:
            query = query.with_for_update()
        ticket = session.scalars(query).first()
        if ticket is None:
            raise QueueRefused(RefusalCode.UNKNOWN_TICKET, number)
        return ticket

    def _set_window_state(
        self,
        session: Session,
        window: Window,
        state: str,
        now: int,
        user_id: int | None,
        reason: str | None = None,
    ) -> None:
        if window.state == state and window.pause_reason == reason:
            return
        self._event(
            session,
            now,
            f"window_{state}",
            window_id=window.id,
            user_id=user_id,
            from_state=window.state,
            to_state=state,
            detail=reason,
        )
        window.state = state
        window.pause_reason = reason
        window.state_since_ms = now
        session.flush()

    def _move(
        self,
        session: Session,
        ticket: Ticket,
        to_state: str,
        now: int,
        kind: str,
        *,
        window_id: int | None,
        user_id: int | None,
        detail: str | None = None,
        values: dict[str, object] | None = None,
    ) -> None:
        """Conditional update: fails loudly if another transaction moved the ticket first."""
        from_state = ticket.state
        result = session.execute(
            update(Ticket)
            .where(Ticket.id == ticket.id, Ticket.state == from_state)
            .values(state=to_state, **(values or {}))
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
        self._event(
            session,
            now,
            kind,
            ticket_id=ticket.id,
            window_id=window_id,
            user_id=user_id,
            from_state=from_state,
            to_state=to_state,
            detail=detail,
        )
        session.expire(ticket)

    # ------------------------------------------------------------------ issuing
    @open_to_clerks
    def issue(
        self,
        service_code: str,
        priority: PriorityClass = PriorityClass.NORMAL,
        appointment_ref: str | None = None,
        user_id: int | None = None,
    ) -> IssuedTicket:
        rules = self._rules
        if self._db.is_postgres:
            return self._pg_issue(service_code, priority, appointment_ref, user_id)

        def work(session: Session, now: int) -> IssuedTicket:
            service = self._service(session, service_code)
            day = rules.day(now)

            def issued_today() -> int:
                query = select(func.count()).where(
                    Ticket.hall_id == rules.hall_id,
                    Ticket.day == day,
                    Ticket.service_id == service.id,
                )
                return session.scalar(query) or 0

            self._refuse_issue(service_code, service, issued_today, now)
            seq = self._next_seq(session, day, service)
            number = format_number(service.prefix, seq)
            ticket_id = session.execute(
                insert(Ticket)
                .values(
                    hall_id=rules.hall_id,
                    service_id=service.id,
                    day=day,
                    prefix=service.prefix,
                    seq=seq,
                    number=number,
                    priority_class=priority.value,
                    appointment_ref=appointment_ref,
                    state="waiting",
                    issued_ms=now,
                    arrival_ms=now,
                    available_ms=now,
                    recall_count=0,
                )
                .returning(Ticket.id)
            ).scalar_one()
            guess = estimate(
                session, rules, service.id, priority.value, now, now, exclude_ticket_id=ticket_id
            )
            # Raising rolls back the insert and the number: nothing was issued.
            self._refuse_late(guess, now)
            self._event(
                session,
                now,
                "issue",
                ticket_id=ticket_id,
                user_id=user_id,
                to_state="waiting",
                detail=appointment_ref,
            )
            return _issued(ticket_id, number, service, priority, now, guess)

        return self._write(work)

    def _pg_issue(
        self,
        service_code: str,
        priority: PriorityClass,
        appointment_ref: str | None,
        user_id: int | None,
    ) -> IssuedTicket:
        """PostgreSQL: one read decides (and estimates), one atomic write issues."""
        service_id = self._service_id(service_code)
        for _attempt in range(2):
            now = self._clock.now_ms()
            found = self._pg_issue_statements.read(self._db, service_id, priority.value, now)
            if found is None:
                raise QueueRefused(RefusalCode.UNKNOWN_SERVICE, service_code)
            self._refuse_issue(service_code, found, found.count_today, now)
            seconds = estimate_mod.service_seconds(found.seconds)
            guess = estimate_mod.combine(service_id, found.windows, found.ahead, seconds)
            self._refuse_late(guess, now)
            written = self._pg_issue_statements.write(
                self._db, service_id, priority.value, appointment_ref, now, user_id
            )
            if written is not None:
                return _issued(*written, found, priority, now, guess)
            # The write refused what the read allowed: something changed in between (another
            # kiosk took the last number of the day, an administrator closed the service).
            # The next read says which; a second miss can only be the daily limit.
        raise QueueRefused(RefusalCode.DAILY_LIMIT, service_code)

    def _refuse_issue(
        self, code: str, service: ServiceRules, issued_today: Callable[[], int], now: int
    ) -> None:
        """The refusals of ``issue`` before a number is taken, in order; counts only where the
        service has a daily limit."""
        minute = self._rules.minute_of_day(now)
        hours = self._rules.hours_today(now)
        if not service.active:
            raise QueueRefused(RefusalCode.SERVICE_INACTIVE, code)
        if hours is not None and not hours[0] <= minute < hours[1]:
            raise QueueRefused(RefusalCode.HALL_CLOSED)
        if service.cutoff_min is not None and minute >= service.cutoff_min:
            raise QueueRefused(RefusalCode.PAST_CUTOFF, code)
        if service.daily_limit is not None and issued_today() >= service.daily_limit:
            raise QueueRefused(RefusalCode.DAILY_LIMIT, code)

    def _refuse_late(self, guess: Estimate, now: int) -> None:
        """Refused when even the optimistic estimate ends after closing time."""
        hours = self._rules.hours_today(now)
        if hours is not None and self._rules.minute_of_day(now) + guess.low_minutes >= hours[1]:
            raise QueueRefused(
                RefusalCode.PAST_CUTOFF, "the remaining working time cannot serve it"
            )

    def _service_id(self, code: str) -> int:
        """A service's id by its code (a code names one service of the hall for good)."""
        if code not in self._service_ids:
            self._service_ids[code] = self._db.run_read(lambda s: self._service(s, code).id)
        return self._service_ids[code]

    def _next_seq(self, session: Session, day: dt.date, service: Service) -> int:
        values = {
            "hall_id": self._rules.hall_id,
            "day": day,
            "prefix": service.prefix,
            "last_seq": service.start_number,
        }
        ins = (pg_insert if self._db.is_postgres else sqlite_insert)(DailyCounter).values(values)
        stmt = ins.on_conflict_do_update(
            index_elements=["hall_id", "day", "prefix"],
            set_={"last_seq": DailyCounter.last_seq + 1},
        ).returning(DailyCounter.last_seq)
        return int(session.execute(stmt).scalar_one())

    # ------------------------------------------------------------------ calling
    @open_to_clerks
    def call_next(self, window_number: int, user_id: int | None = None) -> TicketView | None:
        if not self._db.is_postgres:
            weights = self._window_setup(window_number)[1]
            return self._db.run_sqlite_write(
                lambda conn: self._sqlite_call_next(conn, window_number, weights, user_id)
            )
        fast = self._pg_call_next(window_number, user_id)
        if fast is not None:
            return fast
        return self._pg_call_next_deeper(window_number, user_id)

    def _pg_call_next_deeper(self, window_number: int, user_id: int | None) -> TicketView | None:
        """When the one statement found nothing free: look further down the queue, or agree
        that nothing waits (a transaction of several statements; rare under any load)."""
        rules = self._rules

        def work(session: Session, now: int) -> tuple[TicketView | None, bool]:
            window = self._callable_window(session, window_number)
            prefer_priority = window.priority_streak < rules.priority_ratio
            picked = selection.pick_candidate(
                session, rules, window.id, now, prefer_priority=prefer_priority
            )
            if picked is None:
                return None, False
            self._claim(
                session,
                picked.ticket_id,
                picked.state,
                picked.priority_class,
                window,
                now,
                user_id,
                kind="call",
            )
            return self._called_view(picked, window.number, now), True

        return self._write_guarded(work, notify_when=lambda result: result[1])[0]

    def _pg_call_next(self, window_number: int, user_id: int | None) -> TicketView | None:
        """PostgreSQL's one-statement call; None when the general path must decide."""
        window_id, weights = self._window_setup(window_number)
        now = self._clock.now_ms()
        outcome = pg_call.call_next_in_one_statement(
            self._db, self._pg_statements, self._rules, window_id, weights, now, user_id
        )
        if outcome.window_state is None:
            raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(window_number))
        _refuse_uncallable(outcome.window_state, window_number)
        if outcome.claimed is None:
            return None  # nothing waiting, or every candidate read was being claimed
        return self._called_view(outcome.claimed, window_number, now)

    def _sqlite_call_next(
        self,
        conn: sqlite3.Connection,
        window_number: int,
        weights: dict[int, int],
        user_id: int | None,
    ) -> TicketView | None:
        """SQLite: the caller's ``BEGIN IMMEDIATE`` holds the lock; prebuilt statements only."""
        st = self._sqlite_statements
        now = self._clock.now_ms()
        window = st.window.run(conn, {"p_number": window_number}).fetchone()
        if window is None:
            raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(window_number))
        window_id, window_state, streak = window
        _refuse_uncallable(window_state, window_number)
        prefer = streak < self._rules.priority_ratio
        params = {"p_now_ms": now, "p_day": self._rules.day(now), "p_user_id": user_id}
        row = st.candidate(window_id, weights, prefer_priority=prefer).run(conn, params).fetchone()
        if row is None:
            return None
        picked = selection.Candidate(*row)
        claimed = st.claim.run(
            conn,
            {
                **params,
                "p_ticket_id": picked.ticket_id,
                "p_from": picked.state,
                "p_window_id": window_id,
            },
        )
        if claimed.rowcount != 1:
            raise QueueRefused(RefusalCode.WRONG_STATE, picked.number)
        self._sqlite_finish_move(
            conn,
            now,
            user_id,
            window_id,
            ticket_event=("call", picked.ticket_id, picked.state, "called"),
            window_move=(window_state, "calling"),
            streak=streak + 1 if picked.priority_class != "normal" else 0,
            window_user=user_id,
        )
        return self._called_view(picked, window_number, now)

    def _sqlite_step(
        self, conn: sqlite3.Connection, window_number: int, step: pg_call.Step, user_id: int | None
    ) -> TicketView:
        st = self._sqlite_statements
        now = self._clock.now_ms()
        window = st.window.run(conn, {"p_number": window_number}).fetchone()
        if window is None:
            raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(window_number))
        window_id, window_state, streak = window
        row = st.active.run(conn, {"p_window_id": window_id}).fetchone()
        if row is None:
            raise QueueRefused(RefusalCode.NO_ACTIVE_TICKET, f"window {window_number}")
        ticket_id, state, number, *_, called_ms, recall_count = row
        if state != step.from_state:
            raise QueueRefused(RefusalCode.WRONG_STATE, number)
        moved = st.move(step.to_state, step.stamp_column).run(
            conn, {"p_now_ms": now, "p_ticket_id": ticket_id, "p_from": step.from_state}
        )
        if moved.rowcount != 1:
            raise QueueRefused(RefusalCode.WRONG_STATE, number)
        self._sqlite_finish_move(
            conn,
            now,
            user_id,
            window_id,
            ticket_event=(step.kind, ticket_id, step.from_state, step.to_state),
            window_move=(window_state, step.window_to),
            streak=streak,
            window_user=None,
        )
        view = self._called_view(selection.Candidate(*row[:8]), window_number, called_ms or now)
        return replace(view, state=TicketState(step.to_state), recall_count=recall_count)

    def _sqlite_finish_move(
        self,
        conn: sqlite3.Connection,
        now: int,
        user_id: int | None,
        window_id: int,
        *,
        ticket_event: tuple[str, int, str, str],
        window_move: tuple[str, str],
        streak: int,
        window_user: int | None,
    ) -> None:
        """Both events in one statement, the window's new state, and the change counter."""
        st = self._sqlite_statements
        common = {
            "hall_id": self._rules.hall_id,
            "at_ms": now,
            "window_id": window_id,
            "user_id": user_id,
            "detail": None,
        }
        kind, ticket_id, from_state, to_state = ticket_event
        events = [
            {
                **common,
                "kind": kind,
                "ticket_id": ticket_id,
                "from_state": from_state,
                "to_state": to_state,
            }
        ]
        window_from, window_to = window_move
        if window_from != window_to:
            events.append(
                {
                    **common,
                    "kind": f"window_{window_to}",
                    "ticket_id": None,
                    "from_state": window_from,
                    "to_state": window_to,
                }
            )
        st.events.run_many(conn, events)
        st.window_state.run(
            conn,
            {
                "p_now_ms": now,
                "p_window_id": window_id,
                "p_window_state": window_to,
                "p_streak": streak,
                "p_window_user": window_user,
            },
        )
        st.bump.run(conn, {})

    def _window_setup(
        self, window_number: int, session: Session | None = None
    ) -> tuple[int, dict[int, int]]:
        """The window's id and service weights, re-read at most every ``SETUP_TTL_S``."""
        cached = self._setup_cache.get(window_number)
        if cached is not None and time.monotonic() - cached[0] < SETUP_TTL_S:
            return cached[1], cached[2]

        def read(session: Session) -> tuple[int, dict[int, int]]:
            window = self._window(session, window_number, lock=False)
            return window.id, selection.window_weights(session, window.id)

        window_id, weights = read(session) if session is not None else self._db.run_read(read)
        self._setup_cache[window_number] = (time.monotonic(), window_id, weights)
        return window_id, weights

    @staticmethod
    def _called_view(picked: selection.Candidate, window_number: int, now: int) -> TicketView:
        return TicketView(
            ticket_id=picked.ticket_id,
            number=picked.number,
            service_code=picked.service_code,
            service_name_zh=picked.service_name_zh,
            service_name_en=picked.service_name_en,
            state=TicketState.CALLED,
            priority_class=PriorityClass(picked.priority_class),
            window_number=window_number,
            issued_ms=picked.issued_ms,
            called_ms=now,
            recall_count=0,
        )

    @open_to_clerks
    def call_ticket(
        self, window_number: int, number: str, user_id: int | None = None
    ) -> TicketView:
        """Call a named ticket (the person is standing at the counter); recorded as such."""

        def work(session: Session, now: int) -> TicketView:
            window = self._callable_window(session, window_number)
            ticket = self._ticket_by_number(session, number, now)
            if ticket.state not in ("waiting", "parked"):
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            ticket_id = ticket.id
            self._claim(
                session,
                ticket_id,
                ticket.state,
                ticket.priority_class,
                window,
                now,
                user_id,
                kind="call_specific",
            )
            return views.ticket_view(session, ticket_id)

        return self._write_guarded(work)

    def _write_guarded(
        self,
        work: Callable[[Session, int], T],
        notify_when: Callable[[T], bool] = lambda _: True,
    ) -> T:
        try:
            return self._write(work, notify_when)
        except IntegrityError as exc:
            # The partial unique index: another transaction gave this window a ticket first.
            if "uq_ticket_active_window" in str(exc.orig) or "window_id" in str(exc.orig):
                raise QueueRefused(RefusalCode.WINDOW_BUSY) from exc
            raise

    def _callable_window(self, session: Session, number: int) -> Window:
        window = self._window(session, number)
        _refuse_uncallable(window.state, number)
        return window

    def _claim(
        self,
        session: Session,
        ticket_id: int,
        from_state: str,
        priority_class: str,
        window: Window,
        now: int,
        user_id: int | None,
        *,
        kind: str,
    ) -> None:
        """The hot path of calling: one conditional update, both events in one round trip."""
        result = session.execute(
            update(Ticket)
            .where(Ticket.id == ticket_id, Ticket.state == from_state)
            .values(
                state="called",
                window_id=window.id,
                user_id=user_id,
                called_ms=now,
                first_called_ms=func.coalesce(Ticket.first_called_ms, now),
                target_window_id=None,
                transferred_ms=None,
                recall_count=0,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise QueueRefused(RefusalCode.WRONG_STATE, str(ticket_id))
        common = {
            "hall_id": self._rules.hall_id,
            "at_ms": now,
            "window_id": window.id,
            "user_id": user_id,
            "detail": None,
        }
        session.execute(
            insert(QueueEvent),
            [
                {
                    **common,
                    "kind": kind,
                    "ticket_id": ticket_id,
                    "from_state": from_state,
                    "to_state": "called",
                },
                {
                    **common,
                    "kind": "window_calling",
                    "ticket_id": None,
                    "from_state": window.state,
                    "to_state": "calling",
                },
            ],
        )
        window.priority_streak = window.priority_streak + 1 if priority_class != "normal" else 0
        if user_id is not None:
            window.user_id = user_id
        window.state = "calling"
        window.pause_reason = None
        window.state_since_ms = now
        session.flush()

    # ------------------------------------------------------------------ at the window
    def _at_window(
        self,
        window_number: int,
        act: Callable[[Session, int, Window, Ticket], None],
        allowed: tuple[str, ...],
    ) -> TicketView:
        def work(session: Session, now: int) -> TicketView:
            window = self._window(session, window_number)
            ticket = self._active_ticket(session, window)
            if ticket.state not in allowed:
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            ticket_id = ticket.id
            act(session, now, window, ticket)
            return views.ticket_view(session, ticket_id)

        return self._write(work)

    def _pg_step(self, window_number: int, step: pg_call.Step, user_id: int | None) -> TicketView:
        """PostgreSQL: the move as one atomic statement, without BEGIN and COMMIT round trips.

        A refused move changes nothing: the statement's writes all depend on the ticket moving.
        """
        now = self._clock.now_ms()
        result = pg_call.window_step(
            self._db, self._pg_statements, self._rules, window_number, step, now, user_id
        )
        if not result.window_found:
            raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(window_number))
        if result.ticket_state is None:
            raise QueueRefused(RefusalCode.NO_ACTIVE_TICKET, f"window {window_number}")
        if result.moved is None:
            raise QueueRefused(RefusalCode.WRONG_STATE, result.ticket_number or "")
        view = self._called_view(result.moved, window_number, result.called_ms or now)
        return replace(view, state=TicketState(step.to_state), recall_count=result.recall_count)

    def _release(self, session: Session, window: Window, now: int, user_id: int | None) -> None:
        self._set_window_state(session, window, "open", now, user_id)

    @open_to_clerks
    def recall(self, window_number: int, user_id: int | None = None) -> TicketView:
        """Announce the current ticket again; past the hall's limit it becomes a no-show."""

        def act(session: Session, now: int, window: Window, ticket: Ticket) -> None:
            if ticket.recall_count >= self._rules.max_recalls:
                self._no_show(session, now, window, ticket, user_id, "recall limit reached")
                return
            session.execute(
                update(Ticket)
                .where(Ticket.id == ticket.id)
                .values(recall_count=Ticket.recall_count + 1, called_ms=now)
                .execution_options(synchronize_session=False)
            )
            self._event(
                session,
                now,
                "recall",
                ticket_id=ticket.id,
                window_id=window.id,
                user_id=user_id,
                from_state="called",
                to_state="called",
                detail=str(ticket.recall_count + 1),
            )

        return self._at_window(window_number, act, ("called",))

    @open_to_clerks
    def skip(self, window_number: int, user_id: int | None = None) -> TicketView:
        """The called person did not come: a no-show, who may return within the grace period."""
        if self._db.is_postgres:
            return self._pg_step(window_number, SKIP, user_id)
        return self._db.run_sqlite_write(
            lambda conn: self._sqlite_step(conn, window_number, SKIP, user_id)
        )

    def _no_show(
        self,
        session: Session,
        now: int,
        window: Window,
        ticket: Ticket,
        user_id: int | None,
        detail: str | None,
    ) -> None:
        self._move(
            session,
            ticket,
            "no_show",
            now,
            "no_show",
            window_id=window.id,
            user_id=user_id,
            detail=detail,
            values={"no_show_ms": now},
        )
        self._release(session, window, now, user_id)

    @open_to_clerks
    def start(self, window_number: int, user_id: int | None = None) -> TicketView:
        if self._db.is_postgres:
            return self._pg_step(window_number, START, user_id)
        return self._db.run_sqlite_write(
            lambda conn: self._sqlite_step(conn, window_number, START, user_id)
        )

    @open_to_clerks
    def finish(self, window_number: int, user_id: int | None = None) -> TicketView:
        if self._db.is_postgres:
            return self._pg_step(window_number, FINISH, user_id)
        return self._db.run_sqlite_write(
            lambda conn: self._sqlite_step(conn, window_number, FINISH, user_id)
        )

    @open_to_clerks
    def transfer(
        self,
        window_number: int,
        *,
        to_service: str | None = None,
        to_window: int | None = None,
        user_id: int | None = None,
    ) -> TicketView:
        """Send the current ticket to another service's queue or to a named window."""
        if (to_service is None) == (to_window is None):
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "name a service or a window")

        def act(session: Session, now: int, window: Window, ticket: Ticket) -> None:
            values: dict[str, object] = {"available_ms": now, "transferred_ms": now}
            if not self._rules.transfer_keeps_arrival:
                values["arrival_ms"] = now
            if to_service is not None:
                service = self._service(session, to_service)
                if not service.active:
                    raise QueueRefused(RefusalCode.SERVICE_INACTIVE, to_service)
                values.update(service_id=service.id, target_window_id=None)
                detail = f"service {service.code}"
            else:
                assert to_window is not None
                target = self._window(session, to_window, lock=False)
                if target.id == window.id:
                    raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "same window")
                values["target_window_id"] = target.id
                detail = f"window {target.number}"
            self._move(
                session,
                ticket,
                "waiting",
                now,
                "transfer",
                window_id=window.id,
                user_id=user_id,
                detail=detail,
                values=values,
            )
            self._release(session, window, now, user_id)

        return self._at_window(window_number, act, ("called", "serving"))

    @open_to_clerks
    def park(self, window_number: int, minutes: int, user_id: int | None = None) -> TicketView:
        """Set the current ticket aside (the person fetches a document); it comes back here."""
        if not 1 <= minutes <= MAX_PARK_MINUTES:
            raise QueueRefused(
                RefusalCode.INVALID_ARGUMENT, f"minutes must be 1-{MAX_PARK_MINUTES}"
            )

        def act(session: Session, now: int, window: Window, ticket: Ticket) -> None:
            self._move(
                session,
                ticket,
                "parked",
                now,
                "park",
                window_id=window.id,
                user_id=user_id,
                detail=f"{minutes} min",
                values={"available_ms": now + minutes * 60_000, "target_window_id": window.id},
            )
            self._release(session, window, now, user_id)

        return self._at_window(window_number, act, ("called", "serving"))

    # ------------------------------------------------------------------ by ticket number
    @requires(Permission.QUEUE_SUPERVISION)
    def cancel(self, number: str, *, by: Operator) -> TicketView:
        """Cancel a ticket of today (a called one frees its window): queue supervision, so a
        clerk is refused; the cancel is a queue event and an audit record."""
        user_id = None if isinstance(by, HostOperator) else by.user_id

        def work(session: Session, now: int) -> TicketView:
            ticket = self._ticket_by_number(session, number, now)
            if ticket.state not in ("waiting", "parked", "called"):
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            window = None
            if ticket.state == "called" and ticket.window_id is not None:
                window = session.get_one(Window, ticket.window_id)
            ticket_id = ticket.id
            self._move(
                session,
                ticket,
                "cancelled",
                now,
                "cancel",
                window_id=window.id if window else None,
                user_id=user_id,
            )
            if window is not None:
                self._release(session, window, now, user_id)
            AuditService(self._db, self._clock).append(
                session,
                AuditAction.QUEUE_SUPERVISION,
                actor_of(by),
                target_kind="ticket",
                target=ticket.number,
                detail={"change": "cancel", "day": str(ticket.day)},
            )
            return views.ticket_view(session, ticket_id)

        return self._write(work)

    @open_to_clerks
    def return_no_show(self, number: str, user_id: int | None = None) -> TicketView:
        """A no-show who comes back within the grace period joins the queue again."""

        def work(session: Session, now: int) -> TicketView:
            ticket = self._ticket_by_number(session, number, now)
            if ticket.state != "no_show":
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            if now - (ticket.no_show_ms or 0) > self._rules.no_show_grace_min * 60_000:
                raise QueueRefused(RefusalCode.GRACE_EXPIRED, ticket.number)
            values: dict[str, object] = {"available_ms": now, "target_window_id": None}
            if not self._rules.return_keeps_arrival:
                values["arrival_ms"] = now
            ticket_id = ticket.id
            self._move(
                session,
                ticket,
                "waiting",
                now,
                "return",
                window_id=None,
                user_id=user_id,
                values=values,
            )
            return views.ticket_view(session, ticket_id)

        return self._write(work)

    # ------------------------------------------------------------------ window state
    @open_to_clerks
    def open_window(self, window_number: int, user_id: int | None = None) -> None:
        def work(session: Session, now: int) -> None:
            window = self._window(session, window_number)
            if window.state in ("calling", "serving"):
                return  # already working: opening again is harmless
            if user_id is not None:
                window.user_id = user_id
            self._set_window_state(session, window, "open", now, user_id)

        self._write(work)

    @open_to_clerks
    def pause_window(
        self, window_number: int, reason: PauseReason | str, user_id: int | None = None
    ) -> None:
        text = str(reason).strip()
        if not text:
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "a pause needs a reason")

        def work(session: Session, now: int) -> None:
            window = self._window(session, window_number)
            if window.state == "closed":
                raise QueueRefused(RefusalCode.WINDOW_CLOSED, str(window_number))
            if window.state in ("calling", "serving"):
                raise QueueRefused(RefusalCode.WINDOW_BUSY, str(window_number))
            self._set_window_state(session, window, "paused", now, user_id, reason=text[:200])

        self._write(work)

    @open_to_clerks
    def close_window(self, window_number: int, user_id: int | None = None) -> None:
        def work(session: Session, now: int) -> None:
            window = self._window(session, window_number)
            if window.state in ("calling", "serving"):
                raise QueueRefused(RefusalCode.WINDOW_BUSY, str(window_number))
            self._set_window_state(session, window, "closed", now, user_id)
            window.user_id = None

        self._write(work)

    # ------------------------------------------------------------------ reading
    @open_to_clerks
    def status(self) -> HallStatus:
        return self._db.run_read(lambda s: views.hall_status(s, self._rules, self.now_ms()))

    @open_to_clerks
    def window_tickets(self, window_number: int) -> list[TicketView]:
        def work(session: Session) -> list[TicketView]:
            window = self._window(session, window_number, lock=False)
            return views.window_tickets(session, window.id, self._rules.day(self.now_ms()))

        return self._db.run_read(work)

    @open_to_clerks
    def stats(self, date_from: dt.date, date_to: dt.date) -> QueueStats:
        if date_to < date_from:
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "--to is before --from")
        return self._db.run_read(lambda s: collect_stats(s, self._rules, date_from, date_to))
