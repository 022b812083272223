"""Time source for the services, injectable so tests can move the clock."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Protocol, runtime_checkable


class Clock(Protocol):
    def now_ms(self) -> int:
        """Milliseconds since the Unix epoch (UTC)."""


@runtime_checkable
class MovableClock(Protocol):
    """A clock that jumps when told to: whoever waits for a time on it (a retry falling due)
    is told when it moves, since the wall clock's seconds say nothing about it."""

    def now_ms(self) -> int: ...

    def on_move(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` after each move; returns the function that stops it."""


class SystemClock:
    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000


class FixedClock:
    """A clock that only moves when told to (tests, simulations)."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._ms = int(start.timestamp() * 1000)
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        return self._ms

    def advance(self, *, seconds: float = 0, minutes: float = 0) -> None:
        self._ms += int((seconds + minutes * 60) * 1000)
        self._moved()

    def set(self, when: dt.datetime) -> None:
        self._ms = int(when.timestamp() * 1000)
        self._moved()

    def on_move(self, listener: Callable[[], None]) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def stop() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return stop

    def _moved(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener()


def to_datetime(ms: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, tz)
