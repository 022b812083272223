"""Today's tickets of one window as a read-only table model.

Columns are named constants so the view and the tests never count positions. Besides the
display text, :data:`TICKET_ROLE` returns the row's :class:`TicketView` for whoever needs more.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from clerk_app.queue.types import TicketView
from ui.i18n import pick_name, ticket_state_name, ticket_transferred_name

COL_NUMBER, COL_SERVICE, COL_STATE, COL_CALLED_AT, COL_RECALLS = range(5)
COLUMN_COUNT = 5
TICKET_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class TicketTableModel(QAbstractTableModel):
    def __init__(self, tz: dt.tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._tickets: tuple[TicketView, ...] = ()

    def set_tickets(self, tickets: tuple[TicketView, ...]) -> None:
        if tickets == self._tickets:
            return  # a refresh with no change keeps the selection and scroll position
        self.beginResetModel()
        self._tickets = tickets
        self.endResetModel()

    def ticket(self, row: int) -> TicketView:
        return self._tickets[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._tickets)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            COL_NUMBER: self.tr("Number"),
            COL_SERVICE: self.tr("Service"),
            COL_STATE: self.tr("State"),
            COL_CALLED_AT: self.tr("Called at"),
            COL_RECALLS: self.tr("Recalls"),
        }
        return headers.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tickets):
            return None
        ticket = self._tickets[index.row()]
        if role == TICKET_ROLE:
            return ticket
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(ticket, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_RECALLS:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _text(self, ticket: TicketView, column: int) -> str | None:
        if column == COL_NUMBER:
            return ticket.number
        if column == COL_SERVICE:
            return pick_name(QLocale(), ticket.service_name_zh, ticket.service_name_en)
        if column == COL_STATE:
            return (
                ticket_transferred_name() if ticket.transferred else ticket_state_name(ticket.state)
            )
        if column == COL_CALLED_AT:
            return self._time(ticket.called_ms)
        if column == COL_RECALLS:
            return str(ticket.recall_count)
        return None

    def _time(self, ms: int | None) -> str:
        if ms is None:
            return ""
        return dt.datetime.fromtimestamp(ms / 1000, self._tz).strftime("%H:%M:%S")
