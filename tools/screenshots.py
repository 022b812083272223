"""``make screenshots``: each hall screen at 1920x1080 with demo data, as PNGs in
docs/screenshots/. Run under Xvfb (``xvfb-run``); Chinese text needs a CJK font
(Debian's fonts-wqy-microhei, see tools/system-deps.sh).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py [--lang en]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from bench.silent import SilentVoice  # noqa: E402
from clerk_app.auth import AuthService  # noqa: E402
from clerk_app.bootstrap import open_database  # noqa: E402
from clerk_app.clock import FixedClock  # noqa: E402
from clerk_app.db.engine import Database  # noqa: E402
from clerk_app.demo import seed_demo  # noqa: E402
from clerk_app.queue.alerts import AlertThresholds  # noqa: E402
from clerk_app.queue.appointments import AppointmentDesk  # noqa: E402
from clerk_app.queue.oversight import Oversight  # noqa: E402
from clerk_app.queue.service import QueueService  # noqa: E402
from clerk_app.queue.supervision import Supervisor, SupervisorDesk  # noqa: E402
from ui.clerk.main_window import ClerkWindow  # noqa: E402
from ui.display.display import HallDisplay  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.kiosk.kiosk import KioskScreen  # noqa: E402
from ui.kiosk.printer import KioskTicket  # noqa: E402
from ui.login import ClerkSession, LoginDialog  # noqa: E402
from ui.supervisor.dashboard import SupervisorDashboard  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from ui.voice.announcer import Announcer  # noqa: E402
from ui.watcher import HallWatcher  # noqa: E402

SIZE = (1920, 1080)
TZ = ZoneInfo("Asia/Shanghai")
MORNING = dt.datetime(2026, 11, 24, 8, 40, tzinfo=TZ)  # a Tuesday


class PaperPrinter:
    def print_ticket(self, ticket: KioskTicket) -> None:
        del ticket  # the screenshot shows the screen, not the paper


def _day(queue: QueueService, clock: FixedClock, users: dict[str, int], tickets: int) -> None:
    """A morning of traffic: arrivals every ~2 minutes, windows serving as they go."""
    services = ("SOCIAL", "PICKUP", "BIZ", "CIVIL", "SOCIAL", "PERMIT", "PICKUP", "BUILD")
    for number in range(1, 9):
        queue.open_window(number, users.get(f"clerk{number}"))
    for i in range(tickets):
        queue.issue(services[i % len(services)])
        clock.advance(minutes=2 + i % 3)
        window = i % 8 + 1
        for step in (queue.finish, queue.start):
            try:
                step(window)
            except Exception:  # noqa: BLE001, S112 - whatever state the window is in
                continue
        if i % 3 == 0:
            queue.call_next(window, users.get(f"clerk{window}"))


def demo_data(db: Database, clock: FixedClock) -> QueueService:
    users = {u.username: u.user_id for u in AuthService(db).list_users()}
    last_week = FixedClock(MORNING - dt.timedelta(days=7))
    _day(QueueService(db, clock=last_week), last_week, users, 90)
    queue = QueueService(db, clock=clock)
    _day(queue, clock, users, 60)
    for _ in range(14):
        queue.issue("SOCIAL")
    if _idle(queue, 6):
        queue.pause_window(6, "meeting")
    AppointmentDesk(queue).book("YY-20261124-0031", "PERMIT", clock_day(queue))
    return queue


def _idle(queue: QueueService, number: int) -> bool:
    window = next(w for w in queue.status().windows if w.number == number)
    return window.current is None


def clock_day(queue: QueueService) -> dt.date:
    return queue.rules.day(queue.now_ms())


def shoot(widget: QWidget, name: str, out: Path, size: tuple[int, int] = SIZE) -> None:
    widget.resize(*size)
    widget.show()
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory(prefix="ow-shots-") as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}")
        seed_demo(db)
        clock = FixedClock(MORNING)
        queue = demo_data(db, clock)
        runner = TaskRunner(inline=True)
        watcher = HallWatcher(db, queue.rules.hall_id)  # not started: each screen is read once
        users = {u.username: u for u in AuthService(db).list_users()}

        kiosk = KioskScreen(queue, AppointmentDesk(queue), PaperPrinter(), runner)
        shoot(kiosk, "kiosk-start", out)
        kiosk.service_buttons["BIZ"].click()
        shoot(kiosk, "kiosk-ticket", out)

        display = HallDisplay(Oversight(queue), runner, watcher, Announcer(SilentVoice()))
        clock.advance(minutes=1)
        if _serving(queue, 3):
            queue.finish(3)
        if _idle(queue, 3):
            queue.call_next(3, users["clerk3"].user_id)
        display.refresh()
        shoot(display, "display", out)

        boss = users["supervisor"]
        dashboard = SupervisorDashboard(
            Oversight(queue),
            SupervisorDesk(queue, Supervisor(boss.user_id, boss.display_name)),
            queue,
            runner,
            watcher,
            AlertThresholds(pause_min=20, crowd=10),
        )
        clock.advance(minutes=25)
        dashboard.refresh()
        shoot(dashboard, "dashboard", out)
        dashboard.tabs.setCurrentIndex(1)
        shoot(dashboard, "dashboard-charts", out)

        clerk = users["clerk1"]
        window = ClerkWindow(queue, runner, ClerkSession(clerk, 1), watcher)
        shoot(window, "window-caller", out)
        login = LoginDialog(AuthService(db), queue, runner, 3)
        login.username.setText("clerk3")
        login.password.setText("clerk3-demo")
        shoot(login, "login", out, login.sizeHint().expandedTo(login.minimumSizeHint()).toTuple())
        for widget in (kiosk, display, dashboard, window, login):
            widget.close()
        runner.shutdown()
        db.dispose()
    return 0


def _serving(queue: QueueService, number: int) -> bool:
    window = next(w for w in queue.status().windows if w.number == number)
    return window.current is not None and window.current.state.value == "serving"


if __name__ == "__main__":
    raise SystemExit(main())
