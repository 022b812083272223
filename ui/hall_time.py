"""The hall's time zone for every time the UI shows.

A counter PC may run in UTC or another zone (an image set up elsewhere, a laptop from another
province); what the clerk reads next to tickets, cases and sync must be hall time, the time the
queue, the papers and the server's decisions use. The app sets the zone once, when it has read
the hall (as ``QLocale.setDefault`` sets the locale); every formatter here reads it.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QTime

DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")  # the hall setting's own default
_zone: ZoneInfo = DEFAULT_ZONE


def set_hall_zone(zone: ZoneInfo) -> None:
    global _zone  # noqa: PLW0603 - one hall per app, set once it is known
    _zone = zone


def hall_zone() -> ZoneInfo:
    return _zone


def hall_datetime(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, _zone)


def hall_text(ms: int, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return hall_datetime(ms).strftime(pattern)


def hall_time_of_day(ms: int) -> str:
    """The hall time of ``ms`` as the clerk's locale writes a time of day."""
    at = hall_datetime(ms)
    return QLocale().toString(QTime(at.hour, at.minute, at.second), QLocale.FormatType.ShortFormat)
