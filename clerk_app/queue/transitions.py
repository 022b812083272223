"""The queue's state machine, declared once, and the one writer of queue events.

:data:`TICKET_MOVES` says which move takes a ticket from which state to which, and who may make
it; :data:`WINDOW_MOVES` does the same for windows. The clerk at a window
(:class:`~clerk_app.queue.service.QueueService`) and the supervisor's desk
(:class:`~clerk_app.queue.supervision.SupervisorDesk`) move tickets and windows only through
:func:`move_ticket` and :func:`move_window`, and every queue event is written by
:func:`record` (docs/queue-rules.md, "Ticket states", "Window states").
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from clerk_app.db.models import (
    DailyCounter,
    QueueEvent,
    Service,
    Ticket,
    TicketState,
    Window,
    WindowState,
)
from clerk_app.queue.types import QueueRefused, RefusalCode

# The tables as Core tables: the hot paths' statements skip the ORM's per-execution work.
TICKETS = cast("Table", Ticket.__table__)
WINDOWS = cast("Table", Window.__table__)
SERVICES = cast("Table", Service.__table__)
EVENTS = cast("Table", QueueEvent.__table__)
COUNTERS = cast("Table", DailyCounter.__table__)


class Actor(enum.StrEnum):
    WINDOW = "window"  # the clerk at a window (or the counter's own screen)
    SUPERVISOR = "supervisor"  # queue supervision (the dashboard, the supervisor's CLI)


class Move(enum.StrEnum):
    """A move of a ticket; its value is the queue event's kind."""

    CALL = "call"
    CALL_SPECIFIC = "call_specific"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    TRANSFER = "transfer"
    PARK = "park"
    RETURN = "return"
    CANCEL = "cancel"
    PRIORITISE = "prioritise"


class WindowMove(enum.StrEnum):
    OPEN = "open"
    PAUSE = "pause"
    CLOSE = "close"
    CALL = "call"  # its ticket called
    START = "start"  # its ticket's service started
    RELEASE = "release"  # its ticket gone (done, no-show, transferred, parked, cancelled)


@dataclass(frozen=True, slots=True)
class Transition:
    to: TicketState
    by: frozenset[Actor]


_WIN, _SUP = frozenset({Actor.WINDOW}), frozenset({Actor.SUPERVISOR})
_ts = TicketState
# (state, move) -> the state after it and who may make it; any other pair is refused.
TICKET_MOVES: dict[tuple[TicketState, Move], Transition] = {
    (_ts.WAITING, Move.CALL): Transition(_ts.CALLED, _WIN),
    (_ts.PARKED, Move.CALL): Transition(_ts.CALLED, _WIN),
    (_ts.WAITING, Move.CALL_SPECIFIC): Transition(_ts.CALLED, _WIN),
    (_ts.PARKED, Move.CALL_SPECIFIC): Transition(_ts.CALLED, _WIN),
    (_ts.CALLED, Move.RECALL): Transition(_ts.CALLED, _WIN),
    (_ts.CALLED, Move.START): Transition(_ts.SERVING, _WIN),
    (_ts.SERVING, Move.FINISH): Transition(_ts.DONE, _WIN),
    (_ts.CALLED, Move.NO_SHOW): Transition(_ts.NO_SHOW, _WIN),
    (_ts.NO_SHOW, Move.RETURN): Transition(_ts.WAITING, _WIN),
    (_ts.CALLED, Move.PARK): Transition(_ts.PARKED, _WIN),
    (_ts.SERVING, Move.PARK): Transition(_ts.PARKED, _WIN),
    # A window sends on the ticket it holds; the supervisor moves one that waits.
    (_ts.CALLED, Move.TRANSFER): Transition(_ts.WAITING, _WIN),
    (_ts.SERVING, Move.TRANSFER): Transition(_ts.WAITING, _WIN),
    (_ts.WAITING, Move.TRANSFER): Transition(_ts.WAITING, _SUP),
    (_ts.PARKED, Move.TRANSFER): Transition(_ts.WAITING, _SUP),
    (_ts.WAITING, Move.PRIORITISE): Transition(_ts.WAITING, _SUP),
    (_ts.PARKED, Move.PRIORITISE): Transition(_ts.PARKED, _SUP),
    (_ts.WAITING, Move.CANCEL): Transition(_ts.CANCELLED, _SUP),
    (_ts.PARKED, Move.CANCEL): Transition(_ts.CANCELLED, _SUP),
    (_ts.CALLED, Move.CANCEL): Transition(_ts.CANCELLED, _SUP),
}

