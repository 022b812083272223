"""The supervisor's main window: the dashboard and a session menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from clerk_app.accounts.roles import UserInfo
from clerk_app.licences.checks import LicenceFailures
from clerk_app.queue.alerts import AlertThresholds
from clerk_app.queue.oversight import Oversight
from clerk_app.queue.service import QueueService
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from clerk_app.settings import Settings
from ui.elide import ElidedLabel
from ui.i18n import pick_name
from ui.session_menu import quit_action, session_menu, sign_out_action
from ui.supervisor.dashboard import SupervisorDashboard
from ui.supervisor.figures_panel import FiguresDeps, FiguresPanel
from ui.tasks import TaskRunner
from ui.voice.backends import SoundPlayer, voice_dir
from ui.watcher import HallWatcher

DEFAULT_SIZE = (1400, 900)


class SupervisorWindow(QMainWindow):
    signed_out = Signal()
    closed = Signal()

    def __init__(
        self,
        dashboard: SupervisorDashboard,
        user_name: str,
        parent: QWidget | None = None,
        *,
        figures: FiguresPanel | None = None,
    ) -> None:
        super().__init__(parent)
        self.dashboard = dashboard
        self.figures = figures
        if figures is None:
            self.setCentralWidget(dashboard)
        else:
            self.tabs = QTabWidget()
            self.tabs.addTab(dashboard, self.tr("&Queue"))
            self.tabs.addTab(figures, self.tr("&Figures and ratings"))
            self.tabs.currentChanged.connect(self._tab_changed)
            self.setCentralWidget(self.tabs)
        rules = dashboard.rules
        hall = pick_name(self.locale(), rules.name_zh, rules.name_en)
        self.setWindowTitle(self.tr("OneWindow supervisor — {hall}").format(hall=hall))
        self.statusBar().addPermanentWidget(
            ElidedLabel(self.tr("Signed in as {name}").format(name=user_name))
        )
        menu = session_menu(self)
        menu.addAction(sign_out_action(self, self.signed_out.emit))
        menu.addAction(quit_action(self))
        self.resize(*DEFAULT_SIZE)

    def _tab_changed(self) -> None:
        if self.figures is not None and self.tabs.currentWidget() is self.figures:
            self.figures.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.closed.emit()
        super().closeEvent(event)


def supervisor_window(
    queue: QueueService,
    runner: TaskRunner,
    watcher: HallWatcher,
    user: UserInfo,
    settings: Settings,
    figures: FiguresDeps | None = None,
    licence_failures: LicenceFailures | None = None,
) -> SupervisorWindow:
    sound_dir = Path(settings.voice_dir) if settings.voice_dir else voice_dir()
    player = SoundPlayer()
    beep = (lambda: player.play(sound_dir / "chime.wav")) if settings.alert_sound else None
    dashboard = SupervisorDashboard(
        Oversight(queue),
        SupervisorDesk(queue, Supervisor(user.user_id, user.display_name)),
        queue,
        runner,
        watcher,
        AlertThresholds(pause_min=settings.pause_alert_min, crowd=settings.crowd_alert),
        alert_sound=beep,
        branding=settings.printing.branding,
        licences=(licence_failures, user) if licence_failures is not None else None,
    )
    player.setParent(dashboard)
    panel = FiguresPanel(figures, runner, user) if figures is not None else None
    return SupervisorWindow(dashboard, user.display_name, figures=panel)
