"""The helper's workstation (帮办代办): the hall's waiting tickets, one sitting at a time.

The helper picks a waiting ticket (or types a ticket or case number), starts assisting, ticks
what was done, for 代办 notes the authorisation, and finishes: the record is saved on the
ticket (it joins the case when the clerk decides) or on the case. Everything works from the
keyboard: the list takes the arrows and Enter, each box has its Alt key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.authz import PermissionDenied
from clerk_app.accounts.roles import UserInfo
from clerk_app.assistance.service import (
    AssistanceInput,
    AssistanceRefusal,
    AssistanceRefused,
    AssistanceService,
)
from clerk_app.intake.types import AssistanceKind, AssistanceView
from clerk_app.queue.types import TicketView
from ui.assistance_text import assistance_line, kind_name
from ui.elide import ElidedLabel
from ui.hall_time import hall_time_of_day
from ui.i18n import pick_name
from ui.refresh import CoalescedRefresh
from ui.session_menu import quit_action, session_menu, sign_out_action
from ui.tasks import TaskRunner

DEFAULT_SIZE = (1100, 720)
CASE_SEPARATOR = "-"  # case numbers look like CC01-W03-20261124-0001; tickets like A003


class HelperPanel(QWidget):
    """The queue on the left, the sitting on the right, today's records below it."""

    recorded = Signal(object)  # AssistanceView

    def __init__(
        self,
        service: AssistanceService,
        runner: TaskRunner,
        helper: UserInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner, self._helper = service, runner, helper
        # A burst of hall changes is one read of the queue and the day's records, not one each.
        self._reads = CoalescedRefresh(runner, self._read, self._show, self._failed, self)
        self._started_ms: int | None = None
        self._tickets: list[TicketView] = []
        self.queue = QTableWidget(0, 3)
        self.queue.setHorizontalHeaderLabels(
            [self.tr("Ticket"), self.tr("Service"), self.tr("Waiting since")]
        )
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setTabKeyNavigation(False)
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("Ticket or case number"))
        self.start_button = QPushButton(self.tr("&Start assisting"))
        self.sitting = QLabel()
        self.kinds = {kind: QCheckBox(self._kind_label(kind)) for kind in AssistanceKind}
        self.letter_seen = QCheckBox(self.tr("Authorisation &letter seen"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("or its material or scan reference"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSpecialValueText(self.tr("as timed"))
        self.minutes.setSuffix(self.tr(" min"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("No names, ID or phone numbers"))
        self.finish_button = QPushButton(self.tr("&Finish"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.done = QListWidget()
        self._layout()
        self._connect()
        self._set_sitting(None)

    def _kind_label(self, kind: AssistanceKind) -> str:
        keys = {
            AssistanceKind.FORM_FILLING: self.tr("&1 Form filling"),
            AssistanceKind.MATERIALS: self.tr("&2 Material preparation"),
            AssistanceKind.SELF_SERVICE: self.tr("&3 Self-service guidance"),
            AssistanceKind.PROXY: self.tr("&4 Whole procedure by proxy (代办)"),
        }
        return keys.get(kind, kind_name(kind))

    def _layout(self) -> None:
        left = QVBoxLayout()
        queue_label = QLabel(self.tr("&Waiting in the hall"))
        queue_label.setBuddy(self.queue)
        left.addWidget(queue_label)
        left.addWidget(self.queue, 1)
        left.addWidget(self.refresh_button)
        start_row = QHBoxLayout()
        target_label = QLabel(self.tr("&Number"))
        target_label.setBuddy(self.target)
        start_row.addWidget(target_label)
        start_row.addWidget(self.target, 1)
        start_row.addWidget(self.start_button)
        box = QGroupBox(self.tr("What was done"))
        kinds = QVBoxLayout(box)
        for check in self.kinds.values():
            kinds.addWidget(check)
        form = QFormLayout()
        form.addRow(self.letter_seen)
        reference_label = QLabel(self.tr("Authorisation &reference"))
        reference_label.setBuddy(self.reference)
        form.addRow(reference_label, self.reference)
        minutes_label = QLabel(self.tr("&Minutes"))
        minutes_label.setBuddy(self.minutes)
        form.addRow(minutes_label, self.minutes)
        note_label = QLabel(self.tr("N&ote"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        kinds.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.finish_button)
        right = QVBoxLayout()
        right.addLayout(start_row)
        right.addWidget(self.sitting)
        right.addWidget(box)
        right.addLayout(buttons)
        right.addWidget(self.message)
        done_label = QLabel(self.tr("&Done today"))
        done_label.setBuddy(self.done)
        right.addWidget(done_label)
        right.addWidget(self.done, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.queue.itemSelectionChanged.connect(self._ticket_picked)
        self.queue.activated.connect(lambda _index: self.start())
        self.target.returnPressed.connect(self.start)
        self.start_button.clicked.connect(self.start)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button.clicked.connect(lambda: self._set_sitting(None))
        self.kinds[AssistanceKind.PROXY].toggled.connect(self._proxy_toggled)

    # ------------------------------------------------------------------ the queue
    def refresh(self) -> None:
        self._reads.request()

    def _read(self) -> tuple[list[TicketView], list[AssistanceView]]:
        return self._service.waiting_tickets(), self._service.done_today(self._helper)

    def _show(self, read: tuple[list[TicketView], list[AssistanceView]]) -> None:
        tickets, done = read
        self._show_queue(tickets)
        self._show_done(done)

    def _show_queue(self, tickets: list[TicketView]) -> None:
        self._tickets = tickets
        self.queue.setRowCount(len(tickets))
        for row, t in enumerate(tickets):
            service = pick_name(self.locale(), t.service_name_zh, t.service_name_en)
            for column, text in enumerate((t.number, service, hall_time_of_day(t.issued_ms))):
                self.queue.setItem(row, column, QTableWidgetItem(text))
        if tickets and self._started_ms is None and not self.target.text():
            self.queue.selectRow(0)

    def _show_done(self, views: list[AssistanceView]) -> None:
        self.done.clear()
        for v in views:
            where = v.case_number or v.ticket_number or ""
            self.done.addItem(f"{hall_time_of_day(v.finished_ms)}  {where}  {assistance_line(v)}")

    def _ticket_picked(self) -> None:
        rows = self.queue.selectionModel().selectedRows()
        if rows and self._started_ms is None:
            self.target.setText(self._tickets[rows[0].row()].number)

    # ------------------------------------------------------------------ a sitting
    def start(self) -> None:
        if not self.target.text().strip():
            self._say(self.tr("Pick a waiting ticket or type a ticket or case number."))
            self.target.setFocus()
            return
        self._set_sitting(self._service.now_ms())
        self.kinds[AssistanceKind.FORM_FILLING].setFocus()

    def _set_sitting(self, started_ms: int | None) -> None:
        self._started_ms = started_ms
        busy = started_ms is not None
        self._enable(busy=busy)
        if started_ms is None:
            self.minutes.setValue(0)
            self.note.clear()
            self.reference.clear()
            self.letter_seen.setChecked(False)
            self.sitting.setText(self.tr("Not assisting anyone now."))
        else:
            self.sitting.setText(
                self.tr("Assisting {number} since {time}").format(
                    number=self.target.text().strip().upper(), time=hall_time_of_day(started_ms)
                )
            )
        self._proxy_toggled(self.kinds[AssistanceKind.PROXY].isChecked())

    def _enable(self, *, busy: bool) -> None:
        for check in self.kinds.values():
            check.setEnabled(busy)
            if not busy:
                check.setChecked(False)
        for widget in (self.minutes, self.note, self.finish_button, self.cancel_button):
            widget.setEnabled(busy)
        self.target.setReadOnly(busy)
        self.start_button.setEnabled(not busy)

    def _proxy_toggled(self, on: bool) -> None:
        self.letter_seen.setEnabled(on)
        self.reference.setEnabled(on)

    def entry(self) -> AssistanceInput:
        number = self.target.text().strip()
        is_case = CASE_SEPARATOR in number
        return AssistanceInput(
            kinds=tuple(k for k, check in self.kinds.items() if check.isChecked()),
            started_ms=self._started_ms or self._service.now_ms(),
            ticket_number=None if is_case else number,
            case_number=number if is_case else None,
            minutes=self.minutes.value() or None,
            authorisation_seen=self.letter_seen.isChecked(),
            authorisation_ref=self.reference.text(),
            note=self.note.text(),
        )

    def finish(self) -> None:
        if self._started_ms is None:
            return
        entry = self.entry()
        self.finish_button.setEnabled(False)
        self._runner.run(
            lambda: self._service.record(self._helper, entry),
            self._recorded,
            self._failed,
            owner=self,
        )

    def _recorded(self, view: AssistanceView) -> None:
        self.target.clear()
        self._set_sitting(None)
        where = view.case_number or self.tr("ticket {number}").format(number=view.ticket_number)
        self._say(self.tr("Recorded for {where}.").format(where=where), error=False)
        self.recorded.emit(view)
        self.refresh()
        self.queue.setFocus()

    def _failed(self, exc: Exception) -> None:
        self.finish_button.setEnabled(self._started_ms is not None)
        if isinstance(exc, AssistanceRefused):
            self._say(self._refusal_text(exc.code))
        elif isinstance(exc, PermissionDenied):
            self._say(self.tr("Your account may not record assistance."))
        else:
            self._say(self.tr("Not saved: {error}").format(error=exc))

    def _refusal_text(self, code: AssistanceRefusal) -> str:
        texts = {
            AssistanceRefusal.NO_KIND: self.tr("Tick what was done."),
            AssistanceRefusal.NO_TARGET: self.tr("Give a ticket or a case number."),
            AssistanceRefusal.UNKNOWN_TICKET: self.tr("No such ticket today in this hall."),
            AssistanceRefusal.UNKNOWN_CASE: self.tr("No such case in this hall."),
            AssistanceRefusal.NO_AUTHORISATION: self.tr(
                "代办 needs the authorisation: tick the letter seen or give its reference."
            ),
            AssistanceRefusal.BAD_NOTE: self.tr("The note holds a character that cannot be kept."),
            AssistanceRefusal.PERSONAL_NOTE: self.tr(
                "The note may hold no ID or phone numbers: the case has them."
            ),
            AssistanceRefusal.BAD_MINUTES: self.tr("The minutes are out of range."),
        }
        return texts[code]

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)


class HelperWindow(QMainWindow):
    signed_out = Signal()
    closed = Signal()

    def __init__(self, panel: HelperPanel, user_name: str, hall: str) -> None:
        super().__init__()
        self.panel = panel
        self.setCentralWidget(panel)
        self.setWindowTitle(self.tr("OneWindow assistance desk — {hall}").format(hall=hall))
        self.statusBar().addPermanentWidget(
            ElidedLabel(self.tr("Signed in as {name}").format(name=user_name))
        )
        menu = session_menu(self)
        refresh = QAction(self.tr("&Refresh the queue"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(panel.refresh)
        sign_out = sign_out_action(self, self.signed_out.emit)
        quit_app = quit_action(self)
        for action in (refresh, sign_out, quit_app):
            menu.addAction(action)
        self.resize(*DEFAULT_SIZE)
        panel.queue.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.closed.emit()
        super().closeEvent(event)
