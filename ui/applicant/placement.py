"""Where the applicant's screen goes (``[screens] applicant`` and ``applicant_monitor``): full
screen on a monitor the clerk's window is not on, else a normal window, or nowhere.

:func:`place` decides from the monitors' geometries alone (a pure function, tested with any
number of monitors); :class:`Placer` applies it, and again whenever a monitor is plugged in or
out, so the screen moves to a second monitor when it appears and back to a window when it goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.settings_schema import ApplicantScreenMode

Mode = ApplicantScreenMode
Geometry = tuple[int, int, int, int]  # x, y, width, height in the desktop's coordinates
WINDOW_SIZE = (1280, 800)


@dataclass(frozen=True, slots=True)
class Placement:
    screen: int  # an index into the monitors as given
    full_screen: bool


def _contains(geometry: Geometry, point: tuple[int, int]) -> bool:
    x, y, width, height = geometry
    return x <= point[0] < x + width and y <= point[1] < y + height


def place(
    mode: Mode, screens: Sequence[Geometry], clerk_at: tuple[int, int], chosen: int | None = None
) -> Placement | None:
    """``clerk_at``: a point of the clerk's window (its centre); ``chosen``: the configured
    monitor, taken when it exists and is not the clerk's. None: no applicant screen."""
    if mode == "off" or not screens:
        return None
    clerk = next((i for i, g in enumerate(screens) if _contains(g, clerk_at)), 0)
    others = [i for i in range(len(screens)) if i != clerk]
    if mode == "window" or not others:
        return Placement(clerk, full_screen=False)
    target = chosen if chosen in others else others[0]
    return Placement(target, full_screen=True)


def _geometry(screen: QScreen) -> Geometry:
    rect = screen.geometry()
    return rect.x(), rect.y(), rect.width(), rect.height()


class Placer(QObject):
    """Keeps ``widget`` where :func:`place` says, following the monitors as they change."""

    def __init__(
        self,
        widget: QWidget,
        clerk_window: QWidget,
        mode: Mode,
        chosen: int | None = None,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._clerk = clerk_window
        self._mode: Mode = mode
        self._chosen = chosen
        self.placement: Placement | None = None
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self.apply)
        app.screenRemoved.connect(self._removed)

    def _removed(self, gone: QScreen) -> None:
        self.apply(gone=gone)

    def apply(self, *_added: object, gone: QScreen | None = None) -> None:
        """Place the widget on the monitors there are now (``gone`` is one being removed)."""
        screens = [s for s in QGuiApplication.screens() if s is not gone]
        centre = self._clerk.frameGeometry().center()
        placement = place(
            self._mode, [_geometry(s) for s in screens], (centre.x(), centre.y()), self._chosen
        )
        self.placement = placement
        if placement is None:
            self._widget.hide()
            return
        screen = screens[placement.screen]
        active = QApplication.activeWindow()
        self._show(screen, placement)
        if active is not None and active is not self._widget:
            active.activateWindow()  # the keyboard stays where it was (some platforms move it)

    def _show(self, screen: QScreen, placement: Placement) -> None:
        if self._widget.isFullScreen():
            self._widget.showNormal()  # leave full screen on the old monitor first
        handle = self._widget.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        if placement.full_screen:
            self._widget.setGeometry(screen.geometry())
            self._widget.showFullScreen()
        else:
            self._widget.setGeometry(_window_rect(screen.availableGeometry()))
            self._widget.show()


def _window_rect(area: QRect) -> QRect:
    """A window at the right of the clerk's monitor, as large as fits."""
    width = min(WINDOW_SIZE[0], area.width())
    height = min(WINDOW_SIZE[1], area.height())
    return QRect(area.right() - width + 1, area.top(), width, height)
