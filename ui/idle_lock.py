"""The idle lock: after N minutes without keyboard or mouse, an opaque overlay hides everything.

``IdleWatcher`` is an event filter on the application that re-arms a single-shot ``QTimer`` on
every key, mouse, wheel or touch event (no thread, no polling). ``ScreenLock`` then hides the
main window's contents and every other window of the app (dialogs opened with ``open()`` keep
their state when hidden), lays an opaque overlay showing only the clerk's name and a password
field over the window, and swallows shortcuts aimed at anything underneath. The widgets keep
their state, so the draft in progress is intact after the clerk re-authenticates; the password
is checked in the task runner and a wrong one counts toward the lockout. Hidden widgets are out
of screenshots and of the accessibility tree, not merely painted over.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.auth import AuthService, LoginFailed
from clerk_app.accounts.roles import UserInfo
from ui.i18n import locked_until_text, login_failure_message
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
ERROR_STYLE = "color: #b00020;"
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)
SHORTCUTS = frozenset({QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride})


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``timeout_ms`` without user input anywhere in the app."""

    idle = Signal()

    def __init__(self, app: QCoreApplication, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle.emit)
        self._app = app
        self._paused = False
        app.installEventFilter(self)

    def start(self) -> None:
        self._paused = False
        self.timer.start()

    def pause(self) -> None:
        """While locked: input goes to the overlay and must not re-arm the timer."""
        self._paused = True
        self.timer.stop()

    def stop(self) -> None:
        self.pause()
        self._app.removeEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not self._paused and event.type() in ACTIVITY:
            self.timer.start()
        return False


class LockOverlay(QFrame):
    """Opaque, over the whole window: the clerk's name, a password field, unlock, sign out."""

    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, clerk_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.title = QLabel(self.tr("The screen is locked"))
        font = self.title.font()
        font.setPointSize(font.pointSize() + 6)
        self.title.setFont(font)
        self.clerk = QLabel(self.tr("Signed in: {name}").format(name=clerk_name))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self._submit)
        self.unlock = QPushButton(self.tr("&Unlock"))
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self._submit)
        self.sign_out = QPushButton(self.tr("Sign &out"))
        self.sign_out.clicked.connect(self.sign_out_requested.emit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()
        self.hide()

    def _lay_out(self) -> None:
        box = QVBoxLayout()
        for widget in (self.title, self.clerk, self.password, self.message):
            box.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock)
        buttons.addWidget(self.sign_out)
        box.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addLayout(box)
        column.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(1)

    def _submit(self) -> None:
        if self.password.text():
            self.unlock_requested.emit(self.password.text())

    def set_busy(self, *, busy: bool) -> None:
        for widget in (self.password, self.unlock, self.sign_out):
            widget.setEnabled(not busy)

    def show_message(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)


class ScreenLock(QObject):
    """Locks ``window`` (and the app's other windows) when idle; unlocks after re-authentication."""

    locked = Signal()
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        window: QMainWindow,
        auth: AuthService,
        user: UserInfo,
        runner: TaskRunner,
        *,
        idle_ms: int,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._auth = auth
        self._user = user
        self._runner = runner
        self._hidden: list[QWidget] = []
        self._focus: QWidget | None = None
        self.overlay = LockOverlay(user.display_name, window)
        self.overlay.unlock_requested.connect(self._check)
        self.overlay.sign_out_requested.connect(self.sign_out_requested.emit)
        app = QApplication.instance()
        assert app is not None
        self._app = app
        self.idle = IdleWatcher(app, idle_ms, self)
        self.idle.idle.connect(self.lock)
        window.installEventFilter(self)
        self.idle.start()

    @property
    def is_locked(self) -> bool:
        return self.overlay.isVisible()

    def lock(self) -> None:
        if self.is_locked:
            return
        self.idle.pause()
        self._focus = QApplication.focusWidget()
        self._hidden = [w for w in self._covered() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self.overlay.setGeometry(self._window.rect())
        self.overlay.show_message("", error=False)
        self.overlay.password.clear()
        self.overlay.set_busy(busy=False)
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus()
        self._app.installEventFilter(self)  # shortcuts of the hidden widgets stay silent
        self._runner.run(lambda: self._auth.lock_screen(self._user), _ignore, _log_failure)
        log.info("screen locked after inactivity")
        self.locked.emit()

    def _covered(self) -> list[QWidget]:
        """The window's own parts and every other top-level window of the app."""
        parts = [
            w
            for w in self._window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if w is not self.overlay and not w.isWindow()
        ]
        others = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self._window and w.isVisible() and not w.inherits("QMenu")
        ]
        return parts + others

    def _check(self, password: str) -> None:
        self.overlay.set_busy(busy=True)
        self.overlay.show_message(self.tr("Checking…"), error=False)
        self._runner.run(
            lambda: self._auth.unlock_screen(self._user, password),
            lambda _none: self.unlock(),
            self._failed,
            owner=self,
        )

    def unlock(self) -> None:
        self._app.removeEventFilter(self)
        self.overlay.password.clear()
        self.overlay.hide()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self._focus is not None:
            self._focus.setFocus()
        self.idle.start()
        self.unlocked.emit()

    def _failed(self, exc: Exception) -> None:
        self.overlay.set_busy(busy=False)
        self.overlay.password.clear()
        self.overlay.password.setFocus()
        if isinstance(exc, LoginFailed):
            until = locked_until_text(exc.locked_until_ms)
            self.overlay.show_message(login_failure_message(exc.reason, until), error=True)
            return
        log.error("screen unlock failed", exc_info=exc)
        self.overlay.show_message(
            self.tr("The database cannot be reached. Please try again."), error=True
        )

    def stop(self) -> None:
        self.idle.stop()
        self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.overlay.setGeometry(self._window.rect())
            return False
        if event.type() in SHORTCUTS and self.is_locked:
            return not (isinstance(watched, QWidget) and self.overlay.isAncestorOf(watched))
        return False


def _ignore(_result: object) -> None:
    return


def _log_failure(exc: Exception) -> None:
    log.error("recording the screen lock failed", exc_info=exc)
