"""Appointments (预约): bookings made online, the hall's pull of its days, what the counter
reports back (docs/sync-protocol.md, "Appointments").

A booking code is unambiguous when read aloud or typed from paper: ``YY-`` and six characters
from an alphabet without 0/O, 1/I/L (:data:`CODE_ALPHABET`), unique per hall.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated

from pydantic import AwareDatetime, Field, StringConstraints

from onewindow_protocol.wire.common import HallCode, Reply, Request

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PREFIX = "YY-"
CODE_LENGTH = 6
BookingCode = Annotated[str, StringConstraints(pattern=rf"^YY-[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")]
ServiceCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,16}$")]
Slot = Annotated[
    str,
    StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
]
IdNumber = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{6,40}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 -]{4,30}$")]
MAX_PULL_DAYS = 31


class BookingStatus(enum.StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    CHECKED_IN = "checked_in"
    NO_SHOW = "no_show"


class CancelledBy(enum.StrEnum):
    APPLICANT = "applicant"  # through the online service, proving the ID number
    HALL = "hall"  # the hall's staff (the counter or the back office)


class BookingRequest(Request):
    """What the online booking service sends; the ID number and phone are personal data."""

    hall_code: HallCode
    service_code: ServiceCode = Field(description="The hall's queue service (or item) code.")
    date: dt.date
    slot: Slot = Field(description="The slot's start, hall time (Asia/Shanghai), HH:MM.")
    id_number: IdNumber
    phone: Phone


class BookingCancel(Request):
    by: CancelledBy
    id_number: IdNumber | None = Field(
        default=None, description="Required when the applicant cancels: proves the booking."
    )


class Booking(Reply):
    id: uuid.UUID
    code: str = Field(description="YY- and six characters, unique per hall.")
    hall_code: str
    service_code: str
    date: dt.date
    slot: str
    status: BookingStatus
    cancelled_by: CancelledBy | None = None
    created_at: dt.datetime
    updated_at: dt.datetime


class BookingList(Reply):
    bookings: list[Booking]


class DeviceBooking(Booking):
    """A booking as the hall's counter pulls it: with the ID number (matched against an ID
    card at the kiosk) and the phone; the counter stores both encrypted or hashed."""

    id_number: str
    phone: str


class AppointmentSet(Reply):
    etag: str = Field(description="Changes whenever a booking of these days changes.")
    from_date: dt.date
    days: int
    bookings: list[DeviceBooking] = Field(
        description="Every booking of the hall on these days, cancelled ones included."
    )


class AppointmentCheckInV1(Request):
    """The kiosk (or a clerk) checked the booking in: a ticket was issued for it."""

    booking_id: uuid.UUID
    code: BookingCode
    hall_code: HallCode
    ticket_number: Annotated[str, StringConstraints(min_length=1, max_length=16)]
    checked_in_at: AwareDatetime


class AppointmentNoShowV1(Request):
    """Not checked in by the end of its slot and the hall's grace time."""

    booking_id: uuid.UUID
    code: BookingCode
    hall_code: HallCode
    marked_at: AwareDatetime


class AppointmentCancelV1(Request):
    """The hall cancelled the booking at the counter."""

    booking_id: uuid.UUID
    code: BookingCode
    hall_code: HallCode
    cancelled_at: AwareDatetime
