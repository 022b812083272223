"""What a supervisor may change from the dashboard; every change is a queue event carrying the
supervisor's user id and name and an audit record (``queue.supervision``), and wakes every
screen like any other queue write. Each change is guarded: a clerk is refused, audited.

Window–service changes reach a window's call path within ``service.SETUP_TTL_S`` (each client
caches a window's weights that long).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Account, Gate, Operator, Permission, actor_of, requires
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.db.models import WindowService
from clerk_app.queue import notify, views
from clerk_app.queue.service import QueueService, transfer_values
from clerk_app.queue.transitions import (
    Actor,
    Event,
    Move,
    TicketRow,
    WindowMove,
    find_service,
    find_ticket,
    lock_window,
    move_ticket,
    move_window,
    record,
    ticket_allows,
)
from clerk_app.queue.types import PriorityClass, QueueRefused, RefusalCode, TicketView

T = TypeVar("T")
Change = Callable[[Session, int, TicketRow], tuple[dict[str, object] | None, str]]


def _not_permitted(by: Operator) -> QueueRefused:
    return QueueRefused(RefusalCode.NOT_PERMITTED, actor_of(by).name)


# Every change of the desk: the supervisor's role read from the database now (whatever path
# built the desk, a clerk's account cannot use it), a refusal audited and nothing changed.
supervising = requires(Permission.QUEUE_SUPERVISION, refused=_not_permitted)


@dataclass(frozen=True, slots=True)
class Supervisor:
    user_id: int
    name: str


class SupervisorDesk:
    def __init__(self, queue: QueueService, supervisor: Supervisor) -> None:
        self._queue = queue
        self._rules = queue.rules
        self._who = supervisor

    # ------------------------------------------------------------------ plumbing
    @property
    def _account(self) -> Account:
        return Account(self._who.user_id, self._who.name)

    def _gate(self) -> Gate:
        return Gate(AuditService(self._queue.db), self._queue.db, self._account)

    def _write(self, work: Callable[[Session, int], T]) -> T:
        """Run a change (the methods calling this are :data:`supervising`)."""

        def run(session: Session) -> T:
            result = work(session, self._queue.now_ms())
            notify.bump(session, self._rules.hall_id, postgres=self._queue.db.is_postgres)
            return result

        return self._queue.db.run_write(run)

    # ------------------------------------------------------------------ exports
    @requires(Permission.DATA_EXPORT, refused=_not_permitted)
    def export(
        self, path: Path, write: Callable[[Path], None], *, what: str, detail: dict[str, str]
    ) -> None:
        """Write a file of the hall's figures (``write`` does it) if this user may export them;
        the export is an audit record."""
        write(path)
        AuditService(self._queue.db).record(
            AuditAction.EXPORT,
            actor_of(self._account),
            target_kind=what,
            target=path.name[:120],
            detail=detail,
        )

    def _audit(self, session: Session, change: str, what: str, target: tuple[str, str]) -> None:
        """The change as an audit record, in the change's transaction; ``target`` is
        ("ticket", its number) or ("window", its number)."""
        AuditService(self._queue.db).append(
            session,
            AuditAction.QUEUE_SUPERVISION,
            actor_of(self._account),
            target_kind=target[0],
            target=target[1],
            detail={"change": change, "what": what[:200]} if what else {"change": change},
        )

    def _signed(self, what: str) -> str:
        return f"{what}; supervisor {self._who.name}"[:1000]

    def _record(self, session: Session, now: int, event: Event | None) -> None:
        """The change as a queue event (the dashboard's list), signed by the supervisor."""
        if event is not None:
            record(session, self._rules.hall_id, now, [event])

    def _window_move(self, number: int, move: WindowMove) -> None:
        def work(session: Session, now: int) -> None:
            window = lock_window(session, self._rules.hall_id, number)
            event = move_window(
                session, window, move, now, user_id=self._who.user_id, detail=self._signed("")
            )
            if event is not None:
                self._audit(session, event.kind, "", ("window", str(number)))
            self._record(session, now, event)

        self._write(work)

    def _ticket_move(
        self,
        number: str,
        move: Move,
        change: Change,
    ) -> TicketView:
        """Move a ticket by the table as the supervisor, ``change`` giving what else it writes
        and the event's detail."""

        def work(session: Session, now: int) -> TicketView:
            ticket = find_ticket(session, self._rules.hall_id, self._rules.day(now), number)
            if ticket_allows(ticket.state, move, Actor.SUPERVISOR) is None:
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            values, what = change(session, now, ticket)
            if values is not None:
                event = move_ticket(
                    session,
                    ticket.id,
                    ticket.number,
                    ticket.state,
                    move,
                    Actor.SUPERVISOR,
                    window_id=None,
                    user_id=self._who.user_id,
                    detail=self._signed(what),
                    values=values,
                )
                self._audit(session, move.value, what, ("ticket", ticket.number))
                self._record(session, now, event)
            return views.ticket_view(session, ticket.id)

        return self._write(work)

    # ------------------------------------------------------------------ windows
    @supervising
    def open_window(self, number: int) -> None:
        """Open a closed or paused window; one at work is left as it is."""
        self._window_move(number, WindowMove.OPEN)

    @supervising
    def close_window(self, number: int) -> None:
        self._window_move(number, WindowMove.CLOSE)

    @supervising
    def set_window_services(self, number: int, codes: list[str]) -> None:
        """Which services a window serves; weights of services it keeps stay as they were."""
        wanted = sorted(set(codes))
        if not wanted:
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "a window serves at least one service")

        def work(session: Session, now: int) -> None:
            window = lock_window(session, self._rules.hall_id, number)
            ids = {code: find_service(session, self._rules.hall_id, code).id for code in wanted}
            kept = set(
                session.scalars(
                    select(WindowService.service_id).where(WindowService.window_id == window.id)
                )
            )
            session.execute(
                delete(WindowService).where(
                    WindowService.window_id == window.id,
                    WindowService.service_id.not_in(list(ids.values())),
                )
            )
            for service_id in set(ids.values()) - kept:
                session.add(WindowService(window_id=window.id, service_id=service_id, weight=1))
            session.flush()
            what = ",".join(wanted)
            self._audit(session, "window_services", what, ("window", str(number)))
            event = Event("window_services", None, window.id, self._who.user_id)
            self._record(session, now, replace(event, detail=self._signed(what)))

        self._write(work)

    # ------------------------------------------------------------------ tickets
    @supervising
    def transfer_ticket(
        self, number: str, *, to_service: str | None = None, to_window: int | None = None
    ) -> TicketView:
        """Send a waiting or parked ticket to another service's queue or to a named window."""
        if (to_service is None) == (to_window is None):
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "name a service or a window")

        def change(
            session: Session, now: int, _t: TicketRow
        ) -> tuple[dict[str, object] | None, str]:
            return transfer_values(
                session, self._rules, now, to_service=to_service, to_window=to_window
            )

        return self._ticket_move(number, Move.TRANSFER, change)

    @supervising
    def prioritise(self, number: str) -> TicketView:
        """Move a waiting ticket into the priority class (elderly, disabled …)."""

        def change(_s: Session, _n: int, ticket: TicketRow) -> tuple[dict[str, object] | None, str]:
            if ticket.priority_class == PriorityClass.PRIORITY.value:
                return None, ""  # already: nothing to change
            return {"priority_class": "priority"}, f"{ticket.priority_class} -> priority"

        return self._ticket_move(number, Move.PRIORITISE, change)

    @supervising
    def cancel_ticket(self, number: str) -> TicketView:
        """The engine's cancel (a called ticket frees its window), recorded with this user."""
        return self._queue.cancel(number, by=self._account)
