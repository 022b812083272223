"""Tables the hall screens add to the queue: appointments booked online, checked in at the kiosk.

Bookings made online come from the central server (``clerk_app.appointments.pull``): the
code printed on the confirmation, the service, day and slot, the status, and for the kiosk's
ID-card check-in a keyed hash of the ID number (never the number itself); the phone is kept
encrypted. A booking made at the hall (an import) has no server id and nothing to report back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.crypto.registry import encrypted
from clerk_app.db.models import Base

# The contexts of the booking's personal data: the ID number's lookup hash, the phone.
APPOINTMENT_ID = "appointment.id_number"
APPOINTMENT_PHONE = "appointment.phone"


class Appointment(Base):
    __tablename__ = "appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    code: Mapped[str] = mapped_column(String(32))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    slot_min: Mapped[int | None] = mapped_column(Integer, nullable=True)  # minutes after midnight
    # Set when a kiosk claims the appointment; the ticket follows in a second transaction.
    checked_in_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    ticket_id: Mapped[int | None] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), ForeignKey("ticket.id"), nullable=True
    )

    # From the central server (NULL for a booking made at the hall):
    server_id: Mapped[str | None] = mapped_column(String(36), nullable=True, unique=True)
    # booked | cancelled | checked_in | no_show
    status: Mapped[str] = mapped_column(String(16), server_default=text("'booked'"))
    cancelled_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    phone_enc: Mapped[str | None] = mapped_column(
        Text, nullable=True, info=encrypted(APPOINTMENT_PHONE)
    )
    # What the central server was last told of this booking (its status then): the sync
    # reports a change once, through the outbox, in the transaction that records it here.
    reported: Mapped[str | None] = mapped_column(String(16), nullable=True)
    no_show_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)

    __table_args__ = (
        UniqueConstraint("hall_id", "code"),
        Index("ix_appointment_hall_day", "hall_id", "day"),
        Index("ix_appointment_id_hash", "id_hash"),
    )
