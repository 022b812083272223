"""The applicant's credit status (信用核查) on the intake form, and the supervisor's go-ahead.

When the applicant's resident ID number or credit code is complete and valid (or a supervisor
let it through its check character), the check runs in the background on its own runner (the
server may take its whole timeout; the assessments never queue behind it) and the line shows
正常, the listing, or 未能核查 with the reason. A newer number makes an older answer stale.
While unknown, 重新核查 asks again and 主管授权 records a supervisor's override (the override
dialog, signed in off the GUI thread), which opens 容缺 and 告知承诺 again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.types import Actor
from clerk_app.credit.service import CreditService, normalised, override_unknown_credit
from clerk_app.credit.types import CreditCheck, CreditState, UnknownReason
from clerk_app.intake.types import ApplicantInput, IdType
from clerk_app.validation import SupervisorOverride
from onewindow_protocol.identifiers import subject_kind
from onewindow_protocol.masking import mask_id
from ui.intake.override_dialog import OverrideDialog
from ui.intake.reasons import unknown_reason_text
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

CHECKED_TYPES = (IdType.RESIDENT_ID, IdType.CREDIT_CODE)


class CreditBox(QWidget):
    changed = Signal()  # the check's answer or the override changed: assess again

    def __init__(
        self,
        credit: CreditService,
        runner: TaskRunner,
        by: Actor,
        case_number: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._credit, self._runner, self._by, self._case_number = credit, runner, by, case_number
        self._generation = 0
        self._identifier: str | None = None
        self.check: CreditCheck | None = None  # None: no number to check, or still asking
        self.override: SupervisorOverride | None = None
        self._override_source: (
            tuple[TaskRunner, AuthService, Callable[[], int], Callable[[], dt.date]] | None
        ) = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.recheck_button = QPushButton(self.tr("Check a&gain"))
        self.recheck_button.clicked.connect(self.recheck)
        self.override_button = QPushButton(self.tr("Supervisor o&verride…"))
        self.override_button.clicked.connect(self.request_override)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.recheck_button)
        layout.addWidget(self.override_button)
        self._show()

    def enable_overrides(
        self,
        runner: TaskRunner,
        auth: AuthService,
        now_ms: Callable[[], int],
        today: Callable[[], dt.date],
    ) -> None:
        self._override_source = (runner, auth, now_ms, today)
        self._show()

    # ------------------------------------------------------------------ checking
    def applicant_changed(self, applicant: ApplicantInput) -> None:
        """Check a new complete number; forget the answer when the number goes."""
        value = normalised(applicant.id_value)
        checkable = applicant.id_type in CHECKED_TYPES and (
            subject_kind(value) is not None or applicant.override is not None
        )
        identifier = value if checkable else None
        if identifier == self._identifier:
            return
        self._identifier = identifier
        self.check, self.override = None, None
        self._generation += 1
        if identifier is not None:
            self._start(identifier)
        self._show()
        self.changed.emit()

    def recheck(self) -> None:
        if self._identifier is not None:
            self._generation += 1
            self._start(self._identifier)
            self._show()

    def _start(self, identifier: str) -> None:
        generation, credit, by, case = self._generation, self._credit, self._by, self._case_number()
        self.status.setText(self.tr("Credit status: checking…"))
        self._runner.run(
            lambda: credit.check(identifier, by=by, case_number=case),
            lambda found: self._checked(generation, found),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _checked(self, generation: int, found: CreditCheck) -> None:
        if generation != self._generation:
            return
        self.check = found
        if found.state is not CreditState.UNKNOWN:
            self.override = None
        self._show()
        self.changed.emit()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            log.error("the credit check failed", exc_info=error)
            self.status.setText(self.tr("Credit status: the check failed; see the log."))

    def draft_check(self, now_ms: int) -> CreditCheck | None:
        """The answer for the draft; while still asking, ``unknown (pending)``: a decision
        the answer could refuse waits for it (or for a supervisor)."""
        if self._identifier is not None and self.check is None:
            masked = mask_id(self._identifier)
            return CreditCheck(CreditState.UNKNOWN, masked, now_ms, UnknownReason.PENDING)
        return self.check

    def reset(self) -> None:
        self._identifier, self.check, self.override = None, None, None
        self._generation += 1
        self._show()

    # ------------------------------------------------------------------ override
    def request_override(self) -> None:
        found = self.check
        if self._override_source is None or found is None:
            return
        runner, auth, now_ms, today = self._override_source

        def grant(user: UserInfo, reason: str, at_ms: int) -> SupervisorOverride:
            return override_unknown_credit(
                found,
                supervisor_id=user.user_id,
                supervisor_name=user.display_name,
                reason=reason,
                at_ms=at_ms,
            )

        dialog = OverrideDialog(
            runner,
            auth,
            IdType.RESIDENT_ID,
            "",
            today,
            now_ms,
            self,
            grant=grant,
            explanation=self.tr(
                "The applicant's credit status could not be checked. A supervisor may let "
                "deferral (容缺) or notify-and-commit (告知承诺) go ahead; the override and its "
                "reason are recorded with the case."
            ),
        )
        dialog.granted.connect(self._overridden)
        dialog.open()

    def _overridden(self, override: SupervisorOverride) -> None:
        self.override = override
        self._show()
        self.changed.emit()

    # ------------------------------------------------------------------ text
    def _show(self) -> None:
        found = self.check
        unknown = found is not None and found.state is CreditState.UNKNOWN
        self.recheck_button.setVisible(unknown)
        self.override_button.setVisible(
            unknown and self.override is None and self._override_source is not None
        )
        if self._identifier is None:
            self.status.setText(self.tr("Credit status: —"))
            self.status.setStyleSheet("")
        elif found is None:
            self.status.setText(self.tr("Credit status: checking…"))
            self.status.setStyleSheet("")
        else:
            self.status.setText(self.status_text(found))
            colour = {CreditState.CLEAR: "#1b5e20", CreditState.LISTED: "#b00020"}
            self.status.setStyleSheet(f"color: {colour.get(found.state, '#8a4b00')};")

    def status_text(self, found: CreditCheck) -> str:
        if found.state is CreditState.CLEAR:
            return self.tr("Credit status: clear")
        if found.state is CreditState.LISTED:
            reasons = "、".join(x.reason for x in found.listings) or self.tr("listed")
            return self.tr("Credit status: {reasons} (on the joint-punishment list)").format(
                reasons=reasons
            )
        text = self.tr("Credit status: could not be checked ({why})").format(
            why=unknown_reason_text(found.unknown_reason)
        )
        if self.override is not None:
            text += "\n" + self.tr("Overridden by {name}: {reason}").format(
                name=self.override.supervisor_name, reason=self.override.reason
            )
        return text
