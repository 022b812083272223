"""Typed SQLAlchemy models of the central server (its own metadata and Alembic history).

Instants are integer milliseconds since the Unix epoch (UTC), as in the counter's database.
Personal data (the applicant, recipients at handover) lives in JSON columns of ``central_case``
and is never written to the log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = dict[str, Any]
# The cases accepted at the counter (with or without a deferral), as SQL: the predicate of the
# figures' partial index and of the query that reads it, spelled alike so PostgreSQL matches them.
ACCEPTED_CASES = "counter_decision IN ('accept', 'defer')"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ServerState(Base):
    """One row: the server's epoch, replaced when the database was restored from a backup."""

    __tablename__ = "server_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    epoch_started_ms: Mapped[int] = mapped_column(BigInteger)
    retired_epochs: Mapped[list[str]] = mapped_column(JSON, default=list)


class Hall(Base):
    __tablename__ = "hall"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    created_ms: Mapped[int] = mapped_column(BigInteger)


class EnrolmentCode(Base):
    """A one-time code; only its SHA-256 is stored."""

    __tablename__ = "enrolment_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("hall.code"))
    created_ms: Mapped[int] = mapped_column(BigInteger)
    expires_ms: Mapped[int] = mapped_column(BigInteger)
    used_ms: Mapped[int | None] = mapped_column(BigInteger)
    device_id: Mapped[str | None] = mapped_column(String(36))


class Device(Base):
    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("hall.code"))
    name: Mapped[str] = mapped_column(String(100))
    window_code: Mapped[str | None] = mapped_column(String(16))
    refresh_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_ms: Mapped[int] = mapped_column(BigInteger)
    revoked_ms: Mapped[int | None] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class AccessToken(Base):
    """A bearer token (device access or back office); only its SHA-256 is stored."""

    __tablename__ = "access_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "device" | "backoffice"
    device_id: Mapped[str | None] = mapped_column(ForeignKey("device.id"))
    subject: Mapped[str | None] = mapped_column(String(64))  # the clerk or the approver
    issued_ms: Mapped[int] = mapped_column(BigInteger)
    expires_ms: Mapped[int] = mapped_column(BigInteger, index=True)


class Blob(Base):
    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    stored_ms: Mapped[int] = mapped_column(BigInteger)


