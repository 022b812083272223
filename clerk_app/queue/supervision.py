"""What a supervisor may change from the dashboard; every change is a queue event carrying the
supervisor's user id and name and an audit record (``queue.supervision``), and wakes every
screen like any other queue write. Each change is guarded: a clerk is refused, audited.

Window–service changes reach a window's call path within ``service.SETUP_TTL_S`` (each client
caches a window's weights that long).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Account, Gate, Operator, Permission, actor_of, requires
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.db.models import QueueEvent, Service, Ticket, Window, WindowService
from clerk_app.queue import notify, views
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import PriorityClass, QueueRefused, RefusalCode, TicketView

T = TypeVar("T")
MOVABLE = ("waiting", "parked")


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

    def _event(
        self,
        session: Session,
        now: int,
        kind: str,
        detail: str,
        *,
        target: tuple[str, str],
        ticket_id: int | None = None,
        window_id: int | None = None,
        states: tuple[str | None, str | None] = (None, None),
    ) -> None:
        """The change as a queue event (the dashboard's list) and an audit record, both in the
        change's transaction; ``target`` is ("ticket", its number) or ("window", its number)."""
        AuditService(self._queue.db).append(
            session,
            AuditAction.QUEUE_SUPERVISION,
            actor_of(self._account),
            target_kind=target[0],
            target=target[1],
            detail={"change": kind, "what": detail[:200]} if detail else {"change": kind},
        )
        session.execute(
            insert(QueueEvent).values(
                hall_id=self._rules.hall_id,
                at_ms=now,
                kind=kind,
                ticket_id=ticket_id,
                window_id=window_id,
                user_id=self._who.user_id,
                from_state=states[0],
                to_state=states[1],
                detail=f"{detail}; supervisor {self._who.name}"[:1000],
            )
        )

    def _window(self, session: Session, number: int) -> Window:
        query = select(Window).where(Window.hall_id == self._rules.hall_id, Window.number == number)
        if self._queue.db.is_postgres:
            query = query.with_for_update()
        window = session.scalars(query).first()
        if window is None:
            raise QueueRefused(RefusalCode.UNKNOWN_WINDOW, str(number))
        return window

    def _ticket(self, session: Session, number: str, now: int) -> Ticket:
        query = select(Ticket).where(
            Ticket.hall_id == self._rules.hall_id,
            Ticket.day == self._rules.day(now),
            Ticket.number == number.strip().upper(),
        )
        if self._queue.db.is_postgres:
            query = query.with_for_update()
        ticket = session.scalars(query).first()
        if ticket is None:
            raise QueueRefused(RefusalCode.UNKNOWN_TICKET, number)
        return ticket

    def _service(self, session: Session, code: str) -> Service:
        service = session.scalars(
            select(Service).where(Service.hall_id == self._rules.hall_id, Service.code == code)
        ).first()
        if service is None:
            raise QueueRefused(RefusalCode.UNKNOWN_SERVICE, code)
        return service

    def _move_window(self, session: Session, window: Window, state: str, now: int) -> None:
        self._event(
            session,
            now,
            f"window_{state}",
            "",
            target=("window", str(window.number)),
            window_id=window.id,
            states=(window.state, state),
        )
        window.state = state
        window.pause_reason = None
        window.state_since_ms = now
        if state == "closed":
            window.user_id = None
        session.flush()

    def _update_ticket(self, session: Session, ticket: Ticket, values: dict[str, object]) -> None:
        moved = session.execute(
            update(Ticket)
            .where(Ticket.id == ticket.id, Ticket.state == ticket.state)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if moved.rowcount != 1:  # type: ignore[attr-defined]
            raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)

    # ------------------------------------------------------------------ windows
    @supervising
    def open_window(self, number: int) -> None:
        """Open a closed or paused window; one at work is left as it is."""

        def work(session: Session, now: int) -> None:
            window = self._window(session, number)
            if window.state in ("closed", "paused"):
                self._move_window(session, window, "open", now)

        self._write(work)

    @supervising
    def close_window(self, number: int) -> None:
        def work(session: Session, now: int) -> None:
            window = self._window(session, number)
            if window.state in ("calling", "serving"):
                raise QueueRefused(RefusalCode.WINDOW_BUSY, str(number))
            if window.state != "closed":
                self._move_window(session, window, "closed", now)

        self._write(work)

    @supervising
    def set_window_services(self, number: int, codes: list[str]) -> None:
        """Which services a window serves; weights of services it keeps stay as they were."""
        wanted = sorted(set(codes))
        if not wanted:
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "a window serves at least one service")

        def work(session: Session, now: int) -> None:
            window = self._window(session, number)
            ids = {code: self._service(session, code).id for code in wanted}
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
            self._event(
                session,
                now,
                "window_services",
                ",".join(wanted),
                target=("window", str(window.number)),
                window_id=window.id,
            )

        self._write(work)

    # ------------------------------------------------------------------ tickets
    @supervising
    def transfer_ticket(
        self, number: str, *, to_service: str | None = None, to_window: int | None = None
    ) -> TicketView:
        """Send a waiting or parked ticket to another service's queue or to a named window."""
        if (to_service is None) == (to_window is None):
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "name a service or a window")

        def work(session: Session, now: int) -> TicketView:
            ticket = self._ticket(session, number, now)
            if ticket.state not in MOVABLE:
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            values: dict[str, object] = {
                "state": "waiting",
                "available_ms": now,
                "transferred_ms": now,
            }
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
                target = self._window(session, to_window)
                values["target_window_id"] = target.id
                detail = f"window {target.number}"
            ticket_id, from_state = ticket.id, ticket.state
            self._update_ticket(session, ticket, values)
            self._event(
                session,
                now,
                "transfer",
                detail,
                target=("ticket", ticket.number),
                ticket_id=ticket_id,
                states=(from_state, "waiting"),
            )
            return views.ticket_view(session, ticket_id)

        return self._write(work)

    @supervising
    def prioritise(self, number: str) -> TicketView:
        """Move a waiting ticket into the priority class (elderly, disabled …)."""

        def work(session: Session, now: int) -> TicketView:
            ticket = self._ticket(session, number, now)
            if ticket.state not in MOVABLE:
                raise QueueRefused(RefusalCode.WRONG_STATE, ticket.number)
            ticket_id, state, before = ticket.id, ticket.state, ticket.priority_class
            if before != PriorityClass.PRIORITY.value:
                self._update_ticket(session, ticket, {"priority_class": "priority"})
                self._event(
                    session,
                    now,
                    "prioritise",
                    f"{before} -> priority",
                    target=("ticket", ticket.number),
                    ticket_id=ticket_id,
                    states=(state, state),
                )
            return views.ticket_view(session, ticket_id)

        return self._write(work)

    @supervising
    def cancel_ticket(self, number: str) -> TicketView:
        """The engine's cancel (a called ticket frees its window), recorded with this user."""
        return self._queue.cancel(number, by=self._account)
