"""The hall calendar's stored years (plain data, no database); a year's arrangement and the
refusals of a calendar file are :mod:`onewindow_protocol.calendar.types`."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from onewindow_protocol.calendar.types import YearArrangement


class CalendarSource(enum.StrEnum):
    SHIPPED = "shipped"  # a file in resources/calendars/, installed on migrate
    IMPORTED = "imported"  # ``clerk-app calendar import FILE``
    CENTRAL = "central"  # received from the central server by sync


@dataclass(frozen=True, slots=True)
class InstalledYear:
    """A year as stored: its arrangement and where it came from."""

    arrangement: YearArrangement
    complete: bool
    source: CalendarSource
    release: str | None
    checksum: str
    installed_ms: int
    installed_by: str