_ws = WindowState
_BUSY, _CLOSED, _PAUSED = (
    RefusalCode.WINDOW_BUSY,
    RefusalCode.WINDOW_CLOSED,
    RefusalCode.WINDOW_PAUSED,
)
# (state, move) -> the state after it, or why it is refused; the clerk and the supervisor alike.
WINDOW_MOVES: dict[tuple[WindowState, WindowMove], WindowState | RefusalCode] = {
    **{(s, WindowMove.OPEN): _ws.OPEN for s in (_ws.CLOSED, _ws.OPEN, _ws.PAUSED)},
    **{(s, WindowMove.OPEN): s for s in (_ws.CALLING, _ws.SERVING)},  # at work: left as it is
    (_ws.CLOSED, WindowMove.PAUSE): _CLOSED,
    (_ws.OPEN, WindowMove.PAUSE): _ws.PAUSED,
    (_ws.PAUSED, WindowMove.PAUSE): _ws.PAUSED,
    **{(s, WindowMove.PAUSE): _BUSY for s in (_ws.CALLING, _ws.SERVING)},
    **{(s, WindowMove.CLOSE): _ws.CLOSED for s in (_ws.CLOSED, _ws.OPEN, _ws.PAUSED)},
    **{(s, WindowMove.CLOSE): _BUSY for s in (_ws.CALLING, _ws.SERVING)},
    (_ws.CLOSED, WindowMove.CALL): _CLOSED,
    (_ws.OPEN, WindowMove.CALL): _ws.CALLING,
    (_ws.PAUSED, WindowMove.CALL): _PAUSED,
    **{(s, WindowMove.CALL): _BUSY for s in (_ws.CALLING, _ws.SERVING)},
    **{(s, WindowMove.START): _ws.SERVING for s in (_ws.CALLING, _ws.SERVING)},
    **{(s, WindowMove.RELEASE): _ws.OPEN for s in (_ws.CALLING, _ws.SERVING)},
}


def ticket_allows(state: TicketState, move: Move, actor: Actor) -> TicketState | None:
    """The state ``move`` takes a ticket to, or None where the table refuses it."""
    transition = TICKET_MOVES.get((state, move))
    return transition.to if transition is not None and actor in transition.by else None


def window_after(state: WindowState, move: WindowMove, number: int) -> WindowState:
    """The state ``move`` takes a window to; raises the table's refusal. A move the table does
    not list leaves the window as it is (a release of a window that was not at work)."""
    after = WINDOW_MOVES.get((state, move), state)
    if isinstance(after, RefusalCode):
        raise QueueRefused(after, str(number))
    return after


# ---------------------------------------------------------------------------- events
@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    ticket_id: int | None = None
    window_id: int | None = None
    user_id: int | None = None
    from_state: str | None = None
    to_state: str | None = None
    detail: str | None = None


def record(session: Session, hall_id: int, now: int, events: list[Event]) -> None:
    """Write queue events, all in one statement: the only writer of ``queue_event``."""
    if events:
        rows = [{"hall_id": hall_id, "at_ms": now, **asdict(event)} for event in events]
        session.execute(insert(EVENTS), rows)


# ---------------------------------------------------------------------------- rows and moves
@dataclass(frozen=True, slots=True)
class WindowRow:
    id: int
    number: int
    state: WindowState
    pause_reason: str | None
    priority_streak: int


@dataclass(frozen=True, slots=True)
class TicketRow:
    id: int
    number: str
    state: TicketState
    window_id: int | None
    no_show_ms: int | None
    priority_class: str
    day: Any


