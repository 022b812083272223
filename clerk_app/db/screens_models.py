"""Tables the hall screens add to the queue: appointments booked online, checked in at the kiosk.

The booking itself (who booked, for what) stays in the booking system; the hall only keeps the
code printed on the booking confirmation, the service and the day, so the kiosk holds no
personal data.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base


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

    __table_args__ = (UniqueConstraint("hall_id", "code"),)
