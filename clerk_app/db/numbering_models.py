"""The number book of the official papers (文书编号): a counter per series, and the register.

``docs/document-numbers.md`` explains the design. A paper's number is allocated once, in a
write transaction, and stored here with the case and the occasion it was printed for; every
later print of that paper (a reprint, a rebuilt preview) reads the stored text back.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base


class DocumentNumberCounter(Base):
    """The last sequence issued in one number series: agency, paper kind, year and series.

    The series is ``""`` on the hall's shared PostgreSQL database (one book for every window)
    and the window (``"03"``) on a PC with its own SQLite database.
    """

    __tablename__ = "document_number_counter"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    agency: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("last >= 1", name="last_positive"),)


class DocumentNumber(Base):
    """One numbered paper: which number, as printed, and which case and occasion it is for."""

    __tablename__ = "document_number"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    agency: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    series: Mapped[str] = mapped_column(String(8))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(100))  # the text as printed
    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"))
    occasion: Mapped[str] = mapped_column(String(40))  # "visit:2", "event:7", "handover"
    issued_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        UniqueConstraint(
            "hall_id", "agency", "kind", "year", "series", "seq", name="uq_document_number_seq"
        ),
        UniqueConstraint("hall_id", "number", name="uq_document_number_text"),
        UniqueConstraint("case_id", "occasion", "kind", name="uq_document_number_paper"),
    )
