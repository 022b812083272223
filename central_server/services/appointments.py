"""Appointments booked online: places per slot, booking codes, cancellation both ways, the
hall's pull of its days, and what the counters report (check-ins, no-shows, hall cancels).

The applicant's ID number and phone are encrypted under the server's key ring (contexts
:data:`ID_NUMBER` and :data:`PHONE`); the ID number's HMAC under the ring's lookup key finds
a person's no-shows and proves an applicant's cancellation, so neither is kept in clear.

A slot's places are one ``booking_slot`` row per (hall, service, day, slot): a booking takes a
place with one conditional UPDATE (``taken < capacity``) in the booking's transaction. SQLite
serialises writers (``BEGIN IMMEDIATE``); on PostgreSQL the second of two racing UPDATEs waits
for the first's row lock and re-checks the condition, so the last place goes to exactly one.

Every change of a booking first moves its hall's ``booking_revision`` (one upsert, the hall's
row lock taken before any other, so two changes never lock in opposite orders). Hello carries
the revision; a counter pulls its bookings only when it moved or its days did.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import uuid
from typing import Any, overload
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Booking, BookingCapacity, BookingRevision, BookingSlot, Hall
from central_server.services.common import (
    canonical_json,
    etag_matches,
    ms_to_datetime,
    sha256_text,
)
from central_server.services.errors import Refusal, Refused
from central_server.services.intake import Apply, conflict, rejected
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_protocol.wire.appointments import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CODE_PREFIX,
    MAX_PULL_DAYS,
    AppointmentCancelV1,
    AppointmentCheckInV1,
    AppointmentNoShowV1,
    AppointmentSet,
    BookingCancel,
    BookingRequest,
    BookingStatus,
    CancelledBy,
    DeviceBooking,
)
from onewindow_protocol.wire.appointments import Booking as BookingReply

CODE_ATTEMPTS = 8
ID_NUMBER = "central.booking_id_number"  # the encryption and lookup-hash contexts
PHONE = "central.booking_phone"
APPOINTMENT_PAYLOADS = (AppointmentCheckInV1, AppointmentNoShowV1, AppointmentCancelV1)


def new_code() -> str:
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def slot_minutes(slot: str) -> int:
    hours, minutes = slot.split(":")
    return int(hours) * 60 + int(minutes)


def slot_text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def reply(row: Booking) -> BookingReply:
    return BookingReply(
        id=uuid.UUID(row.id),
        code=row.code,
        hall_code=row.hall_code,
        service_code=row.service_code,
        date=row.day,
        slot=slot_text(row.slot_min),
        status=BookingStatus(row.status),
        cancelled_by=CancelledBy(row.cancelled_by) if row.cancelled_by else None,
        created_at=ms_to_datetime(row.created_ms),
        updated_at=ms_to_datetime(row.updated_ms),
    )


def id_hash(ctx: ServerContext, id_number: str) -> str:
    return PersonalDataCipher(ctx.blobs.ring).lookup_hash(id_number.upper(), context=ID_NUMBER)


def _device_reply(row: Booking, cipher: PersonalDataCipher) -> DeviceBooking:
    return DeviceBooking(
        **reply(row).model_dump(),
        id_number=cipher.decrypt(row.id_number_enc, context=ID_NUMBER),
        phone=cipher.decrypt(row.phone_enc, context=PHONE),
    )


def _hall_now(ctx: ServerContext) -> dt.datetime:
    return dt.datetime.fromtimestamp(ctx.now_ms() / 1000, ZoneInfo(ctx.settings.timezone))


def per_slot(session: Session, ctx: ServerContext, hall_code: str, service_code: str) -> int:
    own = session.get(BookingCapacity, (hall_code, service_code))
    return ctx.settings.booking_per_slot if own is None else own.per_slot


def _dialect(session: Session) -> Any:
    return postgresql if session.get_bind().dialect.name == "postgresql" else sqlite


def _moved(session: Session, hall_code: str) -> None:
    """Move the hall's bookings revision (:class:`BookingRevision`); first thing in a change's
    transaction, so every change takes this hall's row lock before any other."""
    insert = _dialect(session).insert(BookingRevision).values(hall_code=hall_code, revision=1)
    session.execute(
        insert.on_conflict_do_update(
            index_elements=[BookingRevision.hall_code],
            set_={"revision": BookingRevision.revision + 1},
        )
    )


def revision(session: Session, hall_code: str) -> int:
    """The hall's bookings revision (0: none of its bookings has ever changed)."""
    held = session.scalar(
        select(BookingRevision.revision).where(BookingRevision.hall_code == hall_code)
    )
    return int(held or 0)


def _take_place(session: Session, key: dict[str, object], capacity: int) -> bool:
    session.execute(
        _dialect(session).insert(BookingSlot).values(**key, taken=0).on_conflict_do_nothing()
    )
    taken = session.execute(
        update(BookingSlot)
        .where(*(getattr(BookingSlot, k) == v for k, v in key.items()))
        .where(BookingSlot.taken < capacity)
        .values(taken=BookingSlot.taken + 1)
        .execution_options(synchronize_session=False)
    )
    return bool(taken.rowcount == 1)  # type: ignore[attr-defined]


