"""The hall's bookings from the central server, and what the hall reports back.

Pull: ``GET /v1/appointments`` for the hall's days (today and the next ``days``), with the ETag
of the last reply (304: nothing changed, nothing written); not sent at all when hello's bookings
revision and the days are those of the last pull (the *mark*), which is most cycles. Every
booking of those days comes back, cancelled ones too; they are applied with the ETag and the
mark in one transaction. A booking the hall still holds as ``booked`` takes the server's
status (a cancellation online reaches the kiosk); one the hall has checked in, marked a no-show
or cancelled keeps the hall's status (the hall saw it happen; the server hears of it). The ID
number is kept only as a keyed hash (the kiosk matches an ID card with it), the phone
encrypted.

Report: bookings past their slot and grace become no-shows; each check-in, no-show and hall
cancellation of a booking from the server is written to the outbox in the transaction that
records it as reported, so it is sent once (the outbox's operation id makes a resend after a
crash a duplicate, not a second check-in).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from clerk_app.db.models import Service, Ticket
from clerk_app.db.screens_models import APPOINTMENT_PHONE, Appointment
from clerk_app.intake.outbox import Operation, enqueue
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.queue.appointments import (
    BOOKED,
    CANCELLED,
    CHECKED_IN,
    NO_SHOW,
    AppointmentRules,
    lookup_hasher,
    mark_no_shows,
    missed,
)
from clerk_app.queue.hall import HallRules, enrolled_rules
from clerk_app.sync import state
from clerk_app.sync.client import Transport, parse
from clerk_app.sync.payload import wire_time
from onewindow_base.clock import Clock
from onewindow_base.crashpoint import crashpoint
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.wire.appointments import AppointmentSet, DeviceBooking

log = logging.getLogger(__name__)

REPORTED_KIND = {
    CHECKED_IN: "appointment.check_in",
    NO_SHOW: "appointment.no_show",
    CANCELLED: "appointment.cancel",
}


@dataclass
class AppointmentsPulled:
    received: int = 0  # bookings in the reply (0 when nothing changed)
    new: int = 0
    cancelled: int = 0  # cancelled on the server since the last pull
    unplaced: int = 0  # for a service this hall does not have, or a code a hall import holds


def bookings_mark(revision: int | None, first: dt.date, days: int) -> str | None:
    """What a pull is known by: hello's bookings revision with the days pulled (None: the
    server gives no revision, so every cycle pulls)."""
    return None if revision is None else f"{revision}@{first.isoformat()}+{days}"


def _slot_minutes(slot: str) -> int:
    hours, minutes = slot.split(":")
    return int(hours) * 60 + int(minutes)


class AppointmentSync:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        clock: Clock,
        rules: AppointmentRules,
        days: int,
    ) -> None:
        self.db = db
        self.protector = protector
        self.clock = clock
        self.rules = rules
        self.days = days
        self._id_hash = lookup_hasher(protector.lookup_hash)

    # ------------------------------------------------------------------ pull
    def pull(self, t: Transport, hall_code: str | None, revision: int | None) -> AppointmentsPulled:
        """The hall's days from the server, unless ``revision`` (hello's bookings revision;
        None from a server that does not give it) and the days are those last pulled."""
        row, rules = self.db.run_read(lambda s: (state.load(s), enrolled_rules(s, hall_code)))
        today = rules.day(self.clock.now_ms())  # the hall's own day, in its time zone
        mark = bookings_mark(revision, today, self.days)
        if mark is not None and mark == row.appointments_mark:
            return AppointmentsPulled()
        held = row.appointments_etag
        headers = {"If-None-Match": held} if held else {}
        params: dict[str, str | int] = {"from": today.isoformat(), "days": self.days}
        response = t.request(
            "GET", paths.APPOINTMENTS, ok=(200, 304), headers=headers, params=params
        )
        if response.status_code == 304:
            if mark is not None:
                self.db.run_write(lambda s: self._marked(s, mark))
            return AppointmentsPulled()
        published = parse(AppointmentSet, response)

        def work(session: Session) -> AppointmentsPulled:
            hall = enrolled_rules(session, hall_code)
            services = dict(
                session.execute(
                    select(Service.code, Service.id).where(Service.hall_id == hall.hall_id)
                ).all()
            )
            pulled = AppointmentsPulled(received=len(published.bookings))
            for booking in published.bookings:
                self._apply(session, hall, services, booking, pulled)
            crashpoint("appointments.before_commit")
            state.load(session, for_update=True).appointments_etag = published.etag
            self._marked(session, mark)
            return pulled

        pulled = self.db.run_write(work)
        if pulled.unplaced:
            log.info("%d booking(s) for services or codes this hall cannot place", pulled.unplaced)
        return pulled

    @staticmethod
    def _marked(session: Session, mark: str | None) -> None:
        state.load(session, for_update=True).appointments_mark = mark

    def _apply(
        self,
        session: Session,
        hall: HallRules,
        services: dict[str, int],
        b: DeviceBooking,
        pulled: AppointmentsPulled,
    ) -> None:
        row = session.scalars(select(Appointment).where(Appointment.server_id == str(b.id))).first()
        status = b.status.value
        if row is None:
            service_id = services.get(b.service_code)
            taken = session.scalar(
                select(Appointment.id).where(
                    Appointment.hall_id == hall.hall_id, Appointment.code == b.code
                )
            )
            if service_id is None or taken is not None:
                pulled.unplaced += 1
                return
            session.add(
                Appointment(
                    hall_id=hall.hall_id,
                    code=b.code,
                    service_id=service_id,
                    day=b.date,
                    slot_min=_slot_minutes(b.slot),
                    server_id=str(b.id),
                    status=status,
                    cancelled_by=b.cancelled_by.value if b.cancelled_by else None,
                    id_hash=self._id_hash(b.id_number),
                    phone_enc=self.protector.encrypt(b.phone, context=APPOINTMENT_PHONE),
                    reported=status,
                )
            )
            pulled.new += 1
            return
        if row.status != BOOKED or status == BOOKED:
            return  # the hall's own news wins; the server hears of it
        row.status = status
        row.reported = status
        row.cancelled_by = b.cancelled_by.value if b.cancelled_by else None
        pulled.cancelled += status == CANCELLED

    # ------------------------------------------------------------------ report
    def _due(self, session: Session) -> list[tuple[Appointment, str | None, int | None]]:
        return [
            (a, number, issued)
            for a, number, issued in session.execute(
                select(Appointment, Ticket.number, Ticket.issued_ms)
                .outerjoin(Ticket, Ticket.id == Appointment.ticket_id)
                .where(
                    Appointment.server_id.is_not(None),
                    Appointment.status.in_((CHECKED_IN, NO_SHOW, CANCELLED)),
                    or_(Appointment.reported.is_(None), Appointment.reported != Appointment.status),
                )
                .order_by(Appointment.id)
            ).all()
        ]

    def needs_report(self, session: Session, hall_code: str | None) -> bool:
        """Whether :meth:`report` has anything to write (an idle cycle writes nothing)."""
        if self._due(session):
            return True
        hall = enrolled_rules(session, hall_code)
        return bool(missed(session, hall, self.rules, self.clock.now_ms()))

    def report(self, hall_code: str | None) -> int:
        """Mark the no-shows and put every unreported change in the outbox; how many."""
        now = self.clock.now_ms()

        def work(session: Session) -> int:
            hall = enrolled_rules(session, hall_code)
            mark_no_shows(session, hall, self.rules, now)
            session.flush()
            due = self._due(session)
            for row, ticket_number, issued_ms in due:
                payload: dict[str, Any] = {
                    "booking_id": row.server_id,
                    "code": row.code,
                    "hall_code": hall.code,
                }
                if row.status == CHECKED_IN:
                    payload["ticket_number"] = ticket_number or "-"
                    payload["checked_in_at"] = wire_time(issued_ms or row.checked_in_ms or now)
                elif row.status == NO_SHOW:
                    payload["marked_at"] = wire_time(row.no_show_ms or now)
                else:
                    payload["cancelled_at"] = wire_time(now)
                op = Operation(REPORTED_KIND[row.status], row.server_id, payload)
                enqueue(session, self.protector, op, now)
                row.reported = row.status
            return len(due)

        return self.db.run_write(work)
