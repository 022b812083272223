"""Signatures taken on a signature pad, one row per signed paper.

The row says which paper was signed (its kind and stored document number, and the print job
that printed it once it has), who signed it (the applicant, or the agent where the case has
one), when, and names the signature's PNG and strokes in the blob store by their SHA-256: both
are sealed there like every blob of personal data, and the database holds no image.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base

# The values of ``clerk_app.signatures.service.Signer`` (a test holds them equal).
SIGNERS = ("applicant", "agent")


class CaseSignature(Base):
    __tablename__ = "case_signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"))
    document_kind: Mapped[str] = mapped_column(String(32))
    document_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    signer: Mapped[str] = mapped_column(String(16))
    signed_ms: Mapped[int] = mapped_column(BigInteger)
    png_sha256: Mapped[str] = mapped_column(String(64))
    strokes_sha256: Mapped[str] = mapped_column(String(64))
    width_px: Mapped[int] = mapped_column(Integer)
    height_px: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    print_job_id: Mapped[int | None] = mapped_column(ForeignKey("print_job.id"), nullable=True)

    __table_args__ = (
        CheckConstraint(f"signer IN {SIGNERS!r}", name="signer"),
        Index("ix_case_signature_case", "case_id", "document_kind"),
    )
