"""Tables of what happens after the decision: handovers, service ratings and their follow-ups."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base


class CaseHandover(Base):
    """The one handover of a case's result (出件): a second one is refused by the unique case."""

    __tablename__ = "case_handover"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"), unique=True)
    certificate_number: Mapped[str] = mapped_column(String(80))
    # The case's item, copied so the figures group handovers by item without a join.
    catalogue_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    item_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    method: Mapped[str] = mapped_column(String(16))  # pickup | mail
    recipient_name: Mapped[str] = mapped_column(String(200))
    recipient_id_masked: Mapped[str | None] = mapped_column(String(40), nullable=True)
    on_behalf: Mapped[bool] = mapped_column(Boolean)
    courier: Mapped[str | None] = mapped_column(String(100), nullable=True)
    tracking_no: Mapped[str | None] = mapped_column(String(100), nullable=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    handed_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        CheckConstraint("method IN ('pickup', 'mail')", name="method"),
        Index(
            "ix_case_handover_handed", "handed_ms", "user_id", "catalogue_version_id", "item_code"
        ),
    )


class ServiceRating(Base):
    """One rating of one on-site service (好差评), given on the window's rating device."""

    __tablename__ = "service_rating"

    id: Mapped[int] = mapped_column(primary_key=True)
    rating_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    window_number: Mapped[int] = mapped_column(Integer)
    ticket_id: Mapped[int] = mapped_column(Integer, unique=True)  # one rating per service
    case_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The case's item, copied so the figures group ratings by item without a join.
    catalogue_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    item_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    device_user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    channel: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer)  # the overall level, 1..5
    efficiency: Mapped[int] = mapped_column(Integer)
    competence: Mapped[int] = mapped_column(Integer)
    attitude: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    # A bad rating's reasons (差评原因): their codes comma-separated, and the applicant's words
    # (phone and ID numbers masked). NULL on a rating of 3 and above.
    reasons: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reason_text: Mapped[str | None] = mapped_column(String(400), nullable=True)
    rated_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 5", name="level"),
        CheckConstraint("efficiency BETWEEN 1 AND 5", name="efficiency"),
        CheckConstraint("competence BETWEEN 1 AND 5", name="competence"),
        CheckConstraint("attitude BETWEEN 1 AND 5", name="attitude"),
        Index("ix_service_rating_rated", "hall_id", "rated_ms"),
        # Covers the figures' ratings query: every column it reads, in time order.
        Index(
            "ix_service_rating_figures",
            "rated_ms",
            "level",
            "efficiency",
            "competence",
            "attitude",
            "clerk_id",
            "catalogue_version_id",
            "item_code",
        ),
    )


class RatingFollowUp(Base):
    """What the supervisor does about a bad rating, by a deadline in working days.

    ``due`` is NULL while the calendar does not know the year the deadline falls in (the
    rating is saved all the same); it is computed from ``due_from`` and ``due_working_days``
    when that year is installed (``clerk_app.ratings.deadlines``).
    """

    __tablename__ = "rating_followup"

    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("service_rating.id"), unique=True)
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    due_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # the rating's day
    due_working_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    state: Mapped[str] = mapped_column(String(16))  # open | closed
    action: Mapped[str | None] = mapped_column(String(16), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    opened_ms: Mapped[int] = mapped_column(BigInteger)
    closed_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)

    __table_args__ = (
        CheckConstraint("state IN ('open', 'closed')", name="state"),
        CheckConstraint(
            "action IS NULL OR action IN ('revisit', 'rectify', 'appeal')", name="action"
        ),
        Index("ix_rating_followup_open", "state", "due"),
    )
