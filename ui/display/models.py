"""Table models of the hall display: windows with their current number, the last calls, and
who is waiting for each service (columns declared, ``ui.tables``). :data:`HIGHLIGHT_ROLE` tells
a delegate or a test which rows show a call that was just made."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QColor

from clerk_app.queue import TicketState, WindowState
from clerk_app.queue.oversight import CallView
from clerk_app.queue.types import HallStatus, ServiceStatus, WindowStatus
from ui.i18n import pick_name, window_state_name
from ui.tables import ROW_ROLE, Column, RowsModel

HIGHLIGHT_ROLE = ROW_ROLE + 1
HIGHLIGHT = QColor("#ffd54f")
NO_NUMBER = "—"
CENTRE = Qt.AlignmentFlag.AlignCenter


COL_WINDOW, COL_NUMBER = range(2)


class WindowBoardModel(RowsModel[WindowStatus]):
    """Every window that is not closed, with its current number (a dash when idle)."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._highlighted: set[int] = set()
        super().__init__(
            (
                Column(
                    lambda: QCoreApplication.translate("WindowBoardModel", "Window"),
                    lambda w: pick_name(QLocale(), w.name_zh, w.name_en),
                    align=CENTRE,
                ),
                Column(
                    lambda: QCoreApplication.translate("WindowBoardModel", "Now serving"),
                    self._number,
                    align=CENTRE,
                ),
            ),
            parent,
            background=lambda w: HIGHLIGHT if w.number in self._highlighted else None,
            roles={HIGHLIGHT_ROLE: lambda w: w.number in self._highlighted},
        )

    def set_status(self, status: HallStatus) -> None:
        self.set_rows(tuple(w for w in status.windows if w.state is not WindowState.CLOSED))

    def set_highlighted(self, windows: set[int]) -> None:
        if windows != self._highlighted:
            self._highlighted = set(windows)
            self.repaint()

    @staticmethod
    def _number(w: WindowStatus) -> str:
        if w.state is WindowState.PAUSED:
            return window_state_name(w.state)
        current = w.current
        if current is None or current.state not in (TicketState.CALLED, TicketState.SERVING):
            return NO_NUMBER
        return current.number


def recent_calls_model(parent: QObject | None = None) -> RowsModel[CallView]:
    return RowsModel(
        (
            Column(
                lambda: QCoreApplication.translate("RecentCallsModel", "Number"),
                lambda c: c.number,
                align=CENTRE,
            ),
            Column(
                lambda: QCoreApplication.translate("RecentCallsModel", "Window"),
                lambda c: pick_name(QLocale(), c.window_name_zh, c.window_name_en),
                align=CENTRE,
            ),
        ),
        parent,
    )


def waiting_model(parent: QObject | None = None) -> RowsModel[ServiceStatus]:
    return RowsModel(
        (
            Column(
                lambda: QCoreApplication.translate("WaitingModel", "Service"),
                lambda s: f"{s.prefix}  {pick_name(QLocale(), s.name_zh, s.name_en)}",
            ),
            Column(
                lambda: QCoreApplication.translate("WaitingModel", "Waiting"),
                lambda s: str(s.waiting),
                align=CENTRE,
            ),
        ),
        parent,
    )
