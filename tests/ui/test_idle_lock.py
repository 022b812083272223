"""The idle lock: an opaque overlay hides the work, the clerk re-authenticates, the draft is intact.

Also the forced password change at sign-in, which shares the same re-authentication paths.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService, LockoutPolicy
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.queue.service import QueueService
from onewindow_base.db.engine import Database
from tests.passwords import FAST_HASHER
from ui.clerk.main_window import ClerkWindow
from ui.idle_lock import IdleWatcher, ScreenLock
from ui.login import ClerkSession, LoginDialog
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

from .helpers import show_active

PASSWORD = "Counter#2026a"
MAGENTA = QColor(255, 0, 255)
DRAFT = "张三 draft in progress"


@pytest.fixture
def fast_auth(db: Database) -> AuthService:
    """clerk1's password set by the administrator with a cheap hash (to keep tests quick)."""
    auth = AuthService(db, hasher=FAST_HASHER, lockout=LockoutPolicy(max_failures=3))
    admin = next(u for u in auth.list_users() if u.username == "admin")
    auth.set_password("clerk1", PASSWORD, by=admin)
    return auth


@pytest.fixture
def clerk(fast_auth: AuthService) -> UserInfo:
    return next(u for u in fast_auth.list_users() if u.username == "clerk1")


class Workstation(QMainWindow):
    """A main window with a draft, a menu shortcut and a window-modal dialog with its own draft."""

    def __init__(self) -> None:
        super().__init__()
        self.draft = QLineEdit(DRAFT)
        self.draft.setStyleSheet("background: rgb(255, 0, 255);")  # easy to find in pixels
        central = QWidget()
        QVBoxLayout(central).addWidget(self.draft)
        self.setCentralWidget(central)
        self.shortcut_hits = 0
        action = QAction("Call next", self)
        action.setShortcut(QKeySequence("Ctrl+K"))
        action.triggered.connect(self._hit)
        self.menuBar().addMenu("Queue").addAction(action)
        self.resize(640, 420)
        self.dialog = QDialog(self)
        self.dialog_draft = QLineEdit("dialog draft")
        QVBoxLayout(self.dialog).addWidget(self.dialog_draft)

    def _hit(self) -> None:
        self.shortcut_hits += 1


@pytest.fixture
def workstation(qtbot: QtBot) -> Iterator[Workstation]:
    window = Workstation()
    qtbot.addWidget(window)
    show_active(qtbot, window)
    yield window
    window.dialog.hide()


