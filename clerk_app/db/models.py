"""Typed SQLAlchemy models of the hall and its queue.

Instants on tickets and events are stored as integer milliseconds since the Unix epoch (UTC):
both databases order and subtract them in SQL the same way, which the call-next ordering and
the statistics rely on. Calendar days are stored as dates in the hall's time zone.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TextClause,
    UniqueConstraint,
    text,
)
from sqlalchemy import (
    Enum as SaEnum,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class TicketState(enum.StrEnum):
    """A ticket's state, stored as its value (docs/queue-rules.md; the moves between them are
    ``clerk_app.queue.transitions``)."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    PARKED = "parked"
    CANCELLED = "cancelled"


class WindowState(enum.StrEnum):
    """A window's state, stored as its value."""

    CLOSED = "closed"
    OPEN = "open"
    CALLING = "calling"
    SERVING = "serving"
    PAUSED = "paused"


TICKET_STATES = tuple(state.value for state in TicketState)
# The partial index's predicate, written out: SQLite uses a partial index only when the query
# repeats its predicate with literals (bound parameters would make it scan the whole table).
ACTIVE_PREDICATE = "state IN ('called', 'serving')"
CALLABLE_PREDICATE = "state IN ('waiting', 'parked')"


def ticket_is_active() -> TextClause:
    """``ticket.state IN ('called', 'serving')``, usable by the partial index on both databases."""
    return text(f"ticket.{ACTIVE_PREDICATE}")


def ticket_is_callable() -> TextClause:
    """``ticket.state IN ('waiting', 'parked')``, usable by the partial index on both databases."""
    return text(f"ticket.{CALLABLE_PREDICATE}")


def state_column(states: type[enum.StrEnum]) -> SaEnum:
    """A state enum stored as its values, in the VARCHAR(16) the migrations created (the CHECK
    constraints are declared with the tables)."""
    return SaEnum(
        states,
        native_enum=False,
        create_constraint=False,
        length=16,
        values_callable=lambda members: [member.value for member in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Hall(Base):
    __tablename__ = "hall"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    location_zh: Mapped[str] = mapped_column(String(200), default="")
    location_en: Mapped[str] = mapped_column(String(200), default="")
    # Fairness between priority and normal tickets: "ratio" (at most N priority calls in a row
    # per window) or "aging" ((weight + 1) x time waited, plus a head start per priority class).
    fairness_mode: Mapped[str] = mapped_column(String(16), default="ratio")
    priority_ratio: Mapped[int] = mapped_column(Integer, default=2)
    priority_head_start_s: Mapped[int] = mapped_column(Integer, default=900)
    appointment_head_start_s: Mapped[int] = mapped_column(Integer, default=1200)
    max_recalls: Mapped[int] = mapped_column(Integer, default=2)
    no_show_grace_min: Mapped[int] = mapped_column(Integer, default=30)
    return_keeps_arrival: Mapped[bool] = mapped_column(Boolean, default=False)
    transfer_keeps_arrival: Mapped[bool] = mapped_column(Boolean, default=True)
    recent_service_window_min: Mapped[int] = mapped_column(Integer, default=120)

    __table_args__ = (
        CheckConstraint("fairness_mode IN ('ratio', 'aging')", name="fairness_mode"),
        CheckConstraint("priority_ratio >= 1", name="priority_ratio"),
        CheckConstraint("max_recalls >= 0", name="max_recalls"),
    )


class OpeningHours(Base):
    __tablename__ = "opening_hours"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0 = Monday
    opens_min: Mapped[int] = mapped_column(Integer)  # minutes after midnight
    closes_min: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint(
            "0 <= opens_min AND opens_min < closes_min AND closes_min <= 1440", name="span"
        ),
    )


class Service(Base):
    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    code: Mapped[str] = mapped_column(String(32))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(4))
    start_number: Mapped[int] = mapped_column(Integer, default=1)
    daily_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cutoff_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    default_service_s: Mapped[int] = mapped_column(Integer, default=600)
    wait_alert_min: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("hall_id", "code"),
        CheckConstraint("start_number >= 0", name="start_number"),
        CheckConstraint("daily_limit IS NULL OR daily_limit > 0", name="daily_limit"),
    )


class Window(Base):
    __tablename__ = "counter_window"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    number: Mapped[int] = mapped_column(Integer)
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    state: Mapped[WindowState] = mapped_column(
        state_column(WindowState), default=WindowState.CLOSED
    )
    pause_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    state_since_ms: Mapped[int] = mapped_column(BigInteger, default=0)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    priority_streak: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("hall_id", "number"),
        CheckConstraint(
            "state IN ('closed', 'open', 'calling', 'serving', 'paused')", name="state"
        ),
    )


