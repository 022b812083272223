"""The pad with 清除 / 撤销 / 重做 / 确认签名 and the line that says why ink is refused: what the
signing dialog holds on the clerk's screen and the applicant's screen holds beside the paper.

:meth:`SigningPanel.confirm` emits ``signed`` with the ink, or refuses a blank pad or a dot in
the panel itself. ``large`` draws it for a finger at arm's length (the applicant's screen).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.signatures.ink import InkProblem
from ui.scaling import scale_font, set_px
from ui.signature.pad import InkRefused, SignaturePad

BUTTON_HEIGHT = 48  # large enough to hit with a finger on a touch screen
LARGE_BUTTON_HEIGHT = 96  # the applicant's screen, touched at arm's length
LARGE_SCALE = 2.0  # its type, against the system's
PROMPT_SCALE = 1.4  # the prompt on the clerk's screen


def ink_problem_text(problem: InkProblem) -> str:
    """Why ink is not a signature: the panel says it, and the signing flow when the core
    refuses the ink for the same reason."""
    if problem is InkProblem.EMPTY:
        return QCoreApplication.translate(
            "SigningPanel", "Nothing is signed yet: please sign in the box."
        )
    return QCoreApplication.translate(
        "SigningPanel", "That is too little to be a signature: please sign your full name."
    )


class SigningPanel(QWidget):
    signed = Signal(object)  # SignatureInk

    def __init__(self, prompt: str = "", parent: QWidget | None = None, *, large: bool = False):
        super().__init__(parent)
        self._large = large
        self.prompt = QLabel(prompt or self.tr("Please sign in the box below."))
        self.prompt.setWordWrap(True)
        scale_font(self.prompt, LARGE_SCALE if large else PROMPT_SCALE)
        self.pad = SignaturePad(self)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        scale_font(self.problem, LARGE_SCALE if large else 1.0)
        self.clear_button = self.button(
            self.tr("&Clear"), QKeySequence(QKeySequence.StandardKey.Delete)
        )
        self.undo_button = self.button(
            self.tr("&Undo"), QKeySequence(QKeySequence.StandardKey.Undo)
        )
        self.redo_button = self.button(
            self.tr("&Redo"), QKeySequence(QKeySequence.StandardKey.Redo)
        )
        self.confirm_button = self.button(self.tr("C&onfirm signature"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.redo_button.clicked.connect(self.pad.redo)
        self.confirm_button.clicked.connect(self.confirm)
        self.pad.changed.connect(self._pad_changed)
        self.buttons = QHBoxLayout()
        for button in (self.clear_button, self.undo_button, self.redo_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.problem)
        layout.addLayout(self.buttons)
        self._pad_changed()

    def button(self, text: str, shortcut: QKeySequence | None = None) -> QPushButton:
        """A button of the panel's size (the dialog adds its 取消 with it)."""
        button = QPushButton(text, self)
        button.setMinimumHeight(LARGE_BUTTON_HEIGHT if self._large else BUTTON_HEIGHT)
        button.setAutoDefault(False)
        if self._large:
            scale_font(button, LARGE_SCALE)
        if shortcut is not None:
            button.setShortcut(shortcut)
            button.setToolTip(shortcut.toString(QKeySequence.SequenceFormat.NativeText))
        return button

    def set_type_size(self, px: float) -> None:
        """Type ``px`` pixels high, buttons to match: on a hall screen, scaled to the screen."""
        set_px(self.prompt, px)
        set_px(self.problem, px * 0.9)
        for button in (self.clear_button, self.undo_button, self.redo_button, self.confirm_button):
            set_px(button, px, bold=button is self.confirm_button)
            least = LARGE_BUTTON_HEIGHT if self._large else BUTTON_HEIGHT
            button.setMinimumHeight(max(least, round(px * 2.2)))

    def confirm(self) -> None:
        try:
            ink = self.pad.export()
        except InkRefused as refused:
            self.problem.setText(ink_problem_text(refused.problem))
            return
        self.signed.emit(ink)

    def _pad_changed(self) -> None:
        self.problem.clear()
        self.clear_button.setEnabled(not self.pad.is_empty() or self.pad.can_redo())
        self.undo_button.setEnabled(self.pad.can_undo())
        self.redo_button.setEnabled(self.pad.can_redo())
