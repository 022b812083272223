"""The hall watcher: a change made by any client is signalled; stopping is prompt and clean."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from clerk_app.queue.service import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from ui.watcher import HallWatcher


def test_a_ticket_issued_by_another_client_is_signalled(
    qtbot: QtBot, watcher: HallWatcher, db_url: str, clock: FixedClock
) -> None:
    kiosk_db = Database(db_url)
    try:
        with qtbot.waitSignal(watcher.changed, timeout=5_000):
            QueueService(kiosk_db, clock=clock).issue("BIZ")
    finally:
        kiosk_db.dispose()


def test_nothing_is_signalled_while_nothing_changes(
    qtbot: QtBot, watcher: HallWatcher, queue: QueueService
) -> None:
    queue.status()  # a read is not a change
    with qtbot.assertNotEmitted(watcher.changed, wait=600):
        pass


def test_stop_ends_the_thread(qtbot: QtBot, db: Database, queue: QueueService) -> None:
    hall_watcher = HallWatcher(db, queue.rules.hall_id)
    with qtbot.waitSignal(hall_watcher.listening, timeout=10_000):
        hall_watcher.start()
    hall_watcher.stop()
    assert hall_watcher.isFinished()
    hall_watcher.stop()  # a second stop is harmless