def has_magenta(image: QImage) -> bool:
    step = 4
    return any(
        image.pixelColor(x, y) == MAGENTA
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def test_the_lock_hides_everything_and_the_draft_survives(
    qtbot: QtBot,
    workstation: Workstation,
    fast_auth: AuthService,
    clerk: UserInfo,
    runner: TaskRunner,
    db: Database,
) -> None:
    workstation.dialog.open()
    finished: list[int] = []
    workstation.dialog.finished.connect(finished.append)
    lock = ScreenLock(workstation, fast_auth, clerk, runner, idle_ms=60_000)
    assert has_magenta(workstation.grab().toImage())

    lock.lock()
    assert lock.is_locked
    overlay = lock.overlay
    assert overlay.geometry() == workstation.rect()
    assert overlay.autoFillBackground()
    assert not workstation.draft.isVisible()  # out of screenshots and screen readers
    assert not workstation.menuBar().isVisible()
    assert not workstation.dialog.isVisible()
    assert not has_magenta(workstation.grab().toImage())
    shown = " ".join(label.text() for label in (overlay.title, overlay.clerk, overlay.message))
    assert "窗口1办事员" in shown
    assert DRAFT not in shown
    assert QApplication.focusWidget() is overlay.password

    qtbot.keyClick(overlay.password, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert workstation.shortcut_hits == 0  # the work underneath cannot be driven blind

    overlay.password.setText("wrong")
    overlay.unlock.click()
    assert lock.is_locked
    assert overlay.message.text() == "Wrong username or password."
    assert overlay.password.text() == ""

    qtbot.keyClicks(overlay.password, PASSWORD)
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not overlay.isVisible()
    assert workstation.draft.isVisible()
    assert workstation.draft.text() == DRAFT
    assert workstation.dialog.isVisible()
    assert workstation.dialog_draft.text() == "dialog draft"
    assert finished == []  # the dialog was hidden, never closed
    assert has_magenta(workstation.grab().toImage())
    qtbot.keyClick(workstation.draft, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    workstation.dialog.hide()
    qtbot.keyClick(workstation.draft, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert workstation.shortcut_hits == 1

    actions = [(e.action, e.outcome) for e in AuditService(db).entries(0, 2**62)]
    assert actions[-3:] == [
        ("auth.screen_lock", "ok"),
        ("auth.login_failed", "denied"),
        ("auth.screen_unlock", "ok"),
    ]


@pytest.mark.allow_log_warnings  # the lockout is logged as a warning, by design
def test_wrong_passwords_at_the_lock_count_toward_the_lockout(
    workstation: Workstation, fast_auth: AuthService, clerk: UserInfo, runner: TaskRunner
) -> None:
    lock = ScreenLock(workstation, fast_auth, clerk, runner, idle_ms=60_000)
    lock.lock()
    for _ in range(3):
        lock.overlay.password.setText("wrong")
        lock.overlay.unlock.click()
    assert "locked until" in lock.overlay.message.text()
    lock.overlay.password.setText(PASSWORD)
    lock.overlay.unlock.click()
    assert lock.is_locked  # even the right password waits for the lockout to end
    signed_out: list[bool] = []
    lock.sign_out_requested.connect(lambda: signed_out.append(True))
    lock.overlay.sign_out.click()
    assert signed_out == [True]


def test_input_anywhere_rearms_the_idle_timer(
    qtbot: QtBot, qapp: QApplication, workstation: Workstation
) -> None:
    watcher = IdleWatcher(qapp, 60_000)
    watcher.start()
    watcher.timer.stop()
    qtbot.keyClick(workstation.draft, Qt.Key.Key_A)
    assert watcher.timer.isActive()
    watcher.pause()
    qtbot.mouseClick(workstation.draft, Qt.MouseButton.LeftButton)
    assert not watcher.timer.isActive()  # while locked, input goes to the overlay only
    watcher.stop()


def test_idle_time_locks_the_screen(
    qtbot: QtBot,
    workstation: Workstation,
    fast_auth: AuthService,
    clerk: UserInfo,
    runner: TaskRunner,
) -> None:
    lock = ScreenLock(workstation, fast_auth, clerk, runner, idle_ms=20)
    with qtbot.waitSignal(lock.locked, timeout=5_000):
        pass
    assert lock.is_locked
    lock.stop()


def test_the_clerk_window_locks_after_the_configured_minutes(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
    fast_auth: AuthService,
) -> None:
    window = ClerkWindow(queue, runner, clerk_session, watcher, auth=fast_auth, idle_lock_minutes=7)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.screen_lock.idle.timer.interval() == 7 * 60_000
    assert window.screen_lock.idle.timer.isActive()
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    [lock_action] = [a for a in menu.actions() if a.text() == "&Lock the screen"]
    lock_action.trigger()
    assert window.screen_lock.is_locked
    assert not window.panel.isVisible()
    with qtbot.waitSignal(window.signed_out):
        window.screen_lock.overlay.sign_out.click()


def test_a_password_set_by_the_administrator_is_changed_at_sign_in(
    qtbot: QtBot, fast_auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    dialog = LoginDialog(fast_auth, queue, runner, 1)
    qtbot.addWidget(dialog)
    dialog.username.setText("clerk1")
    dialog.password.setText(PASSWORD)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    change = dialog.change_dialog
    assert change is not None
    assert change.isVisible()
    assert "administrator set this password" in change.reason.text()

    change.new.setText("clerk1-Secret9")
    change.confirm.setText("clerk1-Secret9")
    change.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert change.message.text() == "It must not contain your username."

    change.new.setText("Counter#2026b")
    change.confirm.setText("Counter#2026x")
    change.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert change.message.text() == "The two new passwords differ."

    change.new.setText("Counter#2026b")
    change.confirm.setText("Counter#2026b")
    with qtbot.waitSignal(dialog.signed_in) as signed:
        change.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    session = signed.args[0]
    assert isinstance(session, ClerkSession)
    assert session.user.username == "clerk1"
