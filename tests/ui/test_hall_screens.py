"""The screens together, each on its own connections to one database, on SQLite and PostgreSQL:
a ticket issued at the kiosk reaches the display and the dashboard; two windows calling at
the same moment never get the same ticket."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.db.models import QueueEvent, Ticket
from clerk_app.queue.alerts import AlertThresholds
from clerk_app.queue.appointments import AppointmentDesk
from clerk_app.queue.oversight import Oversight
from clerk_app.queue.service import QueueService
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from ui.clerk.caller_panel import CallerPanel
from ui.clerk.state import Action
from ui.display.display import HallDisplay
from ui.kiosk.kiosk import KioskScreen
from ui.login import ClerkSession
from ui.supervisor.dashboard import SupervisorDashboard
from ui.supervisor.models import S_WAITING
from ui.tasks import TaskRunner
from ui.voice.announcer import Announcer
from ui.watcher import HallWatcher

from .fakes import FakePrinter, FakeVoice


class Pc:
    """One PC of the hall: its own database connections, queue service and task thread."""

    def __init__(self, url: str, clock: FixedClock) -> None:
        self.db = Database(url)
        self.queue = QueueService(self.db, clock=clock)
        self.runner = TaskRunner()  # a real worker thread, as in the app

    def close(self) -> None:
        self.runner.shutdown()
        self.db.dispose()


@pytest.fixture
def pcs(db_url: str, clock: FixedClock) -> Iterator[list[Pc]]:
    made = [Pc(db_url, clock) for _ in range(2)]
    yield made
    for pc in made:
        pc.close()


def test_a_kiosk_ticket_appears_on_the_display_and_the_dashboard(
    qtbot: QtBot,
    pcs: list[Pc],
    queue: QueueService,
    runner: TaskRunner,
    watcher: HallWatcher,
    auth: AuthService,
) -> None:
    kiosk_pc = pcs[0]
    kiosk = KioskScreen(
        kiosk_pc.queue, AppointmentDesk(kiosk_pc.queue), FakePrinter(), kiosk_pc.runner
    )
    qtbot.addWidget(kiosk)
    qtbot.waitUntil(lambda: "SOCIAL" in kiosk.service_buttons)
    display = HallDisplay(Oversight(queue), runner, watcher, Announcer(FakeVoice(instant=True)))
    qtbot.addWidget(display)
    boss = next(u for u in auth.list_users() if u.username == "supervisor")
    dashboard = SupervisorDashboard(
        Oversight(queue),
        SupervisorDesk(queue, Supervisor(boss.user_id, boss.display_name)),
        queue,
        runner,
        watcher,
        AlertThresholds(),
    )
    qtbot.addWidget(dashboard)
    kiosk.service_buttons["SOCIAL"].click()
    qtbot.waitUntil(lambda: kiosk.number.text() == "C001", timeout=5_000)

    def social_waiting(model: object, column: int) -> str:
        return str(model.index(2, column).data())  # type: ignore[attr-defined]

    qtbot.waitUntil(lambda: social_waiting(display.waiting, 1) == "1", timeout=5_000)
    qtbot.waitUntil(lambda: social_waiting(dashboard.services, S_WAITING) == "1", timeout=5_000)


def _showing_a_ticket(panel: CallerPanel, showing: bool) -> Callable[[], bool]:
    return lambda: (panel.current.number.text() != "—") == showing


@pytest.mark.parametrize("rounds", [6])
def test_two_windows_calling_together_never_get_the_same_ticket(
    qtbot: QtBot,
    pcs: list[Pc],
    queue: QueueService,
    auth: AuthService,
    db: Database,
    rounds: int,
) -> None:
    users = {u.username: u for u in auth.list_users()}
    panels = []
    for number, pc in enumerate(pcs, start=1):
        user = users[f"clerk{number}"]
        pc.queue.open_window(number, user.user_id)
        watcher = HallWatcher(pc.db, pc.queue.rules.hall_id)
        with qtbot.waitSignal(watcher.listening, timeout=10_000):
            watcher.start()
        panel = CallerPanel(pc.queue, pc.runner, ClerkSession(user, number), watcher)
        qtbot.addWidget(panel)
        panels.append((panel, watcher))
    for _ in range(rounds * 2 + 1):
        queue.issue("BIZ")
    try:
        seen: list[str] = []
        for _ in range(rounds):
            for panel, _w in panels:
                qtbot.waitUntil(panel.buttons[Action.CALL_NEXT].isEnabled)
            for panel, _w in panels:
                panel.call_next()  # both calls are in flight at once, on two threads
            for panel, _w in panels:
                qtbot.waitUntil(_showing_a_ticket(panel, True), timeout=10_000)
            numbers = [panel.current.number.text() for panel, _w in panels]
            assert numbers[0] != numbers[1]
            seen += numbers
            for panel, _w in panels:
                qtbot.waitUntil(panel.buttons[Action.SKIP].isEnabled)
                panel.skip()
            for panel, _w in panels:
                qtbot.waitUntil(_showing_a_ticket(panel, False), timeout=10_000)
        assert len(seen) == len(set(seen)) == rounds * 2
        with db.read() as s:
            calls = s.scalars(
                select(Ticket.number)
                .join(QueueEvent, QueueEvent.ticket_id == Ticket.id)
                .where(QueueEvent.kind == "call")
            ).all()
        assert sorted(calls) == sorted(seen)  # each ticket called exactly once
    finally:
        for _panel, watcher in panels:
            watcher.stop()
