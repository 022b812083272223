"""Which calls in a fresh reading are new, so that each call is announced exactly once.

A call is a ticket and the moment it was called: a recall stamps a new moment, so it is
announced again. The first reading only primes the tracker (calls made before the display
started are not announced); after an outage the calls made meanwhile are announced on
reconnection, unless they are too old to still matter.
"""

from __future__ import annotations

from clerk_app.queue.oversight import CallView

FRESH_MS = 120_000


class CallTracker:
    def __init__(self, fresh_ms: int = FRESH_MS) -> None:
        self._fresh_ms = fresh_ms
        self._seen: set[tuple[int, int]] | None = None

    def new_calls(self, calls: tuple[CallView, ...], now_ms: int) -> list[CallView]:
        """Calls not seen before, oldest first."""
        keys = {(c.ticket_id, c.called_ms) for c in calls}
        seen, self._seen = self._seen, keys  # calls older than the reading's window never return
        if seen is None:
            return []
        fresh = [
            c
            for c in calls
            if (c.ticket_id, c.called_ms) not in seen and now_ms - c.called_ms <= self._fresh_ms
        ]
        return sorted(fresh, key=lambda c: (c.called_ms, c.ticket_id))