def _free_place(session: Session, row: Booking) -> None:
    session.execute(
        update(BookingSlot)
        .where(
            BookingSlot.hall_code == row.hall_code,
            BookingSlot.service_code == row.service_code,
            BookingSlot.day == row.day,
            BookingSlot.slot_min == row.slot_min,
            BookingSlot.taken > 0,
        )
        .values(taken=BookingSlot.taken - 1)
        .execution_options(synchronize_session=False)
    )


def _check_open(ctx: ServerContext, request: BookingRequest) -> None:
    now = _hall_now(ctx)
    last = now.date() + dt.timedelta(days=ctx.settings.booking_horizon_days)
    starts = now.hour * 60 + now.minute
    if not now.date() <= request.date <= last or (
        request.date == now.date() and slot_minutes(request.slot) <= starts
    ):
        raise Refused(
            Refusal.BOOKING_CLOSED,
            f"bookings are open from the next slot today until {last.isoformat()}",
        )


def _no_shows(session: Session, ctx: ServerContext, id_number: str) -> int:
    since = _hall_now(ctx).date() - dt.timedelta(days=ctx.settings.no_show_window_days)
    count = session.scalar(
        select(func.count())
        .select_from(Booking)
        .where(
            Booking.id_number_hash == id_hash(ctx, id_number),
            Booking.status == BookingStatus.NO_SHOW.value,
            Booking.day >= since,
        )
    )
    return int(count or 0)


def book(ctx: ServerContext, request: BookingRequest) -> BookingReply:
    _check_open(ctx, request)
    now = ctx.now_ms()
    cipher = PersonalDataCipher(ctx.blobs.ring)
    key: dict[str, object] = {
        "hall_code": request.hall_code,
        "service_code": request.service_code,
        "day": request.date,
        "slot_min": slot_minutes(request.slot),
    }

    def work(session: Session) -> BookingReply:
        if session.get(Hall, request.hall_code) is None:
            raise Refused(Refusal.HALL_NOT_FOUND, f"no hall {request.hall_code}")
        _moved(session, request.hall_code)
        limit = ctx.settings.no_show_limit
        if _no_shows(session, ctx, request.id_number) >= limit:
            days = ctx.settings.no_show_window_days
            raise Refused(
                Refusal.NO_SHOW_LIMIT,
                f"{limit} missed appointments in {days} days: book at the hall's desk",
            )
        capacity = per_slot(session, ctx, request.hall_code, request.service_code)
        if not _take_place(session, key, capacity):
            raise Refused(Refusal.SLOT_FULL, f"the {request.slot} slot is full", capacity=capacity)
        for _ in range(CODE_ATTEMPTS):
            row = Booking(
                id=str(uuid.uuid4()),
                code=new_code(),
                id_number_enc=cipher.encrypt(request.id_number, context=ID_NUMBER),
                id_number_hash=id_hash(ctx, request.id_number),
                phone_enc=cipher.encrypt(request.phone, context=PHONE),
                status=BookingStatus.BOOKED.value,
                created_ms=now,
                updated_ms=now,
                **key,
            )
            savepoint = session.begin_nested()
            session.add(row)
            try:
                session.flush()
            except IntegrityError:  # the code is taken in this hall: draw another
                savepoint.rollback()
                continue
            savepoint.commit()
            return reply(row)
        raise RuntimeError("no free booking code after several draws")

    return ctx.db.run_write(work)


def _find(session: Session, hall_code: str, code: str) -> Booking:
    row = session.scalars(
        select(Booking).where(Booking.hall_code == hall_code, Booking.code == code.upper())
    ).first()
    if row is None:
        raise Refused(Refusal.BOOKING_NOT_FOUND, f"no booking {code} in hall {hall_code}")
    return row


def _cancel_row(session: Session, row: Booking, by: CancelledBy, now: int) -> None:
    """Cancelled (and the revision moved) unless it already is; refused once checked in or
    missed."""
    if row.status == BookingStatus.CANCELLED.value:
        return
    if row.status != BookingStatus.BOOKED.value:
        raise Refused(Refusal.INVALID_TRANSITION, f"the booking is {row.status}")
    _moved(session, row.hall_code)
    row.status = BookingStatus.CANCELLED.value
    row.cancelled_by = by.value
    row.updated_ms = now
    _free_place(session, row)


def cancel(ctx: ServerContext, hall_code: str, code: str, request: BookingCancel) -> BookingReply:
    """By the applicant (the ID number must match) or by the hall; cancelling twice is one."""
    now = ctx.now_ms()

    def work(session: Session) -> BookingReply:
        row = _find(session, hall_code, code)
        if request.by is CancelledBy.APPLICANT and not hmac.compare_digest(
            id_hash(ctx, request.id_number or ""), row.id_number_hash
        ):
            raise Refused(Refusal.BOOKING_NOT_FOUND, f"no booking {code} for this ID number")
        _cancel_row(session, row, request.by, now)
        return reply(row)

    return ctx.db.run_write(work)


