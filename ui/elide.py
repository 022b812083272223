"""Text too long for its place is shortened where a line may break, never inside a word:
"New catalogue version 2026.12 received…", not "New catalogue version 2026.12 rec". Chinese
may break between any two characters, English between words (Qt's line-break rules, UAX #14);
the whole text is always in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, QTextBoundaryFinder
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ELLIPSIS = "…"


def break_positions(text: str) -> list[int]:
    """Where a line may break in ``text``, in order (Qt's line-break boundaries)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    positions: list[int] = []
    position = finder.toNextBoundary()
    while position != -1:
        positions.append(position)
        position = finder.toNextBoundary()
    return positions


def elide_at_break(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` when it fits ``width`` pixels, else its longest head that ends where a line may
    break, followed by "…" (just "…" when not even one word fits)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    best = ""
    for position in break_positions(text):
        head = text[:position].rstrip()
        if head and metrics.horizontalAdvance(head + ELLIPSIS) <= width:
            best = head
        elif head:
            break
    return best + ELLIPSIS


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, shortened at a break."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(
            self.fontMetrics().horizontalAdvance(ELLIPSIS) * 2, super().sizeHint().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        available = self.contentsRect().width()
        self.setText(elide_at_break(self._full, self.fontMetrics(), available))
