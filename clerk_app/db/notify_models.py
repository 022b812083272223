"""Text-message opt-ins (短信提醒): a ticket's holder at the kiosk, a case's applicant at intake.

The phone is personal data: encrypted under the hall key ring (context :data:`NOTIFY_PHONE`),
never logged. ``status`` is what the clerk sees: ``opted_in`` until a message is asked for,
``queued`` while it waits in the outbox or at the server, then the server's ``sent``,
``delivered`` or ``failed``, or ``dropped`` (a turn-near message not sent because the ticket
was called first).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.crypto.registry import encrypted
from clerk_app.db.models import Base

NOTIFY_PHONE = "notify.phone"


class NotifyOptIn(Base):
    __tablename__ = "notify_opt_in"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("ticket.id"), unique=True, nullable=True
    )
    case_uuid: Mapped[str | None] = mapped_column(String(36), unique=True, nullable=True)
    phone_enc: Mapped[str] = mapped_column(Text, info=encrypted(NOTIFY_PHONE))
    created_ms: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # turn near
    turn_near_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    status_ms: Mapped[int] = mapped_column(BigInteger)
