"""Budget: a dashboard refresh with 100 windows and 2,000 waiting tickets costs <= 50 ms of
GUI-thread time.

The reading (database and alerts) happens on the task thread and is not GUI time; what is
timed here is what the GUI thread does with a reading: hand it to the three table models,
then paint every visible cell of the three tables (a 1920x1080 dashboard, offscreen; each
table's viewport rendered with ``grab``), which is what Qt repaints after a refresh. It
alternates between two readings taken a minute apart, so every "since" and "longest wait"
cell changes. Floor: the same painting with no new reading.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from bench.common import Row, Samples, budget_row, note
from bench.screens_hall import demo_hall, qt_app
from clerk_app.db.models import Hall, Service, Ticket, Window, WindowService
from clerk_app.queue.alerts import Alert, AlertThresholds, find_alerts
from clerk_app.queue.oversight import Dashboard, Oversight
from clerk_app.queue.service import QueueService, format_number
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database

if TYPE_CHECKING:  # Qt is imported once the benchmark runs
    from ui.supervisor.dashboard import SupervisorDashboard

WINDOWS = 100
WAITING = 2000
NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _grow_hall(session: Session, now_ms: int, day: dt.date) -> None:
    """Windows 9-100 serving every service, 2,000 tickets waiting since the morning."""
    hall_id = session.scalars(select(Hall.id)).one()
    services = session.execute(select(Service.id, Service.prefix)).all()
    for number in range(9, WINDOWS + 1):
        state = "paused" if number % 10 == 0 else "open"
        window = Window(hall_id=hall_id, number=number, name_zh=f"{number}号窗口",
                        name_en=f"Window {number}", state=state, state_since_ms=now_ms - 3_600_000,
                        pause_reason="break" if state == "paused" else None)  # fmt: skip
        session.add(window)
        session.flush()
        for service_id, _ in services:
            session.add(WindowService(window_id=window.id, service_id=service_id, weight=1))
    rows = []
    for i in range(WAITING):
        service_id, prefix = services[i % len(services)]
        seq = i // len(services) + 1
        at = now_ms - (WAITING - i) * 5_000
        rows.append({
            "hall_id": hall_id, "service_id": service_id, "day": day, "prefix": prefix,
            "seq": seq, "number": format_number(prefix, seq), "priority_class": "normal",
            "state": "waiting", "issued_ms": at, "arrival_ms": at, "available_ms": at,
            "recall_count": 0,
        })  # fmt: skip
    session.execute(insert(Ticket), rows)


def _measure(url: str, runs: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415

    from ui.supervisor.dashboard import Reading, SupervisorDashboard  # noqa: PLC0415
    from ui.tasks import TaskRunner  # noqa: PLC0415
    from ui.watcher import HallWatcher  # noqa: PLC0415

    qt_app()
    clock = FixedClock(NOON)
    database = Database(url)
    queue = QueueService(database, clock=clock)
    day = queue.rules.day(clock.now_ms())
    database.run_write(lambda s: _grow_hall(s, clock.now_ms(), day))
    for window in range(1, 9):
        queue.open_window(window)
    oversight = Oversight(queue)
    thresholds = AlertThresholds()
    runner = TaskRunner(inline=True)
    watcher = HallWatcher(database, queue.rules.hall_id)  # never started: refreshes are timed
    dashboard = SupervisorDashboard(
        oversight, SupervisorDesk(queue, Supervisor(1, "bench")), queue, runner, watcher, thresholds
    )
    dashboard.resize(1920, 1080)
    dashboard.show()
    readings = []
    for _ in range(2):
        board = oversight.dashboard()
        readings.append(Reading(board, dashboard_alerts(board, thresholds)))
        clock.advance(minutes=1)
    assert sum(s.waiting for s in readings[0].board.services) == WAITING
    assert len(readings[0].board.windows) == WINDOWS
    gui, floor = [], []
    for i in range(runs):
        t0 = time.perf_counter()
        dashboard.apply(readings[i % 2])
        paint_tables(dashboard)
        gui.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        paint_tables(dashboard)
        floor.append((time.perf_counter() - t0) * 1000)
    dashboard.close()
    dashboard.deleteLater()  # its refresh timer must not fire once the database is gone
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    runner.shutdown()
    database.dispose()
    return gui[2:], floor[2:]  # the first two build the rows' caches


def paint_tables(dashboard: SupervisorDashboard) -> None:
    """Paint every visible cell of the three tables: what a refresh makes Qt repaint."""
    for view in (dashboard.window_view, dashboard.service_view, dashboard.alert_view):
        view.viewport().grab()


def dashboard_alerts(board: Dashboard, thresholds: AlertThresholds) -> tuple[Alert, ...]:
    return find_alerts(board, thresholds)


def run(db: str, *, runs: int) -> list[Row]:
    with demo_hall(db) as url:
        gui, floor = _measure(url, runs)
    samples, floor_samples = Samples.of(gui), Samples.of(floor)
    note(f"{db} dashboard: refresh p95 {samples.p(0.95):.1f} ms, painting alone "
         f"p95 {floor_samples.p(0.95):.1f} ms")  # fmt: skip
    return [
        budget_row(
            "7",
            "dashboard refresh, GUI thread",
            db,
            samples,
            floor_samples,
            q=0.95,
            limit_ms=50,
        )
    ]