def list_bookings(ctx: ServerContext, hall_code: str, day: dt.date | None) -> list[BookingReply]:
    query = select(Booking).where(Booking.hall_code == hall_code)
    if day is not None:
        query = query.where(Booking.day == day)
    with ctx.db.read() as session:
        rows = session.scalars(query.order_by(Booking.day, Booking.slot_min, Booking.code))
        return [reply(r) for r in rows]


def no_show_count(ctx: ServerContext, id_number: str) -> int:
    with ctx.db.read() as session:
        return _no_shows(session, ctx, id_number)


def set_capacity(ctx: ServerContext, hall_code: str, service_code: str, places: int) -> None:
    def work(session: Session) -> None:
        row = session.get(BookingCapacity, (hall_code, service_code))
        if row is None:
            session.add(
                BookingCapacity(hall_code=hall_code, service_code=service_code, per_slot=places)
            )
        else:
            row.per_slot = places

    ctx.db.run_write(work)


@overload
def hall_set(ctx: ServerContext, hall_code: str, first: dt.date, days: int) -> AppointmentSet: ...
@overload
def hall_set(
    ctx: ServerContext, hall_code: str, first: dt.date, days: int, *, unless: str | None
) -> AppointmentSet | str: ...
def hall_set(
    ctx: ServerContext, hall_code: str, first: dt.date, days: int, *, unless: str | None = None
) -> AppointmentSet | str:
    """Every booking of the hall's days (cancelled ones too, so a cancellation reaches the
    counter); the ETag is the digest of what changes a booking: id, status, update time. When
    that ETag matches ``unless`` (the counter's If-None-Match), only the ETag: nothing is
    decrypted for a reply that is 304 Not Modified."""
    days = max(1, min(days, MAX_PULL_DAYS))
    last = first + dt.timedelta(days=days - 1)
    with ctx.db.read() as session:
        rows = list(
            session.scalars(
                select(Booking)
                .where(Booking.hall_code == hall_code, Booking.day.between(first, last))
                .order_by(Booking.day, Booking.slot_min, Booking.code)
            )
        )
    digest = sha256_text(
        canonical_json([first.isoformat(), days, *([r.id, r.status, r.updated_ms] for r in rows)])
    )
    etag = f'"{digest}"'
    if unless is not None and etag_matches(unless, etag):
        return etag
    cipher = PersonalDataCipher(ctx.blobs.ring)
    return AppointmentSet(
        etag=etag,
        from_date=first,
        days=days,
        bookings=[_device_reply(r, cipher) for r in rows],
    )


# --- what the counters report (operations) ----------------------------------------------------


def _booking_of(a: Apply, booking_id: uuid.UUID, hall_code: str, code: str) -> Booking:
    if hall_code != a.hall_code:
        raise rejected("wrong_hall", "the booking is for another hall than this device's")
    row = a.session.get(Booking, str(booking_id))
    if row is None or row.hall_code != hall_code or row.code != code:
        raise rejected("unknown_booking", "no such booking in this hall")
    return row


def apply_appointment(
    a: Apply, payload: AppointmentCheckInV1 | AppointmentNoShowV1 | AppointmentCancelV1
) -> None:
    row = _booking_of(a, payload.booking_id, payload.hall_code, payload.code)
    if isinstance(payload, AppointmentCheckInV1):
        # The ticket was issued at the hall: a fact, even if the booking was cancelled online
        # meanwhile (the counter had not pulled the cancellation yet).
        _moved(a.session, row.hall_code)
        row.cancelled_by = None
        row.status = BookingStatus.CHECKED_IN.value
        row.updated_ms = a.now_ms
    elif isinstance(payload, AppointmentNoShowV1):
        if row.status == BookingStatus.CHECKED_IN.value:
            raise conflict("already_checked_in", "the booking was checked in")
        if row.status == BookingStatus.CANCELLED.value:
            return  # cancelled before it was missed: not a no-show
        _moved(a.session, row.hall_code)
        row.status = BookingStatus.NO_SHOW.value
        row.updated_ms = a.now_ms
    else:
        try:
            _cancel_row(a.session, row, CancelledBy.HALL, a.now_ms)
        except Refused as exc:
            raise conflict("invalid_transition", exc.message) from None
    a.session.flush()


def hall_of_code(ctx: ServerContext, code: str) -> str:
    """The hall whose booking has ``code``; refused when none or several have it."""
    with ctx.db.read() as session:
        halls = list(session.scalars(select(Booking.hall_code).where(Booking.code == code.upper())))
    if len(halls) != 1:
        problem = "no booking" if not halls else "several halls have a booking"
        raise Refused(Refusal.BOOKING_NOT_FOUND, f"{problem} {code}: name the hall (--hall)")
    return halls[0]
