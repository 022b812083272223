"""The sync outbox: every change the central server must learn of, written in the same local
transaction as the change itself (docs/sync-rules.md), numbered by a per-device sequence."""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.crypto.registry import encrypted
from clerk_app.db.models import Base

# The contexts the sync's encrypted values are bound to (see clerk_app.crypto.registry).
OUTBOX = "sync.outbox_payload"
REFRESH_CREDENTIAL = "sync.refresh_credential"


class DeviceSequence(Base):
    """The last operation number taken (one row: this hall database is the device)."""

    __tablename__ = "device_sequence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(BigInteger)


class OutboxOperation(Base):
    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    op_id: Mapped[str] = mapped_column(String(36), unique=True)  # the idempotency key
    kind: Mapped[str] = mapped_column(String(40))
    case_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    # encrypted JSON: it holds personal data
    payload_enc: Mapped[str] = mapped_column(Text, info=encrypted(OUTBOX))
    payload_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the canonical JSON
    blobs: Mapped[str] = mapped_column(Text)  # JSON list of the sha256 the operation needs
    state: Mapped[str] = mapped_column(String(20))  # pending | acked | needs_attention
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_ms: Mapped[int] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    result: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    acked_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)

    __table_args__ = (
        Index("ix_sync_outbox_pending", "state", "next_attempt_ms"),
        Index("ix_sync_outbox_case", "case_uuid", "seq"),
    )


class SyncState(Base):
    """The sync engine's own state (one row): the device credential, the changes-feed cursor with
    the server epoch it belongs to, the installed catalogue's ETag, backoff and last outcomes.

    The refresh credential is a secret: stored encrypted with the hall key ring, never plain.
    """

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    device_id: Mapped[str] = mapped_column(String(36))
    server_url: Mapped[str | None] = mapped_column(String(300), nullable=True)
    hall_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    refresh_enc: Mapped[str | None] = mapped_column(
        Text, nullable=True, info=encrypted(REFRESH_CREDENTIAL)
    )
    cursor: Mapped[str | None] = mapped_column(String(120), nullable=True)
    epoch: Mapped[str | None] = mapped_column(String(64), nullable=True)
    catalogue_etag: Mapped[str | None] = mapped_column(String(120), nullable=True)
    calendars_etag: Mapped[str | None] = mapped_column(String(120), nullable=True)
    appointments_etag: Mapped[str | None] = mapped_column(String(120), nullable=True)
    # the bookings revision hello gave and the days pulled with it ("7@2026-12-08+7"): a
    # cycle whose hello gives the same mark for the same days sends no bookings request
    appointments_mark: Mapped[str | None] = mapped_column(String(80), nullable=True)
    failures: Mapped[int] = mapped_column(Integer)
    backoff_until_ms: Mapped[int] = mapped_column(BigInteger)
    skew_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_success_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # what went wrong, for the screen to say in the clerk's language: a SyncError's kind
    # (retryable, revoked, disk_full, …) and its code after a slash (permanent/tls_untrusted)
    last_error_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