class Upload(Base):
    """A resumable upload in progress; its bytes are ``uploads/<id>.part`` in the data dir."""

    __tablename__ = "upload"
    __table_args__ = (Index("ix_upload_device_sha", "device_id", "sha256"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    expires_ms: Mapped[int] = mapped_column(BigInteger)


class Operation(Base):
    """An applied operation, written in the same transaction as its effect."""

    __tablename__ = "operation"
    __table_args__ = (UniqueConstraint("device_id", "device_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    payload_hash: Mapped[str] = mapped_column(String(64))
    result: Mapped[Json] = mapped_column(JSON)
    applied_ms: Mapped[int] = mapped_column(BigInteger)


class Case(Base):
    """A case as the server knows it; ``version`` counts its status changes."""

    __tablename__ = "central_case"
    __table_args__ = (
        Index("ix_central_case_hall_status", "hall_code", "status"),
        # The province's figures (services/figures.py) read these two and nothing of the row:
        # the cases accepted in a period, and the cases decided in it (c0011).
        Index(
            "ix_central_case_accepted_figures",
            "taken_at_ms",
            "counter_decision",
            "hall_code",
            "department",
            "item_code",
            "handling",
            "counter_visits",
            "handover_method",
            postgresql_where=text(ACCEPTED_CASES),
            sqlite_where=text(ACCEPTED_CASES),
        ),
        Index(
            "ix_central_case_decided_figures",
            "decided_ms",
            "hall_code",
            "department",
            "item_code",
            "taken_at_ms",
            postgresql_where=text("decided_ms IS NOT NULL"),
            sqlite_where=text("decided_ms IS NOT NULL"),
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_no: Mapped[str] = mapped_column(String(64), unique=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("hall.code"))
    window_code: Mapped[str] = mapped_column(String(16))
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    clerk: Mapped[str] = mapped_column(String(64))
    item_code: Mapped[str] = mapped_column(String(36))
    item_version: Mapped[int] = mapped_column(Integer)
    situation: Mapped[str | None] = mapped_column(String(200))
    applicant: Mapped[Json] = mapped_column(JSON)
    materials: Mapped[list[Json]] = mapped_column(JSON)
    counter_decision: Mapped[str] = mapped_column(String(16))
    decision_detail: Mapped[Json] = mapped_column(JSON)
    taken_at_ms: Mapped[int] = mapped_column(BigInteger)
    received_ms: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(24))
    version: Mapped[int] = mapped_column(Integer, default=1)
    deferred_outstanding: Mapped[bool] = mapped_column(Boolean, default=False)
    reviewer: Mapped[str | None] = mapped_column(String(64))
    certificate_no: Mapped[str | None] = mapped_column(String(64), unique=True)
    certificate: Mapped[Json | None] = mapped_column(JSON)
    reject_reason: Mapped[str | None] = mapped_column(Text)
    supplement: Mapped[Json | None] = mapped_column(JSON)
    handover: Mapped[Json | None] = mapped_column(JSON)
    # The item's fees and their payment (status, method, amounts as yuan text), updated when
    # a pending payment is paid at handover; the address the result is mailed to.
    payment: Mapped[Json | None] = mapped_column(JSON)
    mailing: Mapped[Json | None] = mapped_column(JSON)
    updated_ms: Mapped[int] = mapped_column(BigInteger)
    # For the province's figures (c0011), each from what the counter pushed: its decisions at
    # the counter (a notice, then the decision that accepted: 2), the pinned item version's
    # department and handling (即办件 on_the_spot | 承诺件 promised), the back office's
    # approval or rejection instant, and how the result was handed over (pickup | mail).
    counter_visits: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    department: Mapped[str | None] = mapped_column(String(200))
    handling: Mapped[str | None] = mapped_column(String(16))
    decided_ms: Mapped[int | None] = mapped_column(BigInteger)
    handover_method: Mapped[str | None] = mapped_column(String(8))


class CaseAssistance(Base):
    """帮办代办 on a case (``case.assist``): who helped, which kinds, when, for 代办 the
    authorisation."""

    __tablename__ = "case_assistance"
    __table_args__ = (Index("ix_case_assistance_hall_at", "hall_code", "assisted_at_ms"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("central_case.id"))
    hall_code: Mapped[str] = mapped_column(ForeignKey("hall.code"))
    helper: Mapped[str] = mapped_column(String(64))
    helper_name: Mapped[str] = mapped_column(String(200))
    kinds: Mapped[list[str]] = mapped_column(JSON)
    assisted_at_ms: Mapped[int] = mapped_column(BigInteger)
    minutes: Mapped[int | None] = mapped_column(Integer)
    authorisation: Mapped[Json | None] = mapped_column(JSON)
    received_ms: Mapped[int] = mapped_column(BigInteger)


class Rating(Base):
    __tablename__ = "rating"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("hall.code"))
    case_no: Mapped[str | None] = mapped_column(String(64))
    window_code: Mapped[str] = mapped_column(String(16))
    clerk: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))
    level: Mapped[int] = mapped_column(Integer)
    indicators: Mapped[Json] = mapped_column(JSON)
    comment: Mapped[str | None] = mapped_column(Text)
    rated_at_ms: Mapped[int] = mapped_column(BigInteger)
    received_ms: Mapped[int] = mapped_column(BigInteger)
    # The lowest level of the overall one and the indicators: 2 or 1 is a bad rating (差评).
    worst: Mapped[int] = mapped_column(Integer)
    item_code: Mapped[str | None] = mapped_column(String(36))
    department: Mapped[str | None] = mapped_column(String(200))
    reason_text: Mapped[str | None] = mapped_column(String(400))
    # A bad rating's follow-up deadline on the hall calendar; NULL when the counter could not
    # date it (its calendar lacked the year) or is older than schema version 2.
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_rating_hall_rated", "hall_code", "rated_at_ms"),
        Index("ix_rating_bad_due", "worst", "follow_up_due"),
        # The province's figures: the ratings of a period without reading the rows (c0011).
        Index("ix_rating_figures", "rated_at_ms", "hall_code", "department", "item_code", "level"),
    )


class RatingReason(Base):
    """One reason ticked with a bad rating (差评原因); a row each, so SQL counts them."""

    __tablename__ = "rating_reason"

    rating_id: Mapped[str] = mapped_column(ForeignKey("rating.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(32), primary_key=True)


class RatingFollowUp(Base):
    """How a bad rating was followed up; one per rating."""

    __tablename__ = "rating_follow_up"

    rating_id: Mapped[str] = mapped_column(ForeignKey("rating.id"), primary_key=True)
    action: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[str] = mapped_column(String(64))
    closed_at_ms: Mapped[int] = mapped_column(BigInteger)
    received_ms: Mapped[int] = mapped_column(BigInteger)


class ChangeEvent(Base):
    """The changes feed; ``seq`` is the cursor. A NULL hall is an event for every hall."""

    __tablename__ = "change_event"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hall_code: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32))
    body: Mapped[Json] = mapped_column(JSON)
    created_ms: Mapped[int] = mapped_column(BigInteger)


class CatalogueItem(Base):
    """One item version; ``(code, version)`` is immutable once published."""

    __tablename__ = "catalogue_item"

    code: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text)  # canonical JSON
    sha256: Mapped[str] = mapped_column(String(64))
    published_ms: Mapped[int] = mapped_column(BigInteger)


class CatalogueRelease(Base):
    """A published catalogue: the full set of item versions in force from then on."""

    __tablename__ = "catalogue_release"

    release: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    label: Mapped[str] = mapped_column(String(64))
    header: Mapped[Json] = mapped_column(JSON)  # the document's top-level fields but items
    sha256: Mapped[str] = mapped_column(String(64))
    published_ms: Mapped[int] = mapped_column(BigInteger)


class CatalogueReleaseItem(Base):
    __tablename__ = "catalogue_release_item"

    release: Mapped[int] = mapped_column(ForeignKey("catalogue_release.release"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)


class CalendarRelease(Base):
    """One version of one year's holiday arrangement; the highest version is in force."""

    __tablename__ = "calendar_release"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document: Mapped[str] = mapped_column(Text)  # the year's canonical calendar file text
    sha256: Mapped[str] = mapped_column(String(64))
    published_ms: Mapped[int] = mapped_column(BigInteger)


class CreditListing(Base):
    """One entry of the joint-punishment list (联合惩戒名单). The identifier is kept only as
    its keyed hash (for the lookup) and masked (for the list): never in clear. A removed entry
    stays, with who removed it and when."""

    __tablename__ = "credit_listing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_hash: Mapped[str] = mapped_column(String(64), index=True)
    subject_masked: Mapped[str] = mapped_column(String(24))
    subject_kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200))
    listed_since: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)
    added_by: Mapped[str] = mapped_column(String(64))
    added_ms: Mapped[int] = mapped_column(BigInteger)
    removed_by: Mapped[str | None] = mapped_column(String(64))
    removed_ms: Mapped[int | None] = mapped_column(BigInteger)


