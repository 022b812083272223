"""``clerk-app run --measure-startup``: say when the app has become interactive, then quit.

"Interactive" means: the first window the user works in (the sign-in dialog for the clerk and
supervisor modes, the screen itself for the kiosk and the display) is shown and exposed on the
screen, and the event loop has then run out of pending events and is about to wait for input
(``QAbstractEventDispatcher.aboutToBlock``). A key pressed at that moment is handled at once.
The marker line goes to stdout; ``make bench`` (bench/dist.py) times it from the outside.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractEventDispatcher, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

MARKER = "STARTUP-INTERACTIVE"
FAILED_MARKER = "STARTUP-FAILED"
EXIT_FAILED = 1


class StartupProbe(QObject):
    """Watches the top-level windows each time the event loop is about to block."""

    def __init__(
        self,
        app: QApplication,
        targets: tuple[type[QWidget], ...],
        finish: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._targets = targets
        self._finish = finish or app.exit  # the exit status: 0 interactive, 1 failed
        dispatcher = QAbstractEventDispatcher.instance()
        assert dispatcher is not None  # exists once the QApplication does
        self._dispatcher = dispatcher
        dispatcher.aboutToBlock.connect(self._idle)

    def _idle(self) -> None:
        for widget in self._app.topLevelWidgets():
            if not widget.isVisible():
                continue
            if exposed(widget) and isinstance(widget, self._targets):
                self._report(MARKER, type(widget).__name__, 0)
                return
            if isinstance(widget, QMessageBox):  # the app could not start: say so, do not hang
                self._report(FAILED_MARKER, widget.text().replace("\n", " "), EXIT_FAILED)
                return

    def _report(self, marker: str, what: str, status: int) -> None:
        self._dispatcher.aboutToBlock.disconnect(self._idle)
        age = process_age()
        print(f"{marker} {'-' if age is None else f'{age:.2f}'} {what}", flush=True)
        self._finish(status)


def exposed(widget: QWidget) -> bool:
    """On the screen: mapped and painted, taking input."""
    handle = widget.windowHandle()
    return handle is not None and handle.isExposed()


def process_age() -> float | None:
    """Seconds since this process started (Linux, to 10 ms), counting the bootloader and the
    interpreter's own start; None where /proc is not there."""
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
    except OSError:
        return None
    start_ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22, after the command name
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def first_window_type(mode: str) -> type[QWidget]:
    """The window a mode's user first works in; imported here, never before the mode's own
    flow has loaded it (the probe must not slow the start-up it measures)."""
    # The imports are local on purpose (each mode loads only its own screens): PLC0415 below.
    if mode == "kiosk":
        from ui.kiosk.kiosk import KioskScreen  # noqa: PLC0415

        return KioskScreen
    if mode == "display":
        from ui.display.display import HallDisplay  # noqa: PLC0415

        return HallDisplay
    if mode == "rating":
        from ui.applicant.rating import RatingScreen  # noqa: PLC0415

        return RatingScreen
    from ui.login import LoginDialog  # noqa: PLC0415 - clerk and supervisor sign in first

    return LoginDialog


def watch_startup(app: QApplication, mode: str) -> StartupProbe:
    return StartupProbe(app, (first_window_type(mode),))
