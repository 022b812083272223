"""The small questions the queue's screens ask: where to transfer, how long to park, why pause
(the clerk's caller panel asks all three, the supervisor's dashboard transfers too).

Each dialog only collects an answer; the panel runs the operation. They are opened with
``open()`` (window-modal, no nested event loop) and report through ``accepted``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.queue.service import MAX_PARK_MINUTES
from clerk_app.queue.types import HallStatus, PauseReason
from ui.i18n import pause_reason_name, pick_name, stored_pause_reason

DEFAULT_PARK_MINUTES = 10
MAX_REASON_CHARS = 190  # the core keeps 200 characters, including the "other: " prefix


@dataclass(frozen=True, slots=True)
class TransferTarget:
    service_code: str | None = None
    window_number: int | None = None


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _ok(box: QDialogButtonBox) -> QPushButton:
    return box.button(QDialogButtonBox.StandardButton.Ok)


class TransferDialog(QDialog):
    """Choose another service's queue or a named window for the current ticket."""

    def __init__(
        self,
        services: list[tuple[str, str]],
        windows: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer ticket"))
        self.to_service = QRadioButton(self.tr("To the queue of a &service"))
        self.to_window = QRadioButton(self.tr("To a &window"))
        self.service_box = QComboBox()
        for code, name in services:
            self.service_box.addItem(name, code)
        self.window_box = QComboBox()
        for number, name in windows:
            self.window_box.addItem(name, number)
        self.to_service.setChecked(True)
        self.buttons = _buttons(self)
        layout = QFormLayout(self)
        layout.addRow(self.to_service, self.service_box)
        layout.addRow(self.to_window, self.window_box)
        layout.addRow(self.buttons)
        self.to_service.toggled.connect(self._sync)
        self._sync()

    @classmethod
    def for_hall(cls, hall: HallStatus, own_window: int, parent: QWidget) -> TransferDialog:
        """Every service of the hall and every window but this one, in the clerk's language."""
        locale = parent.locale()
        services = [
            (s.code, f"{s.prefix} {pick_name(locale, s.name_zh, s.name_en)}") for s in hall.services
        ]
        windows = [
            (w.number, pick_name(locale, w.name_zh, w.name_en))
            for w in hall.windows
            if w.number != own_window
        ]
        return cls(services, windows, parent)

    def _sync(self) -> None:
        by_service = self.to_service.isChecked()
        self.service_box.setEnabled(by_service)
        self.window_box.setEnabled(not by_service)
        box = self.service_box if by_service else self.window_box
        _ok(self.buttons).setEnabled(box.count() > 0)

    def target(self) -> TransferTarget:
        if self.to_service.isChecked():
            return TransferTarget(service_code=str(self.service_box.currentData()))
        return TransferTarget(window_number=int(self.window_box.currentData()))

    def target_name(self) -> str:
        box = self.service_box if self.to_service.isChecked() else self.window_box
        return box.currentText()


class ParkDialog(QDialog):
    """For how many minutes the person is away (fetching a document); then back to this window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Park ticket"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_PARK_MINUTES)
        self.minutes.setValue(DEFAULT_PARK_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("Back in &minutes:"), self.minutes)
        layout.addRow(_buttons(self))


class PauseDialog(QDialog):
    """Why service stops at this window; "other" needs the clerk's own words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pause service"))
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Reason for pausing service:")))
        self._reasons = list(PauseReason)
        for index, reason in enumerate(self._reasons):
            radio = QRadioButton(pause_reason_name(reason))
            self.choices.addButton(radio, index)
            layout.addWidget(radio)
        self.other_text = QLineEdit()
        self.other_text.setMaxLength(MAX_REASON_CHARS)
        self.other_text.setPlaceholderText(self.tr("Describe the reason"))
        layout.addWidget(self.other_text)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.choose(PauseReason.BREAK)
        self.choices.buttonToggled.connect(self._sync)
        self.other_text.textChanged.connect(self._sync)
        self._sync()

    def choose(self, reason: PauseReason) -> None:
        self.choices.button(self._reasons.index(reason)).setChecked(True)

    def chosen(self) -> PauseReason:
        index = self.choices.checkedId()
        return self._reasons[index] if index >= 0 else PauseReason.BREAK

    def reason(self) -> str:
        """The reason as the queue stores it."""
        return stored_pause_reason(self.chosen(), self.other_text.text())

    def _sync(self) -> None:
        other = self.chosen() is PauseReason.OTHER
        self.other_text.setEnabled(other)
        _ok(self.buttons).setEnabled(not other or bool(self.other_text.text().strip()))
        if other:
            self.other_text.setFocus()
