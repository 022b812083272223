"""Budget: call -> hall display latency p95 <= 1 s on both databases.

A real :class:`HallDisplay` runs offscreen in this process with its own database connections,
change watcher (PostgreSQL LISTEN/NOTIFY, SQLite polling every 100 ms) and task thread; calls
are made on other connections by a caller thread, a call every 150-400 ms across 6 windows.
Measured from the start of each call (so the call's own commit is included) until the display
shows its number. The floor is the
change notification alone: commit until the watcher's ``changed`` signal.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time

import shiboken6

from bench.common import Row, Samples, budget_row, note
from bench.screens_hall import demo_hall, qt_app
from clerk_app.queue.oversight import Oversight
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import QueueRefused
from onewindow_base.db.engine import Database

WINDOWS = 6  # the demo hall's comprehensive windows: every one serves the queue
TIMEOUT_S = 120.0


def _caller(url: str, count: int, committed: dict[str, float], done: threading.Event) -> None:
    """Another PC: calls the next ticket at window after window; records each commit."""
    database = Database(url)
    rng = random.Random(7)
    try:
        queue = QueueService(database)
        for i in range(count):
            window = i % WINDOWS + 1
            with contextlib.suppress(QueueRefused):
                queue.skip(window)  # free the window from its previous call
            time.sleep(rng.uniform(0.15, 0.4))  # a bench thread paces itself; the GUI never sleeps
            started = time.perf_counter()
            called = queue.call_next(window)
            if called is not None:
                committed[called.number] = started
    finally:
        database.dispose()
        done.set()


def _measure(url: str, count: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    from bench.silent import SilentVoice  # noqa: PLC0415
    from ui.display.display import HallDisplay  # noqa: PLC0415
    from ui.tasks import TaskRunner  # noqa: PLC0415
    from ui.voice.announcer import Announcer  # noqa: PLC0415
    from ui.watcher import HallWatcher  # noqa: PLC0415

    qt_app()
    database = Database(url)
    setup = QueueService(database)
    for window in range(1, WINDOWS + 1):
        setup.open_window(window)
    for _ in range(count + 10):
        setup.issue("BIZ")
    runner = TaskRunner()
    watcher = HallWatcher(database, setup.rules.hall_id)
    loop = QEventLoop()
    watcher.listening.connect(loop.quit)
    watcher.start()
    loop.exec()
    display = HallDisplay(Oversight(setup), runner, watcher, Announcer(SilentVoice()))
    display.resize(1920, 1080)
    display.show()
    committed: dict[str, float] = {}
    shown: dict[str, float] = {}
    notified: list[float] = []
    done = threading.Event()

    def on_changed() -> None:
        notified.append(time.perf_counter())

    def on_refreshed() -> None:
        number = display.now_number.text()
        if number not in shown:
            shown[number] = time.perf_counter()

    watcher.changed.connect(on_changed)
    display.refreshed.connect(on_refreshed)
    thread = threading.Thread(target=_caller, args=(url, count, committed, done), daemon=True)
    thread.start()
    deadline = time.monotonic() + TIMEOUT_S
    check = QTimer(interval=20)
    check.timeout.connect(
        lambda: (
            loop.quit()
            if (done.is_set() and set(committed) <= set(shown)) or time.monotonic() > deadline
            else None
        )
    )
    check.start()
    loop.exec()
    check.stop()
    thread.join()
    watcher.stop()
    display.close()
    shiboken6.delete(display)  # its timers must not read a database about to be dropped
    runner.shutdown()
    database.dispose()
    latencies = [(shown[n] - t) * 1000 for n, t in committed.items() if n in shown]
    missing = len(committed) - len(latencies)
    if missing:
        raise RuntimeError(f"{missing} calls never reached the display")
    floor = []
    for t in committed.values():
        after = [n for n in notified if n >= t]
        if after:
            floor.append((min(after) - t) * 1000)
    return latencies, floor


def run(db: str, *, count: int) -> list[Row]:
    with demo_hall(db) as url:
        latencies, floor = _measure(url, count)
    samples, floor_samples = Samples.of(latencies), Samples.of(floor)
    note(
        f"{db} display: {samples.n} calls, p50 {samples.p(0.5):.0f} p95 {samples.p(0.95):.0f} "
        f"ms; notification alone p95 {floor_samples.p(0.95):.0f} ms"
    )
    return [
        budget_row(
            "6", "call -> display shows it", db, samples, floor_samples, q=0.95, limit_ms=1000
        )
    ]
