"""The signing dialog on the clerk's screen: the signing panel (``ui.signature.panel``) with
取消, keyboard operable.

It returns the ink (:meth:`SigningDialog.ink`, and ``signed`` when confirmed); a blank pad or a
dot is refused in the dialog with a line that says why. Where the counter has an applicant's
screen the same panel is shown there instead (``ui.applicant.signing``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from clerk_app.signatures.ink import SignatureInk
from ui.signature.panel import SigningPanel


class SigningDialog(QDialog):
    signed = Signal(object)  # SignatureInk

    def __init__(self, prompt: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature"))
        self._ink: SignatureInk | None = None
        self.panel = SigningPanel(prompt, self)
        panel = self.panel
        self.prompt, self.pad, self.problem = panel.prompt, panel.pad, panel.problem
        self.clear_button, self.undo_button = panel.clear_button, panel.undo_button
        self.redo_button, self.confirm_button = panel.redo_button, panel.confirm_button
        self.cancel_button = panel.button(self.tr("Cancel"))
        panel.buttons.insertWidget(panel.buttons.count() - 1, self.cancel_button)
        self.confirm_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        panel.signed.connect(self._signed)
        QVBoxLayout(self).addWidget(panel)

    def ink(self) -> SignatureInk | None:
        """The confirmed ink (None until confirmed)."""
        return self._ink

    def _signed(self, ink: SignatureInk) -> None:
        self._ink = ink
        self.signed.emit(ink)
        self.accept()