class Licence(Base):
    """An e-licence (电子证照) in the registry: a certificate this server issued for an approved
    case, or one imported. Unique by (type, number). The holder's identifier is kept only as its
    keyed hash (the lookup) and masked: never in clear. The PDF copy is a blob."""

    __tablename__ = "licence"
    __table_args__ = (UniqueConstraint("type_code", "number"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type_code: Mapped[str] = mapped_column(String(64))
    type_name: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(80))
    holder_hash: Mapped[str] = mapped_column(String(64), index=True)
    holder_masked: Mapped[str] = mapped_column(String(24))
    holder_name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16))  # issued | imported
    case_no: Mapped[str | None] = mapped_column(String(64))  # the approved case, when issued
    copy_sha256: Mapped[str | None] = mapped_column(String(64))
    copy_size: Mapped[int | None] = mapped_column(BigInteger)
    added_ms: Mapped[int] = mapped_column(BigInteger)
    updated_ms: Mapped[int] = mapped_column(BigInteger)


class CertificateCounter(Base):
    __tablename__ = "certificate_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Booking(Base):
    """An appointment booked online. The ID number and phone are personal data: encrypted under
    the server's key ring (decrypted only for the hall's pull), the ID number's keyed hash for
    the no-show count and the applicant's cancellation; never in clear at rest, never logged."""

    __tablename__ = "booking"
    __table_args__ = (
        UniqueConstraint("hall_code", "code"),
        Index("ix_booking_hall_day", "hall_code", "day"),
        Index("ix_booking_id_number_hash", "id_number_hash", "status"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("hall.code"))
    code: Mapped[str] = mapped_column(String(16))
    service_code: Mapped[str] = mapped_column(String(16))
    day: Mapped[dt.date] = mapped_column(Date)
    slot_min: Mapped[int] = mapped_column(Integer)  # minutes after midnight, hall time
    id_number_enc: Mapped[str] = mapped_column(Text)
    id_number_hash: Mapped[str] = mapped_column(String(64))
    phone_enc: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))  # booked|cancelled|checked_in|no_show
    cancelled_by: Mapped[str | None] = mapped_column(String(16))
    created_ms: Mapped[int] = mapped_column(BigInteger)
    updated_ms: Mapped[int] = mapped_column(BigInteger)


