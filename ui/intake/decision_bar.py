"""The four decisions, each enabled only when the rules allow it, with the reasons shown.

The recommended decision is the default button (highlighted, taken by Enter); each button's
tool tip and the reason list beside the buttons say why a decision is open or closed.
Refusing asks for the statutory ground, the written reason and the competent agency.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.intake.rules import Assessment, Decision, Refusal, RefusalGround
from ui.intake.reasons import decision_name, ground_name, reason_text

SHORTCUTS = {
    Decision.ACCEPT: "Alt+1",
    Decision.ONE_TIME_NOTICE: "Alt+2",
    Decision.DEFERRAL: "Alt+3",
    Decision.REFUSE: "Alt+4",
}


class DecisionBar(QWidget):
    decided = Signal(object)  # Decision
    refusal_changed = Signal(object)  # Refusal

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[Decision, QPushButton] = {}
        row = QHBoxLayout()
        for decision in Decision:
            button = QPushButton(decision_name(decision))
            button.setShortcut(SHORTCUTS[decision])
            button.setEnabled(False)
            button.clicked.connect(lambda _c=False, d=decision: self.decided.emit(d))
            self.buttons[decision] = button
            row.addWidget(button)
        self.refusal_button = QPushButton(self.tr("Ground for re&fusal…"))
        self.refusal_button.clicked.connect(self.ask_refusal)
        row.addWidget(self.refusal_button)
        self.refusal_dialog: RefusalDialog | None = None
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        # What an allowed decision will do that the clerk must know before the paper prints
        # (a receipt without a date when the calendar lacks the year).
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.warnings.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.warnings)
        layout.addWidget(self.reasons)
        self.recommended: Decision | None = None

    def show_assessment(self, assessment: Assessment | None, names: Mapping[str, str]) -> None:
        self.recommended = assessment.recommended if assessment else None
        lines: list[str] = []
        warnings: list[str] = []
        for decision, button in self.buttons.items():
            option = assessment.option(decision) if assessment else None
            allowed = bool(option and option.allowed)
            button.setEnabled(allowed)
            button.setDefault(decision is self.recommended)
            font = button.font()
            font.setBold(decision is self.recommended)
            button.setFont(font)
            why = [reason_text(r, names) for r in option.reasons] if option else []
            warned = [reason_text(w, names) for w in option.warnings] if option else []
            warnings += [w for w in warned if allowed and w not in warnings]
            button.setToolTip("\n".join([*why, *(f"⚠ {w}" for w in warned)]))
            if option is not None:
                mark = "✔" if allowed else "✘"
                lines.append(f"{mark} {decision_name(decision)}: " + "; ".join(why))
                lines += [f"⚠ {reason_text(w, names)}" for w in option.warnings if allowed]
        if assessment is not None and assessment.committed:
            lines.append(
                self.tr(
                    "Notify-and-commit: {count} material(s) on the applicant's commitment; "
                    "the commitment letter prints with the paper, to be signed."
                ).format(count=len(assessment.committed))
            )
        if self.recommended is not None:
            lines.insert(
                0,
                self.tr("Recommended: {decision}").format(decision=decision_name(self.recommended)),
            )
        self.reasons.setText("\n".join(lines))
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def ask_refusal(self) -> None:
        dialog = RefusalDialog(self)
        dialog.accepted.connect(lambda: self.refusal_changed.emit(dialog.refusal()))
        self.refusal_dialog = dialog
        dialog.open()

    def set_busy(self, busy: bool) -> None:
        if busy:
            for button in self.buttons.values():
                button.setEnabled(False)


class RefusalDialog(QDialog):
    """The ground, the written reason and the competent agency of a refusal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refuse the application"))
        self.ground = QComboBox()
        for ground in RefusalGround:
            self.ground.addItem(ground_name(ground.value), ground)
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)
        self.agency = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Ground"), self.ground)
        form.addRow(self.tr("&Reason"), self.explanation)
        form.addRow(self.tr("&Competent agency"), self.agency)
        note = QLabel(
            self.tr(
                "The notice states the relief rights: reconsideration within 60 days, "
                "a lawsuit within 6 months."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def refusal(self) -> Refusal:
        return Refusal(
            ground=RefusalGround(self.ground.currentData()),
            explanation=self.explanation.toPlainText().strip(),
            competent_agency=self.agency.text().strip(),
        )
