"""Appointment check-in: a code booked online becomes an appointment-class ticket at the kiosk.

Check-in takes three short transactions so that issuing stays the engine's own hot path:
claim the appointment (a conditional update, so two kiosks cannot both check it in), issue the
ticket, link the ticket. A refused issue (past the cut-off, the service full) releases the
claim, so nothing is left half-done; a claim whose kiosk died before linking a ticket goes
stale after :data:`STALE_CLAIM_MS` and may be checked in again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.db.models import Service
from clerk_app.db.screens_models import Appointment
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import IssuedTicket, PriorityClass, QueueRefused, RefusalCode

STALE_CLAIM_MS = 60_000
CODE_PATTERN = re.compile(r"^[A-Z0-9-]{4,32}$")


def normalise_code(raw: str) -> str:
    """Typed or scanned: full-width characters folded (NFKC), spaces dropped, upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw)).upper()


@dataclass(frozen=True, slots=True)
class _Claim:
    appointment_id: int
    service_code: str


class AppointmentDesk:
    """Books (for imports and tests) and checks in appointments of one hall."""

    def __init__(self, queue: QueueService) -> None:
        self._queue = queue
        self._db = queue.db
        self._hall_id = queue.rules.hall_id

    @open_to_clerks
    def book(self, code: str, service_code: str, day: dt.date, slot_min: int | None = None) -> None:
        """Record a booking made elsewhere (the online booking system's import)."""
        clean = self._valid(code)

        def work(session: Session) -> None:
            service_id = session.scalar(
                select(Service.id).where(
                    Service.hall_id == self._hall_id, Service.code == service_code
                )
            )
            if service_id is None:
                raise QueueRefused(RefusalCode.UNKNOWN_SERVICE, service_code)
            exists = session.scalar(
                select(Appointment.id).where(
                    Appointment.hall_id == self._hall_id, Appointment.code == clean
                )
            )
            if exists is not None:
                raise QueueRefused(RefusalCode.INVALID_ARGUMENT, f"code {clean} is taken")
            session.add(
                Appointment(
                    hall_id=self._hall_id,
                    code=clean,
                    service_id=service_id,
                    day=day,
                    slot_min=slot_min,
                )
            )

        self._db.run_write(work)

    @open_to_clerks
    def check_in(self, code: str) -> IssuedTicket:
        clean = self._valid(code)
        claim = self._db.run_write(lambda s: self._claim(s, clean))
        try:
            issued = self._queue.issue(
                claim.service_code, PriorityClass.APPOINTMENT, appointment_ref=clean
            )
        except BaseException:
            self._db.run_write(lambda s: self._release(s, claim.appointment_id))
            raise
        self._db.run_write(lambda s: self._link(s, claim.appointment_id, issued))
        return issued

    @staticmethod
    def _valid(code: str) -> str:
        clean = normalise_code(code)
        if not CODE_PATTERN.match(clean):
            raise QueueRefused(RefusalCode.UNKNOWN_APPOINTMENT, "malformed code")
        return clean

    def _claim(self, session: Session, code: str) -> _Claim:
        now = self._queue.now_ms()
        row = session.execute(
            select(Appointment.id, Appointment.day, Appointment.ticket_id, Service.code)
            .join(Service, Service.id == Appointment.service_id)
            .where(Appointment.hall_id == self._hall_id, Appointment.code == code)
        ).first()
        if row is None:
            raise QueueRefused(RefusalCode.UNKNOWN_APPOINTMENT, code)
        appointment_id, day, ticket_id, service_code = row
        if day != self._queue.rules.day(now):
            raise QueueRefused(RefusalCode.APPOINTMENT_NOT_TODAY, code)
        if ticket_id is not None:
            raise QueueRefused(RefusalCode.ALREADY_CHECKED_IN, code)
        claimed = session.execute(
            update(Appointment)
            .where(
                Appointment.id == appointment_id,
                Appointment.ticket_id.is_(None),
                or_(
                    Appointment.checked_in_ms.is_(None),
                    and_(Appointment.checked_in_ms < now - STALE_CLAIM_MS),
                ),
            )
            .values(checked_in_ms=now)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            raise QueueRefused(RefusalCode.ALREADY_CHECKED_IN, code)
        return _Claim(appointment_id, service_code)

    @staticmethod
    def _release(session: Session, appointment_id: int) -> None:
        session.execute(
            update(Appointment)
            .where(Appointment.id == appointment_id, Appointment.ticket_id.is_(None))
            .values(checked_in_ms=None)
            .execution_options(synchronize_session=False)
        )

    @staticmethod
    def _link(session: Session, appointment_id: int, issued: IssuedTicket) -> None:
        session.execute(
            update(Appointment)
            .where(Appointment.id == appointment_id)
            .values(ticket_id=issued.ticket.ticket_id)
            .execution_options(synchronize_session=False)
        )
