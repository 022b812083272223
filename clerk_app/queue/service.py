"""The queue engine: every operation is one short write transaction, the same on both databases.

Each operation checks its preconditions inside the transaction and raises
:class:`QueueRefused` before writing anything, so a refused operation changes nothing. The
moves and who may make them are :mod:`clerk_app.queue.transitions`' tables. Call-next is atomic:
the window's row is locked first and the ticket picked with ``FOR UPDATE SKIP LOCKED`` on
PostgreSQL; on SQLite the transaction starts with ``BEGIN IMMEDIATE`` and holds the database.
Either way the ticket's update is conditional on the state it was read in, and a partial
unique index allows at most one active ticket per window.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, and_, func, insert, select, update
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
    TicketState,
    ticket_is_active,
)
from clerk_app.queue import notify, selection, views
from clerk_app.queue.estimate import Estimate, estimate, recent_service_seconds
from clerk_app.queue.hall import HallRules, load_rules
from clerk_app.queue.selection import Picker
from clerk_app.queue.stats import collect_stats
from clerk_app.queue.transitions import (
    COUNTERS,
    SERVICES,
    TICKETS,
    WINDOW_COLUMNS,
    WINDOWS,
    Actor,
    Event,
    Move,
    WindowMove,
    WindowRow,
    find_service,
    find_ticket,
    lock_window,
    move_ticket,
    move_window,
    record,
    window_after,
    window_id,
)
from clerk_app.queue.types import (
    HallStatus,
    IssuedTicket,
    PauseReason,
    PriorityClass,
    QueueRefused,
    QueueStats,
    RefusalCode,
    TicketView,
)
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database

T = TypeVar("T")

MAX_PARK_MINUTES = 240
# A window's service weights are cached this long for call-next; a change of the weights in
# the admin screen or the supervisor's desk reaches every window within this time.
SETUP_TTL_S = 30.0
# The services' recent average service times, for the estimate printed on a ticket, are re-read
# after this much hall time.
SERVICE_TIMES_TTL_MS = 60_000
# What a ticket's move does to its window.
_WINDOW_AFTER = {
    Move.START: WindowMove.START,
    Move.FINISH: WindowMove.RELEASE,
    Move.NO_SHOW: WindowMove.RELEASE,
    Move.TRANSFER: WindowMove.RELEASE,
    Move.PARK: WindowMove.RELEASE,
    Move.CANCEL: WindowMove.RELEASE,
}
_STAMP = {Move.START: "started_ms", Move.FINISH: "finished_ms", Move.NO_SHOW: "no_show_ms"}


@dataclass(slots=True)
class _WindowPicks:
    """A window's picks (by whether priority tickets come first), built for its weights."""

    window_id: int
    weights: dict[int, int]
    read_at: float = 0.0  # when the weights were last read (monotonic seconds)
    by_preference: dict[bool, Picker] = field(default_factory=dict)


def format_number(prefix: str, seq: int) -> str:
    return f"{prefix}{seq:03d}"


def transfer_values(
    session: Session,
    rules: HallRules,
    now: int,
    *,
    to_service: str | None,
    to_window: int | None,
    from_window: int | None = None,
) -> tuple[dict[str, object], str]:
    """What a transfer writes on the ticket (to a service's queue or a named window), and the
    event's detail; the window's and the supervisor's transfer alike."""
    if (to_service is None) == (to_window is None):
        raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "name a service or a window")
    values: dict[str, object] = {"available_ms": now, "transferred_ms": now}
    if not rules.transfer_keeps_arrival:
        values["arrival_ms"] = now
    if to_service is not None:
        service = find_service(session, rules.hall_id, to_service, active=True)
        values.update(service_id=service.id, target_window_id=None)
        return values, f"service {service.code}"
    assert to_window is not None
    target = window_id(session, rules.hall_id, to_window)
    if to_window == from_window:
        raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "same window")
    values["target_window_id"] = target
    return values, f"window {to_window}"