class WindowService(Base):
    __tablename__ = "window_service"

    window_id: Mapped[int] = mapped_column(ForeignKey("counter_window.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), primary_key=True)
    weight: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (CheckConstraint("weight >= 0", name="weight"),)


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Kept in the database so a lockout survives a restart of the app.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    password_changed_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # Set when an administrator (re)sets the password: the user chooses their own at sign-in.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("false")
    )

    __table_args__ = (
        CheckConstraint(
            "role IN ('clerk', 'supervisor', 'admin', 'sysadmin', 'secadmin', 'auditadmin', "
            "'helper')",
            name="role",
        ),
    )


class DailyCounter(Base):
    """Last number issued per hall, day and prefix: the source of unique ticket numbers."""

    __tablename__ = "daily_counter"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "ticket"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    prefix: Mapped[str] = mapped_column(String(4))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(12))
    priority_class: Mapped[str] = mapped_column(String(16), default="normal")
    appointment_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    state: Mapped[TicketState] = mapped_column(
        state_column(TicketState), default=TicketState.WAITING
    )
    # The window that called the ticket (current or last); a transfer or park may also name the
    # only window allowed to call it next.
    window_id: Mapped[int | None] = mapped_column(ForeignKey("counter_window.id"), nullable=True)
    target_window_id: Mapped[int | None] = mapped_column(
        ForeignKey("counter_window.id"), nullable=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    issued_ms: Mapped[int] = mapped_column(BigInteger)
    arrival_ms: Mapped[int] = mapped_column(BigInteger)  # ordering key (kept on transfer)
    available_ms: Mapped[int] = mapped_column(BigInteger)  # callable from (park ends)
    first_called_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    called_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    started_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    finished_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    no_show_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    transferred_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # until called
    recall_count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("hall_id", "day", "prefix", "seq", name="uq_ticket_number"),
        CheckConstraint(
            "state IN ('waiting', 'called', 'serving', 'done', 'no_show', 'parked', 'cancelled')",
            name="state",
        ),
        CheckConstraint(
            "priority_class IN ('normal', 'priority', 'appointment')", name="priority_class"
        ),
        CheckConstraint(
            "state NOT IN ('called', 'serving')"
            " OR (window_id IS NOT NULL AND called_ms IS NOT NULL)",
            name="active_has_window",
        ),
        # At most one active ticket per window: a double click or a race cannot give a window
        # two tickets.
        Index(
            "uq_ticket_active_window",
            "window_id",
            unique=True,
            sqlite_where=text(ACTIVE_PREDICATE),
            postgresql_where=text(ACTIVE_PREDICATE),
        ),
        Index("ix_ticket_queue", "hall_id", "day", "state", "service_id"),
        # Call-next reads only the head of each service's and class's line (see
        # queue.selection): in arrival order, over the callable tickets alone.
        Index(
            "ix_ticket_callable",
            "hall_id",
            "day",
            "service_id",
            "priority_class",
            "arrival_ms",
            "id",
            sqlite_where=text(CALLABLE_PREDICATE),
            postgresql_where=text(CALLABLE_PREDICATE),
        ),
        Index(
            "ix_ticket_targeted",
            "target_window_id",
            "hall_id",
            "day",
            sqlite_where=text("target_window_id IS NOT NULL"),
            postgresql_where=text("target_window_id IS NOT NULL"),
        ),
        Index("ix_ticket_finished", "hall_id", "finished_ms"),
        Index("ix_ticket_window_day", "window_id", "day"),
    )


class QueueEvent(Base):
    """One row per transition of a ticket or a window: time, ticket, window, clerk, from → to."""

    __tablename__ = "queue_event"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    at_ms: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(24))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), nullable=True)
    window_id: Mapped[int | None] = mapped_column(ForeignKey("counter_window.id"), nullable=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    from_state: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_state: Mapped[str | None] = mapped_column(String(16), nullable=True)
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (
        Index("ix_queue_event_ticket", "ticket_id"),
        Index("ix_queue_event_hall_at", "hall_id", "at_ms"),
    )


class ChangeCounter(Base):
    """Bumped in every queue write; SQLite listeners poll it (PostgreSQL also NOTIFYs)."""

    __tablename__ = "change_counter"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
