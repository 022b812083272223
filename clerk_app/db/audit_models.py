"""The audit trail: append-only records linked by a hash chain, and the chain's head.

Each record stores the hash of the record before it, so an edited, inserted or deleted record
breaks the chain; the head row (written in the same transaction as every record) catches records
deleted from the end. Records older than the retention period may be purged: the head then keeps
the first surviving record's number and the hash it must link to (the anchor).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base


class AuditRecord(Base):
    __tablename__ = "audit_record"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    at_ms: Mapped[int] = mapped_column(BigInteger)
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor: Mapped[str] = mapped_column(String(100))  # the name at the time: users get renamed
    action: Mapped[str] = mapped_column(String(48))
    outcome: Mapped[str] = mapped_column(String(16))
    target_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    target: Mapped[str | None] = mapped_column(String(120), nullable=True)
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON, never personal data
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_record_at", "at_ms"),)


class AuditHead(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))
    first_seq: Mapped[int] = mapped_column(BigInteger)  # after a purge, the oldest kept record
    anchor_hash: Mapped[str] = mapped_column(String(64))  # the hash that record links to