class QueueService:
    """Typed facade over the hall queue; returns frozen views, never ORM objects."""

    def __init__(self, db: Database, hall_code: str | None = None, clock: Clock | None = None):
        self._db = db
        self._clock = clock or SystemClock()
        self._rules = db.run_read(lambda s: load_rules(s, hall_code))
        # Per window number: when its weights were read, its id and weights, and its pickers.
        self._pickers: dict[int, _WindowPicks] = {}
        self._seconds: tuple[int, dict[int, float]] | None = None  # (read at, times)

    def _gate(self) -> Gate:
        return Gate(AuditService(self._db, self._clock), self._db)

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
        """Run ``work(session, now)`` in a write transaction and wake the screens."""

        def run(session: Session) -> T:
            now = self._clock.now_ms()
            result = work(session, now)
            if notify_when(result):
                notify.bump(session, self._rules.hall_id, postgres=self._db.is_postgres)
            return result

        try:
            return self._db.run_write(run)
        except IntegrityError as exc:
            # The partial unique index: another transaction gave this window a ticket first.
            if any(name in str(exc.orig) for name in ("uq_ticket_active_window", "window_id")):
                raise QueueRefused(RefusalCode.WINDOW_BUSY) from exc
            raise

    def _record(self, session: Session, now: int, *events: Event | None) -> None:
        record(session, self._rules.hall_id, now, [e for e in events if e is not None])

    def _lock(self, session: Session, number: int) -> WindowRow:
        return lock_window(session, self._rules.hall_id, number)

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

        def work(session: Session, now: int) -> IssuedTicket:
            day = rules.day(now)
            # The day's counter first: its row lock queues the kiosks issuing this prefix, so
            # the service and the day's count read below are what the insert will find.
            prefix = select(SERVICES.c.prefix).where(
                SERVICES.c.hall_id == rules.hall_id, SERVICES.c.code == service_code
            )
            seq = self._bump_counter(session, day, prefix.scalar_subquery())
            service = session.execute(
                select(SERVICES).where(
                    SERVICES.c.hall_id == rules.hall_id, SERVICES.c.code == service_code
                )
            ).first()
            if service is None:
                raise QueueRefused(RefusalCode.UNKNOWN_SERVICE, service_code)
            self._refuse_issue(session, service, day, now)
            if seq is None:
                seq = self._first_of_day(session, day, service.prefix, service.start_number)
            number = format_number(service.prefix, seq)
            ticket_id = session.execute(
                insert(TICKETS)
                .values(
                    hall_id=rules.hall_id,
                    service_id=service.id,
                    day=day,
                    prefix=service.prefix,
                    seq=seq,
                    number=number,
                    priority_class=priority.value,
                    appointment_ref=appointment_ref,
                    state=TicketState.WAITING,
                    issued_ms=now,
                    arrival_ms=now,
                    available_ms=now,
                    recall_count=0,
                )
                .returning(TICKETS.c.id)
            ).scalar_one()
            guess = estimate(
                session,
                rules,
                service.id,
                priority.value,
                now,
                now,
                exclude_ticket_id=ticket_id,
                seconds=self._service_seconds(session, now),
            )
            self._refuse_late(guess, now)  # raising rolls back the insert and the number
            waiting = TicketState.WAITING
            self._record(
                session,
                now,
                Event("issue", ticket_id, None, user_id, None, waiting, appointment_ref),
            )
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
                view, guess.ahead, guess.minutes, guess.low_minutes, guess.high_minutes
            )

        return self._write(work)

    def _service_seconds(self, session: Session, now: int) -> dict[int, float]:
        """The services' recent average service times, re-read at most every
        ``SERVICE_TIMES_TTL_MS`` of hall time (an average over the last hour or so moves
        slowly; reading it costs an issue about a millisecond)."""
        read = self._seconds
        if read is None or not 0 <= now - read[0] < SERVICE_TIMES_TTL_MS:
            read = (now, recent_service_seconds(session, self._rules, now))
            self._seconds = read
        return read[1]

    def _refuse_issue(self, session: Session, service: Row[Any], day: dt.date, now: int) -> None:
        """The refusals of ``issue``, in order; counts only where the service has a limit."""
        code, minute = service.code, self._rules.minute_of_day(now)
        hours = self._rules.hours_today(now)
        if not service.active:
            raise QueueRefused(RefusalCode.SERVICE_INACTIVE, code)
        if hours is not None and not hours[0] <= minute < hours[1]:
            raise QueueRefused(RefusalCode.HALL_CLOSED)
        if service.cutoff_min is not None and minute >= service.cutoff_min:
            raise QueueRefused(RefusalCode.PAST_CUTOFF, code)
        if service.daily_limit is not None:
            issued = session.scalar(
                select(func.count()).where(
                    TICKETS.c.hall_id == self._rules.hall_id,
                    TICKETS.c.day == day,
                    TICKETS.c.service_id == service.id,
                )
            )
            if (issued or 0) >= service.daily_limit:
                raise QueueRefused(RefusalCode.DAILY_LIMIT, code)

    def _refuse_late(self, guess: Estimate, now: int) -> None:
        """Refused when even the optimistic estimate ends after closing time."""
        hours = self._rules.hours_today(now)
        if hours is not None and self._rules.minute_of_day(now) + guess.low_minutes >= hours[1]:
            raise QueueRefused(
                RefusalCode.PAST_CUTOFF, "the remaining working time cannot serve it"
            )

    def _bump_counter(
        self, session: Session, day: dt.date, prefix: str | ColumnElement[str]
    ) -> int | None:
        """The next number of the day for a prefix; None for the day's first."""
        counters = COUNTERS.c
        seq: int | None = session.scalar(
            update(COUNTERS)
            .where(
                counters.hall_id == self._rules.hall_id,
                counters.day == day,
                counters.prefix == prefix,
            )
            .values(last_seq=counters.last_seq + 1)
            .returning(counters.last_seq)
        )
        return seq

    def _first_of_day(self, session: Session, day: dt.date, prefix: str, start: int) -> int:
        """The day's first number of a prefix: the service's start number."""
        try:
            with session.begin_nested():
                session.execute(
                    insert(COUNTERS).values(
                        hall_id=self._rules.hall_id, day=day, prefix=prefix, last_seq=start
                    )
                )
            return start
        except IntegrityError:  # another kiosk's first ticket was first: take the next
            return int(self._bump_counter(session, day, prefix) or start)

    # ------------------------------------------------------------------ calling
    def _picker(self, session: Session, window: WindowRow, prefer_priority: bool) -> Picker:
        """The window's pick. Its service weights are re-read at most every ``SETUP_TTL_S``; the
        pick is built again only when they changed (building one costs tens of milliseconds)."""
        picks = self._pickers.get(window.number)
        now = time.monotonic()
        if picks is None or picks.window_id != window.id or now - picks.read_at > SETUP_TTL_S:
            weights = selection.window_weights(session, window.id)
            if picks is None or picks.window_id != window.id or picks.weights != weights:
                picks = _WindowPicks(window.id, weights)
                self._pickers[window.number] = picks
            picks.read_at = now
        picker = picks.by_preference.get(prefer_priority)
        if picker is None:
            picker = Picker(self._rules, window.id, picks.weights, prefer_priority=prefer_priority)
            picks.by_preference[prefer_priority] = picker
        return picker

    @open_to_clerks
    def call_next(self, window_number: int, user_id: int | None = None) -> TicketView | None:

        def work(session: Session, now: int) -> TicketView | None:
            window = self._lock(session, window_number)
            window_after(window.state, WindowMove.CALL, window_number)  # refused before a pick
            prefer = window.priority_streak < self._rules.priority_ratio
            picked = self._picker(session, window, prefer).pick(session, now)
            if picked is None:
                return None
            ticket = (picked.ticket_id, picked.number, picked.state, picked.priority_class)
            self._claim(session, now, window, ticket, Move.CALL, user_id)
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

        return self._write(work, notify_when=lambda view: view is not None)

    @open_to_clerks
    def call_ticket(
        self, window_number: int, number: str, user_id: int | None = None
    ) -> TicketView:
        """Call a named ticket (the person is standing at the counter); recorded as such."""

        def work(session: Session, now: int) -> TicketView:
            window = self._lock(session, window_number)
            window_after(window.state, WindowMove.CALL, window_number)
            ticket = find_ticket(session, self._rules.hall_id, self._rules.day(now), number)
            called = (ticket.id, ticket.number, ticket.state, ticket.priority_class)
            self._claim(session, now, window, called, Move.CALL_SPECIFIC, user_id)
            return views.ticket_view(session, ticket.id)

        return self._write(work)

    def _claim(
        self,
        session: Session,
        now: int,
        window: WindowRow,
        ticket: tuple[int, str, TicketState, str],  # id, number, state, priority class
        move: Move,
        user_id: int | None,
    ) -> None:
        """The ticket called at the window: both moves, both events in one statement."""
        ticket_id, number, state, priority_class = ticket
        called = move_ticket(
            session,
            ticket_id,
            number,
            state,
            move,
            Actor.WINDOW,
            window_id=window.id,
            user_id=user_id,
            values={
                "window_id": window.id,
                "user_id": user_id,
                "called_ms": now,
                "first_called_ms": func.coalesce(TICKETS.c.first_called_ms, now),
                "target_window_id": None,
                "transferred_ms": None,
                "recall_count": 0,
            },
        )
        streak = window.priority_streak + 1 if priority_class != "normal" else 0
        values: dict[str, object] = {"priority_streak": streak}
        if user_id is not None:
            values["user_id"] = user_id
        calling = move_window(session, window, WindowMove.CALL, now, user_id=user_id, values=values)
        self._record(session, now, called, calling)

    # ------------------------------------------------------------------ at the window
    def _at_window(
        self,
        window_number: int,
        move: Move,
        user_id: int | None,
        prepare: Callable[
            [Session, int, WindowRow, TicketView], tuple[dict[str, object], str | None]
        ]
        | None = None,
    ) -> TicketView:
        """Move the window's current ticket (and the window with it) by the tables."""

        def work(session: Session, now: int) -> TicketView:
            window, ticket = self._window_and_current(session, window_number)
            actual, detail = move, None
            values: dict[str, object] = {}
            if move is Move.RECALL and ticket.recall_count >= self._rules.max_recalls:
                actual, detail = Move.NO_SHOW, "recall limit reached"
            elif prepare is not None:
                values, detail = prepare(session, now, window, ticket)
            if actual in _STAMP:
                values[_STAMP[actual]] = now
            event = move_ticket(
                session,
                ticket.ticket_id,
                ticket.number,
                ticket.state,
                actual,
                Actor.WINDOW,
                window_id=window.id,
                user_id=user_id,
                detail=detail,
                values=values,
            )
            window_move = _WINDOW_AFTER.get(actual)
            after = None
            if window_move is not None:
                after = move_window(session, window, window_move, now, user_id=user_id)
            self._record(session, now, event, after)
            if actual is Move.RECALL:
                return replace(ticket, recall_count=ticket.recall_count + 1, called_ms=now)
            if values:  # more than its state changed (a transfer, a park): read it again
                return views.ticket_view(session, ticket.ticket_id)
            return replace(ticket, state=TicketState(event.to_state or ticket.state))

        return self._write(work)

    def _window_and_current(self, session: Session, number: int) -> tuple[WindowRow, TicketView]:
        """The window, locked (as :func:`lock_window`), and its current ticket: one read."""
        windows, tickets, services = WINDOWS.c, TICKETS.c, SERVICES.c
        current = and_(tickets.window_id == windows.id, ticket_is_active())
        row = session.execute(
            select(
                *(windows[name] for name in WINDOW_COLUMNS),
                tickets.id,
                tickets.number,
                services.code,
                services.name_zh,
                services.name_en,
                tickets.state,
                tickets.priority_class,
                tickets.issued_ms,
                tickets.called_ms,
                tickets.recall_count,
            )
            .select_from(
                WINDOWS.outerjoin(TICKETS, current).outerjoin(
                    SERVICES, services.id == tickets.service_id
                )
            )
            .where(windows.hall_id == self._rules.hall_id, windows.number == number)
            .with_for_update(of=WINDOWS)
        ).first()
        if row is None:
            raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(number))
        window = WindowRow(*row[: len(WINDOW_COLUMNS)])
        ticket = row[len(WINDOW_COLUMNS) :]
        if ticket[0] is None:
            raise QueueRefused(RefusalCode.NO_ACTIVE_TICKET, f"window {number}")
        view = TicketView(
            ticket_id=ticket[0],
            number=ticket[1],
            service_code=ticket[2],
            service_name_zh=ticket[3],
            service_name_en=ticket[4],
            state=ticket[5],
            priority_class=PriorityClass(ticket[6]),
            window_number=number,
            issued_ms=ticket[7],
            called_ms=ticket[8],
            recall_count=ticket[9],
        )
        return window, view

    @open_to_clerks
    def recall(self, window_number: int, user_id: int | None = None) -> TicketView:
        """Announce the current ticket again; past the hall's limit it becomes a no-show."""

        def prepare(
            _s: Session, now: int, _w: WindowRow, ticket: TicketView
        ) -> tuple[dict[str, object], str | None]:
            return {"recall_count": TICKETS.c.recall_count + 1, "called_ms": now}, str(
                ticket.recall_count + 1
            )

        return self._at_window(window_number, Move.RECALL, user_id, prepare)

    @open_to_clerks
    def skip(self, window_number: int, user_id: int | None = None) -> TicketView:
        """The called person did not come: a no-show, who may return within the grace period."""
        return self._at_window(window_number, Move.NO_SHOW, user_id)

    @open_to_clerks
    def start(self, window_number: int, user_id: int | None = None) -> TicketView:
        return self._at_window(window_number, Move.START, user_id)

    @open_to_clerks
    def finish(self, window_number: int, user_id: int | None = None) -> TicketView:
        return self._at_window(window_number, Move.FINISH, user_id)

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

        def prepare(
            session: Session, now: int, window: WindowRow, _t: TicketView
        ) -> tuple[dict[str, object], str | None]:
            return transfer_values(
                session,
                self._rules,
                now,
                to_service=to_service,
                to_window=to_window,
                from_window=window.number,
            )

        return self._at_window(window_number, Move.TRANSFER, user_id, prepare)

    @open_to_clerks
    def park(self, window_number: int, minutes: int, user_id: int | None = None) -> TicketView:
        """Set the current ticket aside (the person fetches a document); it comes back here."""
        if not 1 <= minutes <= MAX_PARK_MINUTES:
            raise QueueRefused(
                RefusalCode.INVALID_ARGUMENT, f"minutes must be 1-{MAX_PARK_MINUTES}"
            )

        def prepare(
            _s: Session, now: int, window: WindowRow, _t: TicketView
        ) -> tuple[dict[str, object], str | None]:
            values: dict[str, object] = {"available_ms": now + minutes * 60_000}
            values["target_window_id"] = window.id
            return values, f"{minutes} min"

        return self._at_window(window_number, Move.PARK, user_id, prepare)

    # ------------------------------------------------------------------ by ticket number
    @requires(Permission.QUEUE_SUPERVISION)
    def cancel(self, number: str, *, by: Operator) -> TicketView:
        """Cancel a ticket of today (a called one frees its window): queue supervision, so a
        clerk is refused; the cancel is a queue event and an audit record."""
        user_id = None if isinstance(by, HostOperator) else by.user_id
        hall_id = self._rules.hall_id

        def work(session: Session, now: int) -> TicketView:
            ticket = find_ticket(session, hall_id, self._rules.day(now), number)
            window = None
            if ticket.state == TicketState.CALLED and ticket.window_id is not None:
                window = lock_window(session, hall_id, window_id=ticket.window_id)
            event = move_ticket(
                session,
                ticket.id,
                ticket.number,
                ticket.state,
                Move.CANCEL,
                Actor.SUPERVISOR,
                window_id=window.id if window else None,
                user_id=user_id,
            )
            freed = None
            if window is not None:
                freed = move_window(session, window, WindowMove.RELEASE, now, user_id=user_id)
            self._record(session, now, event, freed)
            AuditService(self._db, self._clock).append(
                session,
                AuditAction.QUEUE_SUPERVISION,
                actor_of(by),
                target_kind="ticket",
                target=ticket.number,
                detail={"change": "cancel", "day": str(ticket.day)},
            )
            return views.ticket_view(session, ticket.id)

        return self._write(work)

    @open_to_clerks
    def return_no_show(self, number: str, user_id: int | None = None) -> TicketView:
        """A no-show who comes back within the grace period joins the queue again."""

        def work(session: Session, now: int) -> TicketView:
            ticket = find_ticket(session, self._rules.hall_id, self._rules.day(now), number)
            if ticket.state != TicketState.NO_SHOW:
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            if now - (ticket.no_show_ms or 0) > self._rules.no_show_grace_min * 60_000:
                raise QueueRefused(RefusalCode.GRACE_EXPIRED, ticket.number)
            values: dict[str, object] = {"available_ms": now, "target_window_id": None}
            if not self._rules.return_keeps_arrival:
                values["arrival_ms"] = now
            event = move_ticket(
                session,
                ticket.id,
                ticket.number,
                ticket.state,
                Move.RETURN,
                Actor.WINDOW,
                window_id=None,
                user_id=user_id,
                values=values,
            )
            self._record(session, now, event)
            return views.ticket_view(session, ticket.id)

        return self._write(work)

    # ------------------------------------------------------------------ window state
    def _window_move(
        self,
        window_number: int,
        move: WindowMove,
        user_id: int | None,
        reason: str | None = None,
        values: dict[str, object] | None = None,
    ) -> None:
        def work(session: Session, now: int) -> None:
            window = self._lock(session, window_number)
            event = move_window(
                session, window, move, now, user_id=user_id, reason=reason, values=values
            )
            self._record(session, now, event)

        self._write(work)

    @open_to_clerks
    def open_window(self, window_number: int, user_id: int | None = None) -> None:
        values: dict[str, object] = {} if user_id is None else {"user_id": user_id}
        self._window_move(window_number, WindowMove.OPEN, user_id, values=values)

    @open_to_clerks
    def pause_window(
        self, window_number: int, reason: PauseReason | str, user_id: int | None = None
    ) -> None:
        text = str(reason).strip()
        if not text:
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "a pause needs a reason")
        self._window_move(window_number, WindowMove.PAUSE, user_id, reason=text[:200])

    @open_to_clerks
    def close_window(self, window_number: int, user_id: int | None = None) -> None:
        self._window_move(window_number, WindowMove.CLOSE, user_id)

    # ------------------------------------------------------------------ reading
    @open_to_clerks
    def status(self) -> HallStatus:
        return self._db.run_read(lambda s: views.hall_status(s, self._rules, self.now_ms()))

    @open_to_clerks
    def window_tickets(self, window_number: int) -> list[TicketView]:
        def work(session: Session) -> list[TicketView]:
            found = window_id(session, self._rules.hall_id, window_number)
            return views.window_tickets(session, found, self._rules.day(self.now_ms()))

        return self._db.run_read(work)

    @open_to_clerks
    def stats(self, date_from: dt.date, date_to: dt.date) -> QueueStats:
        if date_to < date_from:
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "--to is before --from")
        return self._db.run_read(lambda s: collect_stats(s, self._rules, date_from, date_to))
