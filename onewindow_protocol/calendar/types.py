"""A calendar year's arrangement and the refusals of a calendar file (plain data)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class CalendarRefusal(enum.StrEnum):
    BAD_FILE = "bad_file"  # not a calendar file, or a bad value in it
    NOT_WHOLE = "not_whole"  # a year that is not the State Council's whole arrangement
    UNKNOWN_YEAR = "unknown_year"  # show / export of a year not installed


class CalendarRefused(Exception):  # noqa: N818 - an expected refusal with its reason
    def __init__(self, code: CalendarRefusal, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class YearArrangement:
    """One year's arrangement: the days off among weekdays (and the weekend days of a holiday
    stretch, as the State Council lists them) and the weekend days worked (调休)."""

    year: int
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
