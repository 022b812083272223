"""Waiting for a hall's queue to change, without Qt: the loop the UI's ``HallWatcher`` runs in
its own thread (``ui/watcher.py``), which turns the callbacks into signals.

The listener blocks (a PostgreSQL socket, or SQLite polling) for at most ``WAIT_S`` at a time,
so setting ``stop`` ends the loop within that. A failure (the database unreachable) is logged
and retried after ``RETRY_S``, and reported as a change: whatever happened meanwhile must be
re-read.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError

from clerk_app.queue.notify import NotifyError, listener_for
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

# How long one wait blocks; stopping the watcher takes at most this long.
WAIT_S = 0.25
# After a failure (database unreachable), how long to wait before listening again.
RETRY_S = 2.0


def watch_hall(
    db: Database,
    hall_id: int,
    stop: threading.Event,
    *,
    listening: Callable[[], None],
    changed: Callable[[], None],
) -> None:
    """Call ``changed`` whenever the hall's change token moves, until ``stop`` is set;
    ``listening`` each time the listener is connected (changes from then on are seen)."""
    while not stop.is_set():
        try:
            _listen(db, hall_id, stop, listening, changed)
            return  # _listen only returns once asked to stop
        except (SQLAlchemyError, NotifyError):
            log.warning("change notification failed; retrying in %.0f s", RETRY_S)
        except Exception:  # a bug must not end live updates for the rest of the day
            log.exception("change watcher failed; retrying in %.0f s", RETRY_S)
        changed()  # whatever happened meanwhile must be re-read
        stop.wait(RETRY_S)


def _listen(
    db: Database,
    hall_id: int,
    stop: threading.Event,
    listening: Callable[[], None],
    changed: Callable[[], None],
) -> None:
    listener = listener_for(db, hall_id)
    try:
        token = listener.current()
        listening()
        while not stop.is_set():
            latest = listener.wait(token, WAIT_S)
            if latest != token:
                token = latest
                changed()
    finally:
        listener.close()
