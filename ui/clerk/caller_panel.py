"""The caller panel: the clerk's buttons for the queue at one window.

Every operation and every read runs in the task runner. An operation is followed, in the same
task, by a fresh reading of the window, so the buttons never show a state the queue has already
left; refreshes triggered by the watcher are coalesced so a burst of changes costs one read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.queue import WindowState
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import QueueRefused
from clerk_app.sync.notifications import Notifications, OptInState
from ui.clerk import outcomes
from ui.clerk.current_ticket import CurrentTicketView
from ui.clerk.state import Action, PanelData, enabled_actions, read_panel
from ui.clerk.summary import WaitingCount, WindowHeader
from ui.clerk.ticket_model import TicketTableModel
from ui.i18n import describe_pause_reason, refusal_message
from ui.login import ClerkSession
from ui.queue_dialogs import ParkDialog, PauseDialog, TransferDialog, TransferTarget
from ui.refresh import CoalescedRefresh
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

log = logging.getLogger(__name__)

R = TypeVar("R")
ERROR_STYLE = "color: #b00020;"
BUTTON_COLUMNS = 2


def _label(button: QPushButton, text: str) -> None:
    """Show the button's F-key in its text and (re)bind it.

    ``QAbstractButton.setText`` replaces the shortcut with the text's mnemonic, so the key is
    bound again after every change of text.
    """
    key: QKeySequence = button.property("key")
    button.setText(f"{text} ({key.toString(QKeySequence.SequenceFormat.NativeText)})")
    button.setShortcut(key)


class CallerPanel(QWidget):
    """Call, recall, skip, start, finish, transfer, park and pause at one window."""

    ticket_changed = Signal(object)  # the ticket being served (its id), or None

    def __init__(
        self,
        queue: QueueService,
        runner: TaskRunner,
        session: ClerkSession,
        watcher: HallWatcher,
        parent: QWidget | None = None,
        *,
        notifications: Notifications | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._notifications = notifications
        self._runner = runner
        self._session = session
        self._data: PanelData | None = None
        self._busy = False
        self._reads = CoalescedRefresh(
            runner, self._read, self._refreshed, self._refresh_failed, parent=self
        )
        self.header = WindowHeader()
        self.current = CurrentTicketView()
        self.waiting = WaitingCount()
        self.model = TicketTableModel(queue.rules.tz, self)
        self.table = self._make_table()
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.buttons = self._make_buttons()
        self._lay_out()
        watcher.changed.connect(self.refresh)
        self._show_data()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return table

    def _make_buttons(self) -> dict[Action, QPushButton]:
        specs: list[tuple[Action, str, Qt.Key, Callable[[], None]]] = [
            (Action.CALL_NEXT, self.tr("Call next"), Qt.Key.Key_F2, self.call_next),
            (Action.RECALL, self.tr("Recall"), Qt.Key.Key_F3, self.recall),
            (Action.SKIP, self.tr("No-show"), Qt.Key.Key_F4, self.skip),
            (Action.START, self.tr("Start service"), Qt.Key.Key_F5, self.start),
            (Action.FINISH, self.tr("Finish"), Qt.Key.Key_F6, self.finish),
            (Action.TRANSFER, self.tr("Transfer…"), Qt.Key.Key_F7, self.transfer),
            (Action.PARK, self.tr("Park…"), Qt.Key.Key_F8, self.park),
            (Action.PAUSE, self.tr("Pause…"), Qt.Key.Key_F9, self.pause_or_resume),
        ]
        buttons: dict[Action, QPushButton] = {}
        for action, text, key, slot in specs:
            button = QPushButton()
            button.setProperty("key", QKeySequence(key))
            _label(button, text)
            button.setMinimumHeight(48)
            button.clicked.connect(slot)
            buttons[action] = button
        # One button pauses and resumes: a key must not have two meanings at once.
        buttons[Action.RESUME] = buttons[Action.PAUSE]
        return buttons

    def _lay_out(self) -> None:
        grid = QGridLayout()
        distinct = [b for a, b in self.buttons.items() if a is not Action.RESUME]
        for index, button in enumerate(distinct):
            grid.addWidget(button, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS)
        side = QVBoxLayout()
        side.addWidget(self.waiting)
        side.addLayout(grid)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.current, 3)
        top.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Today's tickets at this window")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_line)

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Re-read the window; while a read is under way, one more follows it."""
        self._reads.request()

    def _read(self) -> PanelData:
        return read_panel(self._queue, self._session.window_number)

    def _refreshed(self, data: PanelData) -> None:
        self._data = data
        self._show_data()

    def _refresh_failed(self, exc: Exception) -> None:
        log.error("reading the window failed", exc_info=exc)
        self.say(self.tr("The queue cannot be read. Please check the network."), error=True)

    # ------------------------------------------------------------------ operations
    def _act(self, operation: Callable[[], R], describe: Callable[[R], str]) -> None:
        """Run one queue operation, then read the window again in the same task."""
        if self._busy:
            return
        self._busy = True
        self._update_buttons()

        def work() -> tuple[R, PanelData]:
            return operation(), self._read()

        def done(outcome: tuple[R, PanelData]) -> None:
            self._busy = False
            self._refreshed(outcome[1])
            self.say(describe(outcome[0]))

        self._runner.run(work, done, self._act_failed, owner=self)

    def call_next(self) -> None:
        self._act(lambda: self._queue.call_next(*self._who()), outcomes.called)

    def recall(self) -> None:
        self._act(lambda: self._queue.recall(*self._who()), outcomes.recalled)

    def skip(self) -> None:
        self._act(lambda: self._queue.skip(*self._who()), outcomes.skipped)

    def start(self) -> None:
        self._act(lambda: self._queue.start(*self._who()), outcomes.started)

    def finish(self) -> None:
        self._act(lambda: self._queue.finish(*self._who()), outcomes.finished)

    def transfer(self) -> None:
        if self._data is None:
            return
        dialog = TransferDialog.for_hall(self._data.hall, self._session.window_number, self)
        dialog.accepted.connect(lambda: self._transfer_to(dialog.target(), dialog.target_name()))
        self._open(dialog)

    def _transfer_to(self, target: TransferTarget, name: str) -> None:
        window, user = self._who()
        self._act(
            lambda: self._queue.transfer(
                window,
                to_service=target.service_code,
                to_window=target.window_number,
                user_id=user,
            ),
            lambda ticket: outcomes.transferred(ticket, name),
        )

    def park(self) -> None:
        dialog = ParkDialog(self)
        dialog.accepted.connect(lambda: self._park_for(dialog.minutes.value()))
        self._open(dialog)

    def _park_for(self, minutes: int) -> None:
        window, user = self._who()
        self._act(
            lambda: self._queue.park(window, minutes, user),
            lambda ticket: outcomes.parked(ticket, minutes),
        )

    def pause_or_resume(self) -> None:
        if Action.RESUME in enabled_actions(self._data, busy=self._busy):
            self._act(lambda: self._queue.open_window(*self._who()), lambda _: outcomes.resumed())
            return
        dialog = PauseDialog(self)
        dialog.accepted.connect(lambda: self._pause_for(dialog.reason()))
        self._open(dialog)

    def _pause_for(self, reason: str) -> None:
        window, user = self._who()
        self._act(
            lambda: self._queue.pause_window(window, reason, user),
            lambda _: outcomes.paused(describe_pause_reason(reason)),
        )

    def _who(self) -> tuple[int, int]:
        return self._session.window_number, self._session.user.user_id

    def _open(self, dialog: QDialog) -> None:
        """Window-modal without a nested event loop; the dialog deletes itself when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _act_failed(self, exc: Exception) -> None:
        self._busy = False
        if isinstance(exc, QueueRefused):
            self.say(refusal_message(exc.code), error=True)
        else:
            log.error("queue operation failed", exc_info=exc)
            self.say(self.tr("The operation failed. Please try again."), error=True)
        self._update_buttons()
        self.refresh()

    def say(self, text: str, *, error: bool = False) -> None:
        self.status_line.setStyleSheet(ERROR_STYLE if error else "")
        self.status_line.setText(text)

    # ------------------------------------------------------------------ showing
    def _show_data(self) -> None:
        data = self._data
        self.current.show_ticket(data.current if data else None)
        self._read_sms(data.current.ticket_id if data and data.current else None)
        self.ticket_changed.emit(data.current.ticket_id if data and data.current else None)
        if data is not None:
            self.model.set_tickets(data.tickets)
            self.header.show_window(data, self._session.user.display_name)
            self.waiting.show_count(data)
        self._update_buttons()

    def _read_sms(self, ticket_id: int | None) -> None:
        notifications = self._notifications
        if notifications is None or ticket_id is None:
            self.current.show_sms(None, shown=False)
            return
        self._runner.run(
            lambda: notifications.ticket_state(ticket_id),
            lambda state: self._show_sms(ticket_id, state),
            self._sms_failed,
            owner=self,
        )

    def _show_sms(self, ticket_id: int, state: OptInState | None) -> None:
        data = self._data
        if data is not None and data.current is not None and data.current.ticket_id == ticket_id:
            self.current.show_sms(state)

    def _sms_failed(self, exc: Exception) -> None:
        log.error("reading the ticket's text-message status failed", exc_info=exc)
        self.current.show_sms(None, shown=False)

    def _update_buttons(self) -> None:
        enabled = enabled_actions(self._data, busy=self._busy)
        for action, button in self.buttons.items():
            if action is not Action.RESUME:
                button.setEnabled(action in enabled)
        pause = self.buttons[Action.PAUSE]
        resuming = Action.RESUME in enabled
        pause.setEnabled(resuming or Action.PAUSE in enabled)
        _label(pause, self._resume_label() if resuming else self.tr("Pause…"))

    def _resume_label(self) -> str:
        if self._data is not None and self._data.window.state is WindowState.CLOSED:
            return self.tr("Open window")
        return self.tr("Resume service")
