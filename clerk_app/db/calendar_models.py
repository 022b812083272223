"""The hall calendar: the State Council's holiday arrangement per year, shared by every PC.

One ``calendar_year`` row per installed year (always a whole arrangement, see
``clerk_app.calendars``) and one ``calendar_day`` row per exception to the week: a weekday off
(``holiday``) or a weekend day worked (``workday``). Days of a holiday stretch that fall on a
weekend are listed too, as the State Council lists them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base


class CalendarYear(Base):
    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    complete: Mapped[bool] = mapped_column(Boolean)  # the whole national arrangement
    source: Mapped[str] = mapped_column(String(16))  # shipped | imported | central
    release: Mapped[str | None] = mapped_column(String(80), nullable=True)  # the server's
    checksum: Mapped[str] = mapped_column(String(64))  # sha-256 of the year's canonical text
    installed_ms: Mapped[int] = mapped_column(BigInteger)
    installed_by: Mapped[str] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint("source IN ('shipped', 'imported', 'central')", name="source"),
    )


class CalendarDay(Base):
    __tablename__ = "calendar_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    year: Mapped[int] = mapped_column(
        ForeignKey("calendar_year.year", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))  # holiday | workday

    __table_args__ = (CheckConstraint("kind IN ('holiday', 'workday')", name="kind"),)