# WindowRow's fields, in order.
WINDOW_COLUMNS = ("id", "number", "state", "pause_reason", "priority_streak")
_TICKET_COLUMNS = (
    TICKETS.c.id,
    TICKETS.c.number,
    TICKETS.c.state,
    TICKETS.c.window_id,
    TICKETS.c.no_show_ms,
    TICKETS.c.priority_class,
    TICKETS.c.day,
)


def lock_window(
    session: Session, hall_id: int, number: int | None = None, *, window_id: int | None = None
) -> WindowRow:
    """A window by number (or id), its row locked for the transaction (PostgreSQL; SQLite's
    ``BEGIN IMMEDIATE`` holds the whole database). Every move locks the window before the
    ticket, so two moves never wait on each other crosswise."""
    windows = WINDOWS.c
    where = windows.number == number if window_id is None else windows.id == window_id
    row = session.execute(
        select(*(windows[name] for name in WINDOW_COLUMNS))
        .where(windows.hall_id == hall_id, where)
        .with_for_update()
    ).first()
    if row is None:
        raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(number))
    return WindowRow(*row)


def window_id(session: Session, hall_id: int, number: int) -> int:
    """A window's id by its number (not locked)."""
    found = session.scalar(
        select(WINDOWS.c.id).where(WINDOWS.c.hall_id == hall_id, WINDOWS.c.number == number)
    )
    if found is None:
        raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(number))
    return int(found)


def find_ticket(session: Session, hall_id: int, day: object, number: str) -> TicketRow:
    """Today's ticket by number (not locked: every move is conditional on its state)."""
    row = session.execute(
        select(*_TICKET_COLUMNS).where(
            TICKETS.c.hall_id == hall_id,
            TICKETS.c.day == day,
            TICKETS.c.number == number.strip().upper(),
        )
    ).first()
    if row is None:
        raise QueueRefused(RefusalCode.UNKNOWN_TICKET, number)
    return TicketRow(*row)


def find_service(session: Session, hall_id: int, code: str, *, active: bool = False) -> Service:
    service = session.scalars(
        select(Service).where(Service.hall_id == hall_id, Service.code == code)
    ).first()
    if service is None:
        raise QueueRefused(RefusalCode.UNKNOWN_SERVICE, code)
    if active and not service.active:
        raise QueueRefused(RefusalCode.SERVICE_INACTIVE, code)
    return service


def move_ticket(
    session: Session,
    ticket_id: int,
    number: str,
    state: TicketState,
    move: Move,
    actor: Actor,
    *,
    window_id: int | None,
    user_id: int | None,
    detail: str | None = None,
    values: dict[str, object] | None = None,
) -> Event:
    """The move as a conditional update (refused if another transaction moved the ticket
    first); returns its event for :func:`record`."""
    to = ticket_allows(state, move, actor)
    if to is None:
        raise QueueRefused(RefusalCode.WRONG_STATE, number)
    moved = session.execute(
        update(TICKETS)
        .where(TICKETS.c.id == ticket_id, TICKETS.c.state == state)
        .values(state=to, **(values or {}))
        .execution_options(synchronize_session=False)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise QueueRefused(RefusalCode.WRONG_STATE, number)
    return Event(move.value, ticket_id, window_id, user_id, state, to, detail)


def move_window(
    session: Session,
    window: WindowRow,
    move: WindowMove,
    now: int,
    *,
    user_id: int | None,
    reason: str | None = None,
    detail: str | None = None,
    values: dict[str, object] | None = None,
) -> Event | None:
    """The window's move by :data:`WINDOW_MOVES` with any other ``values`` of its row; returns
    the event of a change of state (or of pause reason), None when the state stays."""
    to = window_after(window.state, move, window.number)
    changed = to != window.state or (to == WindowState.PAUSED and reason != window.pause_reason)
    row = dict(values or {})
    if to == WindowState.CLOSED:
        row["user_id"] = None
    if changed:
        row.update(state=to, pause_reason=reason, state_since_ms=now)
    if row:
        session.execute(
            update(WINDOWS)
            .where(WINDOWS.c.id == window.id)
            .values(row)
            .execution_options(synchronize_session=False)
        )
    if not changed:
        return None
    return Event(f"window_{to}", None, window.id, user_id, window.state, to, detail or reason)
