"""Table models of the hall display: windows with their current number, the last calls, and
who is waiting for each service. Columns are named constants; :data:`HIGHLIGHT_ROLE` tells a
delegate or a test which rows show a call that was just made."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from clerk_app.queue import TicketState, WindowState
from clerk_app.queue.oversight import CallView
from clerk_app.queue.types import HallStatus, ServiceStatus, WindowStatus
from ui.i18n import pick_name, window_state_name

_Index = QModelIndex | QPersistentModelIndex
HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1
HIGHLIGHT = QColor("#ffd54f")
NO_NUMBER = "—"


class _Rows(QAbstractTableModel):
    """A read-only model over a tuple of rows; a reading that changes nothing resets nothing."""

    COLUMNS = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()

    def _set(self, rows: tuple[Any, ...]) -> None:
        if rows == self._rows:
            return
        if len(rows) == len(self._rows):
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.COLUMNS - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else self.COLUMNS


COL_WINDOW, COL_NUMBER = range(2)


class WindowBoardModel(_Rows):
    """Every window that is not closed, with its current number (a dash when idle)."""

    COLUMNS = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._highlighted: set[int] = set()

    def set_status(self, status: HallStatus) -> None:
        self._set(tuple(w for w in status.windows if w.state is not WindowState.CLOSED))

    def window(self, row: int) -> WindowStatus:
        return self._rows[row]  # type: ignore[no-any-return]

    def set_highlighted(self, windows: set[int]) -> None:
        if windows != self._highlighted:
            self._highlighted = set(windows)
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1)
                )

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_WINDOW: self.tr("Window"), COL_NUMBER: self.tr("Now serving")}.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        w: WindowStatus = self._rows[index.row()]
        highlighted = w.number in self._highlighted
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == COL_WINDOW:
                return pick_name(QLocale(), w.name_zh, w.name_en)
            return self._number(w)
        return {
            HIGHLIGHT_ROLE: highlighted,
            Qt.ItemDataRole.BackgroundRole: QBrush(HIGHLIGHT) if highlighted else None,
            Qt.ItemDataRole.TextAlignmentRole: Qt.AlignmentFlag.AlignCenter,
        }.get(role)

    @staticmethod
    def _number(w: WindowStatus) -> str:
        if w.state is WindowState.PAUSED:
            return window_state_name(w.state)
        current = w.current
        if current is None or current.state not in (TicketState.CALLED, TicketState.SERVING):
            return NO_NUMBER
        return current.number


COL_CALL_NUMBER, COL_CALL_WINDOW = range(2)


class RecentCallsModel(_Rows):
    COLUMNS = 2

    def set_calls(self, calls: tuple[CallView, ...]) -> None:
        self._set(calls)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_CALL_NUMBER: self.tr("Number"), COL_CALL_WINDOW: self.tr("Window")}.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        call: CallView = self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == COL_CALL_NUMBER:
            return call.number
        return pick_name(QLocale(), call.window_name_zh, call.window_name_en)


COL_SERVICE, COL_WAITING = range(2)


class WaitingModel(_Rows):
    COLUMNS = 2

    def set_status(self, status: HallStatus) -> None:
        self._set(status.services)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_SERVICE: self.tr("Service"), COL_WAITING: self.tr("Waiting")}.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s: ServiceStatus = self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_WAITING:
            return Qt.AlignmentFlag.AlignCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == COL_SERVICE:
            return f"{s.prefix}  {pick_name(QLocale(), s.name_zh, s.name_en)}"
        return str(s.waiting)
