"""Tables of the intake at the counter: the per-terminal, per-day case number counter."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base


class CaseNumberCounter(Base):
    """The last sequence issued to a terminal on a day (the hall's calendar day).

    Case numbers ``CC01-W03-20261128-0042`` are built from these four columns, so they are
    unique without asking the server; the row is bumped in the transaction that saves the case.
    """

    __tablename__ = "case_number_counter"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    terminal: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("last >= 1", name="last_positive"),)
