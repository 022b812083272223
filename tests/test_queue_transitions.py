"""The window's path and the supervisor's refuse the same moves: both are driven by the one
table of ticket and window moves (``clerk_app.queue.transitions``), checked here state by state
on both databases."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from sqlalchemy import select, update

from clerk_app.accounts.auth import AuthService
from clerk_app.db.models import Ticket, TicketState, Window, WindowState
from clerk_app.queue import QueueRefused, QueueService, RefusalCode
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from clerk_app.queue.transitions import (
    WINDOW_MOVES,
    Actor,
    Move,
    WindowMove,
    ticket_allows,
)
from onewindow_base.db.engine import Database

WINDOW = 1
ACTIVE = (TicketState.CALLED, TicketState.SERVING)


@pytest.fixture
def desk(db: Database, queue: QueueService) -> SupervisorDesk:
    user = next(u for u in AuthService(db).list_users() if u.username == "supervisor")
    return SupervisorDesk(queue, Supervisor(user.user_id, user.display_name))


def _ticket_in(db: Database, queue: QueueService, state: TicketState) -> str:
    """A ticket of today put straight into ``state`` (at window 1 where it is active)."""
    issued = queue.issue("BIZ").ticket
    with db.write() as session:
        window_id = session.scalars(select(Window.id).where(Window.number == WINDOW)).one()
        values: dict[str, object] = {"state": state}
        if state in ACTIVE:
            values |= {"window_id": window_id, "called_ms": queue.now_ms()}
            session.execute(
                update(Window).where(Window.id == window_id).values(state=WindowState.CALLING)
            )
        session.execute(update(Ticket).where(Ticket.id == issued.ticket_id).values(**values))
    return issued.number


def _free_the_window(db: Database) -> None:
    """Window 1 open and without a ticket again, for the next move's ticket."""
    with db.write() as session:
        active = Ticket.state.in_(ACTIVE)
        session.execute(update(Ticket).where(active).values(state=TicketState.DONE))
        session.execute(update(Window).values(state=WindowState.OPEN))


def _state_of(db: Database, number: str) -> TicketState:
    return db.run_read(
        lambda s: s.scalars(select(Ticket.state).where(Ticket.number == number)).one()
    )


def _outcome(move: Callable[[], object]) -> RefusalCode | None:
    try:
        move()
    except QueueRefused as refused:
        return refused.code
    return None


@pytest.mark.parametrize("state", list(TicketState))
def test_the_supervisor_moves_a_ticket_only_as_the_table_allows(
    db: Database, queue: QueueService, desk: SupervisorDesk, state: TicketState
) -> None:
    moves: dict[Move, Callable[[str], object]] = {
        Move.TRANSFER: lambda n: desk.transfer_ticket(n, to_service="PICKUP"),
        Move.PRIORITISE: desk.prioritise,
        Move.CANCEL: desk.cancel_ticket,
    }
    for move, act in moves.items():
        number = _ticket_in(db, queue, state)
        allowed = ticket_allows(state, move, Actor.SUPERVISOR)
        code = _outcome(functools.partial(act, number))
        assert code == (None if allowed else RefusalCode.WRONG_STATE), (state, move)
        assert _state_of(db, number) == (allowed or state), (state, move)
        _free_the_window(db)


@pytest.mark.parametrize("state", list(TicketState))
def test_the_window_moves_its_ticket_only_as_the_table_allows(
    db: Database, queue: QueueService, state: TicketState
) -> None:
    """A ticket that is not active is not the window's: nothing to move. An active one moves
    as the table says, the transfer the supervisor also makes among them."""
    moves: dict[Move, Callable[[], object]] = {
        Move.TRANSFER: lambda: queue.transfer(WINDOW, to_service="PICKUP"),
        Move.PARK: lambda: queue.park(WINDOW, 5),
        Move.START: lambda: queue.start(WINDOW),
        Move.FINISH: lambda: queue.finish(WINDOW),
        Move.NO_SHOW: lambda: queue.skip(WINDOW),
    }
    for move, act in moves.items():
        number = _ticket_in(db, queue, state)
        allowed = ticket_allows(state, move, Actor.WINDOW)
        code = _outcome(act)
        if state not in ACTIVE:
            assert code is RefusalCode.NO_ACTIVE_TICKET, (state, move)
        else:
            assert code == (None if allowed else RefusalCode.WRONG_STATE), (state, move)
        assert _state_of(db, number) == (allowed or state), (state, move)
        _free_the_window(db)


def test_no_move_the_table_gives_the_window_is_the_supervisors_and_the_reverse() -> None:
    """A state's move belongs to one path (the transfer of a waiting ticket is the
    supervisor's, of a called one the window's): neither path can do what the other may."""
    for state in TicketState:
        for move in Move:
            by_window = ticket_allows(state, move, Actor.WINDOW)
            by_supervisor = ticket_allows(state, move, Actor.SUPERVISOR)
            assert by_window is None or by_supervisor is None, (state, move)


@pytest.mark.parametrize("state", list(WindowState))
@pytest.mark.parametrize("move", [WindowMove.OPEN, WindowMove.CLOSE])
def test_the_window_and_the_supervisor_open_and_close_a_window_alike(
    db: Database, queue: QueueService, desk: SupervisorDesk, state: WindowState, move: WindowMove
) -> None:
    expected = WINDOW_MOVES[(state, move)]
    opening = move is WindowMove.OPEN
    paths: dict[str, Callable[[int], object]] = {
        "window": queue.open_window if opening else queue.close_window,
        "supervisor": desk.open_window if opening else desk.close_window,
    }
    for path, act in paths.items():
        with db.write() as session:
            session.execute(update(Window).where(Window.number == WINDOW).values(state=state))
        code = _outcome(functools.partial(act, WINDOW))
        after = db.run_read(
            lambda s: s.scalars(select(Window.state).where(Window.number == WINDOW)).one()
        )
        if isinstance(expected, RefusalCode):
            assert (code, after) == (expected, state), path
        else:
            assert (code, after) == (None, expected), path
