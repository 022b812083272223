"""Time source for the services, injectable so tests can move the clock."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def now_ms(self) -> int:
        """Milliseconds since the Unix epoch (UTC)."""


class SystemClock:
    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FixedClock:
    """A clock that only moves when told to (tests, simulations)."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._ms = int(start.timestamp() * 1000)

    def now_ms(self) -> int:
        return self._ms

    def advance(self, *, seconds: float = 0, minutes: float = 0) -> None:
        self._ms += int((seconds + minutes * 60) * 1000)

    def set(self, when: dt.datetime) -> None:
        self._ms = int(when.timestamp() * 1000)


def to_datetime(ms: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, tz)
