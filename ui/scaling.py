"""Type sizes for the hall screens, scaled to the screen: a design at 1920×1080 that stays
readable on a 4K panel and from 10 m (a 1080p number 200 px high is about 15 cm on a 55" TV);
and the system's type made larger by a factor, for the dialogs that want it bigger."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QWidget

DESIGN_WIDTH, DESIGN_HEIGHT = 1920, 1080


def unit(widget: QWidget) -> float:
    """1.0 at 1920×1080, 2.0 at 3840×2160; limited by the scarcer dimension."""
    size = widget.size()
    return max(0.3, min(size.width() / DESIGN_WIDTH, size.height() / DESIGN_HEIGHT))


def set_px(widget: QWidget, px: float, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPixelSize(max(8, round(px)))
    font.setBold(bold)
    widget.setFont(font)


def scaled(font: QFont, factor: float) -> QFont:
    """``font`` at ``factor`` times its point size: the system's type made larger for a
    dialog read at arm's length (``set_px`` sizes the hall screens' type to the screen)."""
    larger = QFont(font)
    larger.setPointSizeF(font.pointSizeF() * factor)
    return larger


def scale_font(widget: QWidget, factor: float) -> None:
    widget.setFont(scaled(widget.font(), factor))


def set_rows(view: QAbstractItemView, px: float, *, bold: bool = False) -> None:
    """Font and row height of a table whose rows are read from afar."""
    set_px(view, px, bold=bold)
    vertical = getattr(view, "verticalHeader", None)
    if vertical is not None:
        vertical().setDefaultSectionSize(max(12, round(px * 1.5)))
    horizontal = getattr(view, "horizontalHeader", None)
    if horizontal is not None:
        set_px(horizontal(), px * 0.6)
