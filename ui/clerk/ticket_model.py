"""Today's tickets of one window as a read-only table model (``ui.tables.RowsModel``).

Columns are named constants so the view and the tests never count positions. Besides the
display text, ``ui.tables.ROW_ROLE`` returns the row's :class:`TicketView` for whoever needs
more.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt

from clerk_app.queue.types import TicketView
from ui.i18n import pick_name, ticket_state_name, ticket_transferred_name
from ui.tables import Column, RowsModel, numbered

COL_NUMBER, COL_SERVICE, COL_STATE, COL_CALLED_AT, COL_RECALLS = range(5)


class TicketTableModel(RowsModel[TicketView]):
    def __init__(self, tz: dt.tzinfo, parent: QObject | None = None) -> None:
        self._tz = tz
        super().__init__(
            numbered(
                {
                    COL_NUMBER: Column(
                        lambda: QCoreApplication.translate("TicketTableModel", "Number"),
                        lambda t: t.number,
                    ),
                    COL_SERVICE: Column(
                        lambda: QCoreApplication.translate("TicketTableModel", "Service"),
                        lambda t: pick_name(QLocale(), t.service_name_zh, t.service_name_en),
                    ),
                    COL_STATE: Column(
                        lambda: QCoreApplication.translate("TicketTableModel", "State"), _state
                    ),
                    COL_CALLED_AT: Column(
                        lambda: QCoreApplication.translate("TicketTableModel", "Called at"),
                        lambda t: self._time(t.called_ms),
                    ),
                    COL_RECALLS: Column(
                        lambda: QCoreApplication.translate("TicketTableModel", "Recalls"),
                        lambda t: str(t.recall_count),
                        align=Qt.AlignmentFlag.AlignCenter,
                    ),
                }
            ),
            parent,
        )

    def set_tickets(self, tickets: tuple[TicketView, ...]) -> None:
        self.set_rows(tickets)  # a refresh with no change keeps the selection and scroll position

    def _time(self, ms: int | None) -> str:
        if ms is None:
            return ""
        return dt.datetime.fromtimestamp(ms / 1000, self._tz).strftime("%H:%M:%S")


def _state(ticket: TicketView) -> str:
    return ticket_transferred_name() if ticket.transferred else ticket_state_name(ticket.state)
