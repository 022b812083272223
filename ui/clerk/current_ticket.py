"""The current ticket in letters large enough to read from the counter chair."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from clerk_app.queue import TicketState
from clerk_app.queue.types import TicketView
from clerk_app.sync.notifications import OptInState
from ui.i18n import pick_name, ticket_state_name
from ui.sms_status import sms_text

NUMBER_POINT_SIZE = 72
DETAIL_POINT_SIZE = 16
NO_TICKET = "—"


def _label(point_size: int, *, bold: bool = False) -> QLabel:
    label = QLabel()
    font = QFont(label.font())
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class CurrentTicketView(QFrame):
    """Number, service and state of the window's active ticket; a dash when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = _label(DETAIL_POINT_SIZE)
        self.caption.setText(self.tr("Current ticket"))
        self.number = _label(NUMBER_POINT_SIZE, bold=True)
        self.service = _label(DETAIL_POINT_SIZE)
        self.state = _label(DETAIL_POINT_SIZE, bold=True)
        self.sms = _label(DETAIL_POINT_SIZE)
        self.sms.setVisible(False)
        layout = QVBoxLayout(self)
        for widget in (self.caption, self.number, self.service, self.state, self.sms):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_ticket(None)

    def show_ticket(self, ticket: TicketView | None) -> None:
        if ticket is None:
            self.number.setText(NO_TICKET)
            self.number.setAccessibleName(self.tr("No current ticket"))
            self.service.setText("")
            self.state.setText(self.tr("No current ticket"))
            return
        self.number.setText(ticket.number)
        self.number.setAccessibleName(ticket.number)
        self.service.setText(
            pick_name(self.locale(), ticket.service_name_zh, ticket.service_name_en)
        )
        self.state.setText(self._state_text(ticket))

    def show_sms(self, state: OptInState | None, *, shown: bool = True) -> None:
        """短信提醒 of the current ticket: whether its holder opted in, and how the
        turn-near message went (the last status this counter read from the server)."""
        self.sms.setVisible(shown)
        self.sms.setText(sms_text(state) if shown else "")

    def _state_text(self, ticket: TicketView) -> str:
        state = ticket_state_name(ticket.state)
        if ticket.state is TicketState.CALLED and ticket.recall_count:
            recalled = self.tr("recalled %n time(s)", "", ticket.recall_count)
            return f"{state} · {recalled}"
        return state
