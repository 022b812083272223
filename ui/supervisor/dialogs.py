"""The supervisor's questions: which services a window serves."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)


class WindowServicesDialog(QDialog):
    """Tick the services a window serves; at least one."""

    def __init__(
        self,
        window_name: str,
        services: list[tuple[str, str]],
        serving: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Services of {window}").format(window=window_name))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This window serves:")))
        self.boxes: dict[str, QCheckBox] = {}
        for code, name in services:
            box = QCheckBox(name)
            box.setChecked(code in serving)
            box.toggled.connect(self._sync)
            layout.addWidget(box)
            self.boxes[code] = box
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._sync()

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def _sync(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.codes()))
