"""Changing one's own password: at sign-in when it expired or was set by the administrator, or
from the session menu. The check (argon2, slow on purpose) runs in the task runner; the core's
codes come back as a translated list of every rule the new password breaks."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.auth import AuthService, LoginFailed, LoginFailure, PasswordRejected
from ui.i18n import locked_until_text, login_failure_message, password_problem_message
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"


class ChangePasswordDialog(QDialog):
    changed = Signal(str)  # the new password, for signing in with it right away

    def __init__(
        self,
        auth: AuthService,
        runner: TaskRunner,
        username: str,
        *,
        old_password: str = "",
        reason: LoginFailure | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._runner = runner
        self._username = username
        self.setWindowTitle(self.tr("Change password"))
        self.reason = QLabel(login_failure_message(reason) if reason else "")
        self.reason.setWordWrap(True)
        self.old = self._password_field()
        self.old.setText(old_password)
        self.new = self._password_field()
        self.confirm = self._password_field()
        self.rules = QLabel(self._rules_text())
        self.rules.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Change"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(hide_old=bool(old_password))

    @staticmethod
    def _password_field() -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _rules_text(self) -> str:
        policy = self._auth.policy
        text = self.tr("At least {n} characters.").format(n=policy.min_length)
        if policy.min_character_classes:
            text += " " + self.tr(
                "Mix at least {n} of: capital letters, small letters, digits, symbols."
            ).format(n=policy.min_character_classes)
        return text

    def _lay_out(self, *, hide_old: bool) -> None:
        form = QFormLayout()
        if not hide_old:  # at sign-in the clerk has just typed it
            form.addRow(self.tr("&Current password:"), self.old)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat the new password:"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.rules)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.new.setFocus()

    def submit(self) -> None:
        new = self.new.text()
        if new != self.confirm.text():
            self.message.setText(self.tr("The two new passwords differ."))
            self.confirm.clear()
            self.confirm.setFocus()
            return
        old, name = self.old.text(), self._username
        self._set_busy(busy=True)
        self._runner.run(
            lambda: self._auth.change_password(name, old, new),
            lambda _none: self._done(new),
            self._failed,
            owner=self,
        )

    def _done(self, new: str) -> None:
        self._set_busy(busy=False)
        self.changed.emit(new)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(busy=False)
        policy = self._auth.policy
        if isinstance(exc, PasswordRejected):
            lines = [password_problem_message(p, policy) for p in exc.problems]
            self.message.setText("\n".join(lines))
            self.new.setFocus()
        elif isinstance(exc, LoginFailed):
            until = locked_until_text(exc.locked_until_ms)
            self.message.setText(login_failure_message(exc.reason, until))
            self.old.clear()
        else:
            log.error("changing the password failed", exc_info=exc)
            self.message.setText(self.tr("The database cannot be reached. Please try again."))
        self.new.clear()
        self.confirm.clear()

    def _set_busy(self, *, busy: bool) -> None:
        for widget in (self.old, self.new, self.confirm, self.buttons):
            widget.setEnabled(not busy)
