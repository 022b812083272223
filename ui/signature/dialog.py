"""The signing dialog: the pad with 清除 / 撤销 / 重做 / 确认签名 / 取消, keyboard operable.

It returns the ink (:meth:`SigningDialog.ink`, and ``signed`` when confirmed); a blank pad or a
dot is refused in the dialog with a line that says why. The clerk opens it on the counter's
screen; the applicant's screen can host the same dialog or the pad alone.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.signatures.ink import InkProblem, SignatureInk
from ui.signature.pad import InkRefused, SignaturePad

BUTTON_HEIGHT = 48  # large enough to hit with a finger on a touch screen


class SigningDialog(QDialog):
    signed = Signal(object)  # SignatureInk

    def __init__(self, prompt: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature"))
        self._ink: SignatureInk | None = None
        self.prompt = QLabel(prompt or self.tr("Please sign in the box below."))
        self.prompt.setWordWrap(True)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.prompt.setFont(font)
        self.pad = SignaturePad(self)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.clear_button = self._button(
            self.tr("&Clear"), QKeySequence(QKeySequence.StandardKey.Delete)
        )
        self.undo_button = self._button(
            self.tr("&Undo"), QKeySequence(QKeySequence.StandardKey.Undo)
        )
        self.redo_button = self._button(
            self.tr("&Redo"), QKeySequence(QKeySequence.StandardKey.Redo)
        )
        self.confirm_button = self._button(self.tr("C&onfirm signature"))
        self.cancel_button = self._button(self.tr("Cancel"))
        self.confirm_button.setDefault(True)
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.redo_button.clicked.connect(self.pad.redo)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.pad.changed.connect(self._pad_changed)
        edits = QHBoxLayout()
        for button in (self.clear_button, self.undo_button, self.redo_button):
            edits.addWidget(button)
        edits.addStretch(1)
        edits.addWidget(self.cancel_button)
        edits.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.problem)
        layout.addLayout(edits)
        self._pad_changed()

    def _button(self, text: str, shortcut: QKeySequence | None = None) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setAutoDefault(False)
        if shortcut is not None:
            button.setShortcut(shortcut)
            button.setToolTip(shortcut.toString(QKeySequence.SequenceFormat.NativeText))
        return button

    def ink(self) -> SignatureInk | None:
        """The confirmed ink (None until confirmed)."""
        return self._ink

    def confirm(self) -> None:
        try:
            ink = self.pad.export()
        except InkRefused as refused:
            self.problem.setText(self.problem_text(refused.problem))
            return
        self._ink = ink
        self.signed.emit(ink)
        self.accept()

    def problem_text(self, problem: InkProblem) -> str:
        if problem is InkProblem.EMPTY:
            return self.tr("Nothing is signed yet: please sign in the box.")
        return self.tr("That is too little to be a signature: please sign your full name.")

    def _pad_changed(self) -> None:
        self.problem.clear()
        self.clear_button.setEnabled(not self.pad.is_empty() or self.pad.can_redo())
        self.undo_button.setEnabled(self.pad.can_undo())
        self.redo_button.setEnabled(self.pad.can_redo())
