"""A supervisor lets a real identity number through a failed check character.

Old cards and early company codes exist whose check character does not compute; docs/domain-rules.md
lets a supervisor vouch for them. The supervisor signs in here (off the GUI thread), gives a reason,
and the override (who, why, when) goes with the case and into the audit trail.

The same dialog records a supervisor's go-ahead for another check the counter could not pass
(the credit check while offline): ``grant`` then builds the record from the supervisor, the
reason and the time, and ``explanation`` says what is being overridden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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

from clerk_app.accounts.auth import AuthService, LoginFailed
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.intake.types import IdType
from clerk_app.validation import (
    OverrideRefusal,
    OverrideRefused,
    SupervisorOverride,
    override_credit_code,
    override_resident_id,
)
from ui.i18n import login_failure_message
from ui.tasks import TaskRunner

SUPERVISING = (Role.SUPERVISOR, Role.ADMIN)
# Builds the override record from the supervisor, the reason and the time (in the background).
Grant = Callable[[UserInfo, str, int], SupervisorOverride]


class NotASupervisor(Exception):  # noqa: N818 - an expected refusal shown to the clerk
    pass


class OverrideDialog(QDialog):
    granted = Signal(object)  # SupervisorOverride

    def __init__(
        self,
        runner: TaskRunner,
        auth: AuthService,
        id_type: IdType,
        value: str,
        today: Callable[[], dt.date],
        now_ms: Callable[[], int],
        parent: QWidget | None = None,
        *,
        grant: Grant | None = None,
        explanation: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor override"))
        self._runner, self._auth, self._grant_with = runner, auth, grant
        self._id_type, self._value = id_type, value
        self._today, self._now_ms = today, now_ms
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor &username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Reason (recorded)"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                explanation
                or self.tr(
                    "The check character of this number does not compute. A supervisor may "
                    "let a real card or code through after checking the original."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        username, password, reason = (
            self.username.text(),
            self.password.text(),
            self.reason.text(),
        )
        self.buttons.setEnabled(False)
        self._runner.run(
            lambda: self._grant(username, password, reason), self._granted, self._refused
        )

    def _grant(self, username: str, password: str, reason: str) -> SupervisorOverride | None:
        """Runs in the background: the supervisor's password is an argon2 check."""
        user = self._auth.authenticate(username, password)
        if user.role not in SUPERVISING:
            raise NotASupervisor(user.username)
        at_ms = self._now_ms()
        if self._grant_with is not None:
            return self._grant_with(user, reason, at_ms)
        if self._id_type is IdType.CREDIT_CODE:
            return override_credit_code(
                self._value,
                supervisor_id=user.user_id,
                supervisor_name=user.display_name,
                reason=reason,
                at_ms=at_ms,
            ).override
        return override_resident_id(
            self._value,
            today=self._today(),
            supervisor_id=user.user_id,
            supervisor_name=user.display_name,
            reason=reason,
            at_ms=at_ms,
        ).override

    def _refusal_text(self, code: OverrideRefusal) -> str:
        texts = {
            OverrideRefusal.NOT_OVERRIDABLE: self.tr(
                "Only a wrong check character can be overridden; this number has another fault."
            ),
            OverrideRefusal.REASON_REQUIRED: self.tr("Please give the reason for the override."),
            OverrideRefusal.REASON_TOO_LONG: self.tr("The reason is too long."),
            OverrideRefusal.NOTHING_TO_OVERRIDE: self.tr("This number passes every check."),
        }
        return texts[code]

    def _granted(self, override: SupervisorOverride | None) -> None:
        self.buttons.setEnabled(True)
        if override is None:
            return
        self.granted.emit(override)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        if isinstance(exc, LoginFailed):
            self.message.setText(login_failure_message(exc.reason))
        elif isinstance(exc, NotASupervisor):
            self.message.setText(self.tr("Only a supervisor or administrator may do this."))
        elif isinstance(exc, OverrideRefused):
            self.message.setText(self._refusal_text(exc.code))
        else:
            raise exc
