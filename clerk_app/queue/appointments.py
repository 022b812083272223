"""Appointment check-in: a booking becomes an appointment-class ticket at the kiosk.

Check-in takes three short transactions so that issuing stays the engine's own hot path:
claim the appointment (a conditional update, so two kiosks cannot both check it in), issue the
ticket, link the ticket. A refused issue (past the cut-off, the service full) releases the
claim, so nothing is left half-done; a claim whose kiosk died before linking a ticket goes
stale after :data:`STALE_CLAIM_MS` and may be checked in again.

Bookings made online arrive by sync (``clerk_app.sync.appointments``) and check in offline
like any other: the kiosk only needs this database. The hall's rules
(:class:`AppointmentRules`) say from when before its slot a booking checks in and until when
after it; past that it is a no-show (:func:`mark_no_shows`). An ID card finds its holder's
bookings by a keyed hash of the number (the kiosk needs the hall key for it).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.db.models import Service
from clerk_app.db.screens_models import APPOINTMENT_ID, Appointment
from clerk_app.db.sync_models import SyncState
from clerk_app.queue.hall import HallRules
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import IssuedTicket, PriorityClass, QueueRefused, RefusalCode
from onewindow_protocol.wire.appointments import BookingStatus

STALE_CLAIM_MS = 60_000
CODE_PATTERN = re.compile(r"^[A-Z0-9-]{4,32}$")
# A booking's status, in the wire's words (stored as text in the appointment table).
BOOKED, CANCELLED = BookingStatus.BOOKED.value, BookingStatus.CANCELLED.value
CHECKED_IN, NO_SHOW = BookingStatus.CHECKED_IN.value, BookingStatus.NO_SHOW.value
MINUTE_MS = 60_000
# The letters of booking codes (the server's alphabet has no I, L or O): the kiosk's keypad.
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"

IdHash = Callable[[str], str]  # a normalised ID number → its keyed lookup hash


def normalise_code(raw: str) -> str:
    """Typed or scanned: full-width characters folded (NFKC), spaces dropped, upper case; a
    QR code holding a link gives its ``code`` parameter (``https://…/check-in?code=YY-…``)."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if "://" in text:
        found = parse_qs(urlsplit(text).query).get("code")
        text = found[0] if found else ""
    return re.sub(r"\s+", "", text).upper()


def id_hash_input(id_number: str) -> str:
    """The form hashed: full-width folded, spaces dropped, the check letter upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", id_number)).upper()


def lookup_hasher(hasher: Callable[..., str]) -> IdHash:
    """``PersonalDataCipher.lookup_hash`` bound to the bookings' context."""
    return lambda number: hasher(id_hash_input(number), context=APPOINTMENT_ID)


@dataclass(frozen=True, slots=True)
class AppointmentRules:
    """The hall's appointment rules (``[appointments]`` in the settings)."""

    slot_minutes: int = 30
    early_minutes: int = 60  # a booking checks in from this long before its slot
    grace_minutes: int = 15  # … until this long after its slot's end; later it is a no-show

    def window_ms(self, hall: HallRules, day: dt.date, slot_min: int) -> tuple[int, int]:
        """From when until when (hall time, milliseconds) the booking may check in."""
        start = dt.datetime.combine(day, dt.time(0), hall.tz) + dt.timedelta(minutes=slot_min)
        start_ms = int(start.timestamp() * 1000)
        first = start_ms - self.early_minutes * MINUTE_MS
        last = start_ms + (self.slot_minutes + self.grace_minutes) * MINUTE_MS
        return first, last


@dataclass(frozen=True, slots=True)
class BookingChoice:
    """One of an ID card holder's bookings today, for the kiosk to offer."""

    code: str
    service_code: str
    service_name_zh: str
    service_name_en: str
    slot_min: int | None


@dataclass(frozen=True, slots=True)
class _Claim:
    appointment_id: int
    service_code: str


def missed(session: Session, hall: HallRules, rules: AppointmentRules, now: int) -> list[int]:
    """The bookings still open after their slot and grace time (a stale claim counts as
    open: the kiosk that claimed it died before issuing the ticket)."""
    today = hall.day(now)
    rows = session.execute(
        select(Appointment.id, Appointment.day, Appointment.slot_min).where(
            Appointment.hall_id == hall.hall_id,
            Appointment.status == BOOKED,
            Appointment.ticket_id.is_(None),
            or_(
                Appointment.checked_in_ms.is_(None),
                Appointment.checked_in_ms < now - STALE_CLAIM_MS,
            ),
            Appointment.day <= today,
        )
    ).all()
    return [
        appointment_id
        for appointment_id, day, slot_min in rows
        if day < today or (slot_min is not None and rules.window_ms(hall, day, slot_min)[1] < now)
    ]


def mark_no_shows(session: Session, hall: HallRules, rules: AppointmentRules, now: int) -> int:
    """Bookings still open after their slot and grace time become no-shows; how many now."""
    found = missed(session, hall, rules, now)
    if found:
        session.execute(
            update(Appointment)
            .where(Appointment.id.in_(found), Appointment.status == BOOKED)
            .values(status=NO_SHOW, no_show_ms=now)
            .execution_options(synchronize_session=False)
        )
    return len(found)


class AppointmentDesk:
    """Books (for imports and tests), checks in and cancels appointments of one hall."""

    def __init__(
        self,
        queue: QueueService,
        rules: AppointmentRules | None = None,
        id_hash: IdHash | None = None,
    ) -> None:
        self._queue = queue
        self._db = queue.db
        self._hall_id = queue.rules.hall_id
        self._rules = rules or AppointmentRules()
        self._id_hash = id_hash

    @property
    def matches_id_cards(self) -> bool:
        """Whether this desk can find bookings by ID card (it holds the hall key)."""
        return self._id_hash is not None

    @open_to_clerks
    def book(
        self,
        code: str,
        service_code: str,
        day: dt.date,
        slot_min: int | None = None,
        *,
        id_number: str | None = None,
    ) -> None:
        """Record a booking made elsewhere (the online booking system's import); with the
        holder's ID number (kept as its keyed hash) the booking also checks in by ID card."""
        clean = self._valid(code)
        if id_number is not None and self._id_hash is None:
            raise QueueRefused(RefusalCode.INVALID_ARGUMENT, "no hall key for the ID number")
        digest = None if id_number is None else self._id_hash(id_number)  # type: ignore[misc]

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
                    status=BOOKED,
                    id_hash=digest,
                )
            )

        self._db.run_write(work)

    @open_to_clerks
    def check_in(self, code: str, service_code: str | None = None) -> IssuedTicket:
        """Issue the booking's ticket; ``service_code``: refused unless it is the booking's."""
        clean = self._valid(code)
        claim = self._db.run_write(lambda s: self._claim(s, clean, service_code))
        try:
            issued = self._queue.issue(
                claim.service_code, PriorityClass.APPOINTMENT, appointment_ref=clean
            )
        except BaseException:
            self._db.run_write(lambda s: self._release(s, claim.appointment_id))
            raise
        self._db.run_write(lambda s: self._link(s, claim.appointment_id, issued))
        return issued

    @open_to_clerks
    def bookings_for_card(self, id_number: str) -> list[BookingChoice]:
        """The card holder's bookings today in this hall that may check in now."""
        if self._id_hash is None:
            raise QueueRefused(RefusalCode.NO_APPOINTMENT_FOR_CARD, "no hall key on this PC")
        digest = self._id_hash(id_number)
        now = self._queue.now_ms()
        hall = self._queue.rules

        def work(session: Session) -> list[BookingChoice]:
            rows = session.execute(
                select(Appointment.code, Appointment.slot_min, Service)
                .join(Service, Service.id == Appointment.service_id)
                .where(
                    Appointment.hall_id == self._hall_id,
                    Appointment.id_hash == digest,
                    Appointment.day == hall.day(now),
                    Appointment.status == BOOKED,
                    Appointment.ticket_id.is_(None),
                )
                .order_by(Appointment.slot_min, Appointment.code)
            ).all()
            return [
                BookingChoice(code, s.code, s.name_zh, s.name_en, slot_min)
                for code, slot_min, s in rows
                if slot_min is None
                or now <= self._rules.window_ms(hall, hall.day(now), slot_min)[1]
            ]

        found = self._db.run_read(work)
        if not found:
            raise QueueRefused(RefusalCode.NO_APPOINTMENT_FOR_CARD)
        return found

    @open_to_clerks
    def cancel(self, code: str) -> None:
        """Cancelled by the hall (the applicant asked at the desk); the sync tells the server."""
        clean = self._valid(code)

        def work(session: Session) -> None:
            row = session.scalars(
                select(Appointment).where(
                    Appointment.hall_id == self._hall_id, Appointment.code == clean
                )
            ).first()
            if row is None:
                raise QueueRefused(RefusalCode.UNKNOWN_APPOINTMENT, clean)
            if row.status == CANCELLED:
                return
            if row.status != BOOKED or row.ticket_id is not None:
                raise QueueRefused(RefusalCode.ALREADY_CHECKED_IN, clean)
            row.status = CANCELLED
            row.cancelled_by = "hall"

        self._db.run_write(work)

    @open_to_clerks
    def pulled_ms(self) -> int | None:
        """When the bookings were last pulled from the central server: the last successful
        sync, which pulls them (None: this PC never synced)."""
        return self._db.run_read(
            lambda s: s.scalar(
                select(SyncState.last_success_ms).where(SyncState.appointments_etag.is_not(None))
            )
        )

    @staticmethod
    def _valid(code: str) -> str:
        clean = normalise_code(code)
        if not CODE_PATTERN.match(clean):
            raise QueueRefused(RefusalCode.UNKNOWN_APPOINTMENT, "malformed code")
        return clean

    def _refuse(self, code: str, status: str, day: dt.date, slot_min: int | None) -> None:
        now = self._queue.now_ms()
        hall = self._queue.rules
        if status == CANCELLED:
            raise QueueRefused(RefusalCode.APPOINTMENT_CANCELLED, code)
        if status == CHECKED_IN:
            raise QueueRefused(RefusalCode.ALREADY_CHECKED_IN, code)
        if day != hall.day(now):
            raise QueueRefused(RefusalCode.APPOINTMENT_NOT_TODAY, code)
        if status == NO_SHOW:
            raise QueueRefused(RefusalCode.APPOINTMENT_TOO_LATE, code)
        if slot_min is not None:
            first, last = self._rules.window_ms(hall, day, slot_min)
            if now < first:
                raise QueueRefused(RefusalCode.APPOINTMENT_TOO_EARLY, code)
            if now > last:
                raise QueueRefused(RefusalCode.APPOINTMENT_TOO_LATE, code)

    def _claim(self, session: Session, code: str, wanted: str | None) -> _Claim:
        now = self._queue.now_ms()
        row = session.execute(
            select(
                Appointment.id,
                Appointment.day,
                Appointment.slot_min,
                Appointment.status,
                Appointment.ticket_id,
                Service.code,
            )
            .join(Service, Service.id == Appointment.service_id)
            .where(Appointment.hall_id == self._hall_id, Appointment.code == code)
        ).first()
        if row is None:
            raise QueueRefused(RefusalCode.UNKNOWN_APPOINTMENT, code)
        appointment_id, day, slot_min, status, ticket_id, service_code = row
        if ticket_id is not None:
            raise QueueRefused(RefusalCode.ALREADY_CHECKED_IN, code)
        self._refuse(code, status, day, slot_min)
        if wanted is not None and wanted != service_code:
            raise QueueRefused(RefusalCode.APPOINTMENT_OTHER_SERVICE, f"booked for {service_code}")
        claimed = session.execute(
            update(Appointment)
            .where(
                Appointment.id == appointment_id,
                Appointment.ticket_id.is_(None),
                Appointment.status == BOOKED,
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
        # A cancellation pulled while the ticket was issued does not undo the ticket: the
        # applicant is here, and the server hears of the check-in.
        session.execute(
            update(Appointment)
            .where(Appointment.id == appointment_id)
            .values(ticket_id=issued.ticket.ticket_id, status=CHECKED_IN)
            .execution_options(synchronize_session=False)
        )
