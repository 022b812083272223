"""Sign-in at a counter PC: who the clerk is and which window they staff.

Checking the password (argon2, deliberately slow) and opening the window both run in the task
runner; the dialog only collects the answers and shows a translated reason when it fails.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.auth import AuthService, LoginFailed, LoginFailure
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import QueueRefused
from clerk_app.settings_schema import MAX_WINDOW
from ui.i18n import locked_until_text, login_failure_message, refusal_message
from ui.password_dialog import ChangePasswordDialog
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
MUST_CHANGE = (LoginFailure.PASSWORD_EXPIRED, LoginFailure.PASSWORD_MUST_CHANGE)


@dataclass(frozen=True, slots=True)
class ClerkSession:
    """A signed-in clerk at an opened window."""

    user: UserInfo
    window_number: int


class LoginDialog(QDialog):
    signed_in = Signal(object)  # ClerkSession, emitted just before the dialog is accepted

    def __init__(
        self,
        auth: AuthService,
        queue: QueueService,
        runner: TaskRunner,
        window_number: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._queue = queue
        self._runner = runner
        self.session: ClerkSession | None = None
        self.change_dialog: ChangePasswordDialog | None = None
        self.setWindowTitle(self.tr("OneWindow — Sign in"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.window_number = QSpinBox()
        self.window_number.setRange(1, MAX_WINDOW)
        self.window_number.setValue(window_number)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Username:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Window number:"), self.window_number)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.username.setFocus()  # takes effect when the dialog is first shown

    def sign_in(self) -> None:
        username = self.username.text().strip()
        if not username:
            self._fail(self.tr("Please enter your username."))
            self.username.setFocus()
            return
        password = self.password.text()
        window = self.window_number.value()
        self._set_busy(busy=True)
        self.message.setText(self.tr("Signing in…"))
        self.message.setStyleSheet("")
        self._runner.run(
            lambda: self._open(username, password, window), self._done, self._failed, owner=self
        )

    def _open(self, username: str, password: str, window: int) -> ClerkSession:
        """Runs in the background: check the password, then open the window for a clerk
        (a supervisor lands on the dashboard and opens no window)."""
        user = self._auth.authenticate(username, password)
        if user.role is Role.CLERK:
            self._queue.open_window(window, user.user_id)
        return ClerkSession(user, window)

    def _done(self, session: ClerkSession) -> None:
        self._set_busy(busy=False)
        self.session = session
        self.password.clear()
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(busy=False)
        if isinstance(exc, LoginFailed) and exc.reason in MUST_CHANGE:
            self._fail(login_failure_message(exc.reason))
            self._ask_new_password(exc.reason)
        elif isinstance(exc, LoginFailed):
            until = locked_until_text(exc.locked_until_ms)
            self._fail(login_failure_message(exc.reason, until))
            self.password.clear()
            self.password.setFocus()
        elif isinstance(exc, QueueRefused):
            self._fail(refusal_message(exc.code))
            self.window_number.setFocus()
        else:
            log.error("sign-in failed", exc_info=exc)
            self._fail(self.tr("The database cannot be reached. Please try again."))

    def _ask_new_password(self, reason: LoginFailure) -> None:
        """The password was right but must be changed: change it, then sign in with the new one."""
        dialog = ChangePasswordDialog(
            self._auth,
            self._runner,
            self.username.text().strip(),
            old_password=self.password.text(),
            reason=reason,
            parent=self,
        )
        dialog.changed.connect(self._changed)
        dialog.open()
        self.change_dialog = dialog

    def _changed(self, new_password: str) -> None:
        self.password.setText(new_password)
        self.sign_in()

    def _fail(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _set_busy(self, *, busy: bool) -> None:
        for widget in (self.username, self.password, self.window_number, self.buttons):
            widget.setEnabled(not busy)