class BookingRevision(Base):
    """How often a hall's bookings have changed. Moved in the transaction of every change of one
    of them (booked, cancelled, reported by a counter), before the change takes any other lock,
    so the number counts the changes in commit order: a counter that has pulled at revision N
    holds every change up to N. Hello gives it; the counter pulls its bookings when it moved."""

    __tablename__ = "booking_revision"

    hall_code: Mapped[str] = mapped_column(ForeignKey("hall.code"), primary_key=True)
    revision: Mapped[int] = mapped_column(BigInteger)


class BookingSlot(Base):
    """Places taken in one slot of one service: the capacity check is one conditional UPDATE
    of this row, so two bookings racing for the last place cannot both win."""

    __tablename__ = "booking_slot"

    hall_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    service_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    slot_min: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    taken: Mapped[int] = mapped_column(Integer)


class BookingCapacity(Base):
    """Places per slot of a hall's service; a service without a row has the server default."""

    __tablename__ = "booking_capacity"

    hall_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    service_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    per_slot: Mapped[int] = mapped_column(Integer)


class CaseOptIn(Base):
    """An applicant's consent to texts about their case (短信通知, ticked at intake). The phone
    is encrypted under the server's key ring (``notifications.PHONE``): never in clear at rest,
    never logged."""

    __tablename__ = "notify_case_opt_in"

    case_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    phone_enc: Mapped[str] = mapped_column(Text)
    phone_masked: Mapped[str] = mapped_column(String(16))
    consented_ms: Mapped[int] = mapped_column(BigInteger)
    received_ms: Mapped[int] = mapped_column(BigInteger)


class Message(Base):
    """A text message to send through the province's gateway, and how that went. ``params``
    are the template's fields (no phone); the phone is encrypted and masked, never logged."""

    __tablename__ = "notify_message"
    __table_args__ = (
        Index("ix_notify_message_status_next", "status", "next_attempt_ms"),
        Index("ix_notify_message_case_no", "case_no"),
        Index("ix_notify_message_gateway_id", "gateway_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(16))
    template: Mapped[str] = mapped_column(String(32))
    params: Mapped[Json] = mapped_column(JSON)
    phone_enc: Mapped[str] = mapped_column(Text)
    phone_masked: Mapped[str] = mapped_column(String(16))
    case_no: Mapped[str | None] = mapped_column(String(64))
    ticket_no: Mapped[str | None] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(16))  # queued | sent | delivered | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Due to be sent from then on; while a dispatcher holds the message (``claim_id``), the
    # end of its lease.
    next_attempt_ms: Mapped[int] = mapped_column(BigInteger)
    claim_id: Mapped[str | None] = mapped_column(String(36))
    gateway_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(String(200))
    # The platform's delivery report that set the status: its code and its time (a report
    # older than this one changes nothing).
    delivery_code: Mapped[str | None] = mapped_column(String(32))
    receipt_ms: Mapped[int | None] = mapped_column(BigInteger)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    updated_ms: Mapped[int] = mapped_column(BigInteger)


class MessageEvent(Base):
    """A message's history: queued, each attempt's outcome, each delivery report (also one that
    came late and did not change the status)."""

    __tablename__ = "notify_message_event"
    __table_args__ = (Index("ix_notify_message_event_message", "message_id", "at_ms"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("notify_message.id"))
    status: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))  # server | gateway
    code: Mapped[str | None] = mapped_column(String(32))  # the platform's status code
    detail: Mapped[str | None] = mapped_column(String(200))
    at_ms: Mapped[int] = mapped_column(BigInteger)  # when it happened (the report's own time)
    recorded_ms: Mapped[int] = mapped_column(BigInteger)


class LoopbackMessage(Base):
    """What the loopback gateway (the reference server's default) "sent": the rendered text,
    for tests and demonstrations (``central-server messages``)."""

    __tablename__ = "notify_loopback"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    gateway_id: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str] = mapped_column(String(36))
    phone_enc: Mapped[str] = mapped_column(Text)
    phone_masked: Mapped[str] = mapped_column(String(16))
    template: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    recorded_ms: Mapped[int] = mapped_column(BigInteger)
