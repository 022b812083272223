"""Print jobs and archived documents.

Every print is a ``print_job`` row: what (document kind and the key of what it belongs to: a
case number, a ticket id, a day), where (printer), when, and how it ended. Every official
document is an ``archived_document``: a PDF in the blob store, named by its sha256, linked to
its owner. A retry or a reprint is a new job pointing at the job it repeats.

A job is ``unconfirmed`` when bytes went out but the printer did not confirm it (the connection
broke, no status answer, a problem reported): someone must look at the paper. A ticket
printer's status answer after the job is kept in ``printer_status`` (``ok`` or its conditions).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base

# The values of ``clerk_app.printjobs.types.JobState`` (a test holds them equal).
PRINT_JOB_STATES = ("queued", "printed", "unconfirmed", "failed")


class ArchivedDocument(Base):
    __tablename__ = "archived_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    document_kind: Mapped[str] = mapped_column(String(32))
    document_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    owner_key: Mapped[str] = mapped_column(String(100))  # case number, ticket id, day …
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    created_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_archived_document_owner", "owner_key", "document_kind"),
        Index("ix_archived_document_sha256", "sha256"),
    )


class PrintJobRow(Base):
    __tablename__ = "print_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_kind: Mapped[str] = mapped_column(String(32))
    owner_key: Mapped[str] = mapped_column(String(100))
    printer_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    payload_format: Mapped[str] = mapped_column(String(16))
    payload_sha256: Mapped[str] = mapped_column(String(64))  # the bytes sent, in the blob store
    archive_id: Mapped[int | None] = mapped_column(
        ForeignKey("archived_document.id"), nullable=True
    )
    is_copy: Mapped[bool] = mapped_column(Boolean, default=False)
    repeats_job_id: Mapped[int | None] = mapped_column(ForeignKey("print_job.id"), nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    error_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    printer_status: Mapped[str | None] = mapped_column(String(200), nullable=True)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    finished_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)

    __table_args__ = (
        CheckConstraint(f"state IN {PRINT_JOB_STATES!r}", name="state"),
        Index("ix_print_job_owner", "owner_key"),
        Index("ix_print_job_created", "created_ms"),
    )
