"""The clerk's main window: the caller panel, a session menu and who is signed in where.

Signing out or closing only leaves this PC: the window's queue state stays as it is, so a
ticket being served is not lost when the app is restarted. After ``idle_lock_minutes`` without
input the screen locks (``ui.idle_lock``); the work underneath waits, untouched.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from clerk_app.auth import AuthService
from clerk_app.queue.service import QueueService
from ui.clerk.caller_panel import CallerPanel
from ui.i18n import pick_name
from ui.idle_lock import MINUTE_MS, ScreenLock
from ui.login import ClerkSession
from ui.password_dialog import ChangePasswordDialog
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

DEFAULT_SIZE = (1100, 760)


class ClerkWindow(QMainWindow):
    signed_out = Signal()
    closed = Signal()

    def __init__(
        self,
        queue: QueueService,
        runner: TaskRunner,
        session: ClerkSession,
        watcher: HallWatcher,
        *,
        auth: AuthService,
        idle_lock_minutes: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._runner = runner
        self._session = session
        self.password_dialog: ChangePasswordDialog | None = None
        self.panel = CallerPanel(queue, runner, session, watcher, self)
        self.setCentralWidget(self.panel)
        rules = queue.rules
        hall = pick_name(self.locale(), rules.name_zh, rules.name_en)
        self.setWindowTitle(self.tr("OneWindow — {hall}").format(hall=hall))
        signed_in = self.tr("Signed in as {name} at window {window}").format(
            name=session.user.display_name, window=session.window_number
        )
        self.statusBar().addPermanentWidget(QLabel(signed_in))
        self.screen_lock = ScreenLock(
            self, auth, session.user, runner, idle_ms=idle_lock_minutes * MINUTE_MS
        )
        self.screen_lock.sign_out_requested.connect(self.signed_out.emit)
        self._build_menu()
        self.resize(*DEFAULT_SIZE)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Session"))
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.setShortcut(QKeySequence("Ctrl+L"))
        sign_out.triggered.connect(self.signed_out.emit)
        lock = QAction(self.tr("&Lock the screen"), self)
        lock.setShortcut(QKeySequence("Ctrl+Shift+L"))
        lock.triggered.connect(self.screen_lock.lock)
        change = QAction(self.tr("&Change password…"), self)
        change.triggered.connect(self.change_password)
        quit_app = QAction(self.tr("&Quit"), self)
        quit_app.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_app.triggered.connect(self.close)
        menu.addAction(sign_out)
        menu.addAction(lock)
        menu.addAction(change)
        menu.addAction(quit_app)

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(
            self._auth, self._runner, self._session.user.username, parent=self
        )
        dialog.open()
        self.password_dialog = dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.screen_lock.stop()
        self.closed.emit()
        super().closeEvent(event)
