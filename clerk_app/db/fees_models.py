"""Tables of a case's fees and of its mailing: the payment recorded at the counter, and where
the result is to be mailed (邮寄送达)."""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.crypto.registry import encrypted
from clerk_app.db.models import Base

MAIL_PHONE = "mailing.phone"  # the context the recipient's phone is encrypted under


class CasePayment(Base):
    """What the applicant paid for a fee item (or why not yet, or why nothing), in fen.

    One row per case of an item with fees, written with the accepting decision. ``status``
    pending (待缴) turns paid when the money is taken at the pickup window; ``paid_ms`` is when
    the money was taken (the daily report sums by it). ``fees`` is the item's fee lines as the
    case was accepted under them (JSON: name, amount in fen or null, basis).
    """

    __tablename__ = "case_payment"

    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))  # paid | pending | waived
    method: Mapped[str | None] = mapped_column(String(16), nullable=True)  # cash | nontax
    due_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    # 非税收入缴款码: a payment reference, not personal data.
    reference: Mapped[str | None] = mapped_column(String(32), nullable=True)
    waiver_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    fees: Mapped[str] = mapped_column(Text)
    recorded_ms: Mapped[int] = mapped_column(BigInteger)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    paid_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    window_number: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        CheckConstraint("status IN ('paid', 'pending', 'waived')", name="status"),
        CheckConstraint("method IS NULL OR method IN ('cash', 'nontax')", name="method"),
        CheckConstraint("due_fen >= 0 AND paid_fen >= 0", name="amounts"),
        Index("ix_case_payment_paid", "paid_ms"),
    )


class CaseMailing(Base):
    """Where the applicant chose to have the result mailed; the phone encrypted, as typed
    numbers are everywhere (the mask is what screens show)."""

    __tablename__ = "case_mailing"

    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(64))
    phone_enc: Mapped[str] = mapped_column(Text, info=encrypted(MAIL_PHONE))
    phone_masked: Mapped[str] = mapped_column(String(24))
    province: Mapped[str] = mapped_column(String(32))
    city: Mapped[str] = mapped_column(String(32))
    district: Mapped[str] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    created_ms: Mapped[int] = mapped_column(BigInteger)
