"""Live updates: a thread that waits for the hall's change token and signals when it moves.

The listener blocks (a PostgreSQL socket, or SQLite polling), so it gets its own ``QThread``
instead of a slot in the task runner: the runner stays free for the clerk's own operations.
The thread runs :func:`clerk_app.queue.watch.watch_hall` and only emits signals; whoever
listens re-reads the state through the task runner.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QThread, Signal

from clerk_app.queue.watch import watch_hall
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

STOP_WAIT_MS = 5_000


class HallWatcher(QThread):
    """Emits :attr:`changed` whenever the queue of one hall changed (any window, any client)."""

    listening = Signal()  # the listener is connected: changes from now on will be seen
    changed = Signal()

    def __init__(self, db: Database, hall_id: int) -> None:
        super().__init__()
        self._db = db
        self._hall_id = hall_id
        self._stop = threading.Event()

    def run(self) -> None:
        watch_hall(
            self._db,
            self._hall_id,
            self._stop,
            listening=self.listening.emit,
            changed=self.changed.emit,
        )

    def request_stop(self) -> None:
        """Ask the loop to end without waiting (it ends within ``clerk_app.queue.watch.WAIT_S``)."""
        self._stop.set()

    def stop(self) -> None:
        """Ask the loop to end and wait for it; the thread closes its own listener."""
        self.request_stop()
        if self.isRunning() and not self.wait(STOP_WAIT_MS):
            log.error("the change watcher did not stop within %d ms", STOP_WAIT_MS)
