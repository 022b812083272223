"""Live updates: a thread that waits for the hall's change token and signals when it moves.

The listener blocks (a PostgreSQL socket, or SQLite polling), so it gets its own ``QThread``
instead of a slot in the task runner: the runner stays free for the clerk's own operations.
The thread only emits signals; whoever listens re-reads the state through the task runner.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QThread, Signal
from sqlalchemy.exc import SQLAlchemyError

from clerk_app.queue.notify import NotifyError, listener_for
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

# How long one wait blocks; stopping the watcher takes at most this long.
WAIT_S = 0.25
# After a failure (database unreachable), how long to wait before listening again.
RETRY_S = 2.0
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
        while not self._stop.is_set():
            try:
                self._listen()
                return  # _listen only returns once asked to stop
            except (SQLAlchemyError, NotifyError):
                log.warning("change notification failed; retrying in %.0f s", RETRY_S)
            except Exception:  # a bug must not end live updates for the rest of the day
                log.exception("change watcher failed; retrying in %.0f s", RETRY_S)
            self.changed.emit()  # whatever happened meanwhile must be re-read
            self._stop.wait(RETRY_S)

    def _listen(self) -> None:
        listener = listener_for(self._db, self._hall_id)
        try:
            token = listener.current()
            self.listening.emit()
            while not self._stop.is_set():
                latest = listener.wait(token, WAIT_S)
                if latest != token:
                    token = latest
                    self.changed.emit()
        finally:
            listener.close()

    def request_stop(self) -> None:
        """Ask the loop to end without waiting (it ends within ``WAIT_S``)."""
        self._stop.set()

    def stop(self) -> None:
        """Ask the loop to end and wait for it; the thread closes its own listener."""
        self.request_stop()
        if self.isRunning() and not self.wait(STOP_WAIT_MS):
            log.error("the change watcher did not stop within %d ms", STOP_WAIT_MS)
