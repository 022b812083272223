"""The supervisor dashboard: every window and service live, alerts that clear themselves,
e-licence numbers the registry did not confirm (until the supervisor acknowledges each), the
supervisor's actions, hourly charts and the statistics export.

Readings run in the task runner (the dashboard and its alerts are computed there); the GUI
thread only hands the frozen result to the models, which is what ``make bench`` measures.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.authz import PermissionDenied
from clerk_app.accounts.roles import UserInfo
from clerk_app.licences.checks import FailedCheck, LicenceFailures
from clerk_app.queue.alerts import Alert, AlertKind, AlertThresholds, find_alerts
from clerk_app.queue.daily_report import daily_report
from clerk_app.queue.export import write_csv, write_xlsx
from clerk_app.queue.hall import HallRules
from clerk_app.queue.oversight import Dashboard, HourlyProfile, Oversight
from clerk_app.queue.service import QueueService
from clerk_app.queue.supervision import SupervisorDesk
from clerk_app.queue.types import QueueRefused
from printing.documents import HallBranding
from printing.render import render_pdf
from ui.i18n import pick_name, refusal_message
from ui.queue_dialogs import TransferDialog
from ui.refresh import CoalescedRefresh
from ui.supervisor.charts import HourlyChart
from ui.supervisor.dialogs import WindowServicesDialog
from ui.supervisor.models import AlertTableModel, ServiceTableModel, WindowTableModel
from ui.sync.licence_failures import LicenceFailuresModel, failures_view, selected_failure
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

log = logging.getLogger(__name__)
R = TypeVar("R")

TICK_MS = 30_000  # waits and pauses grow without any queue change
ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True, slots=True)
class Reading:
    board: Dashboard
    alerts: tuple[Alert, ...]
    licence_failures: tuple[FailedCheck, ...] = ()


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setWordWrap(False)  # one line per cell: cheaper to lay out on every refresh
    return view


class SupervisorDashboard(QWidget):
    refreshed = Signal()
    new_alerts = Signal(object)  # tuple[Alert, ...] that were not there before

    def __init__(
        self,
        oversight: Oversight,
        desk: SupervisorDesk,
        queue: QueueService,
        runner: TaskRunner,
        watcher: HallWatcher,
        thresholds: AlertThresholds,
        *,
        alert_sound: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        branding: HallBranding | None = None,
        licences: tuple[LicenceFailures, UserInfo] | None = None,
    ) -> None:
        """``licences``: the hall's failed e-licence verifications, and the supervisor signed
        in, who acknowledges them."""
        super().__init__(parent)
        self._licences = licences
        self.licence_failures = LicenceFailuresModel(self)
        self._branding = branding or HallBranding()
        self._oversight = oversight
        self._desk = desk
        self._queue = queue
        self._runner = runner
        self._thresholds = thresholds
        self._alert_sound = alert_sound
        self._reading: Reading | None = None
        self._reads = CoalescedRefresh(runner, self._read, self.apply, self._read_failed, self)
        self.windows = WindowTableModel(oversight.rules.tz, self)
        self.services = ServiceTableModel(self)
        self.alerts = AlertTableModel(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._live_tab(), self.tr("Live"))
        self.tabs.addTab(self._charts_tab(), self.tr("Charts"))
        self.tabs.addTab(self._export_tab(), self.tr("Statistics"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status_line)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        watcher.changed.connect(self.refresh)
        self.refresh()

    @property
    def rules(self) -> HallRules:
        return self._oversight.rules

    # ------------------------------------------------------------------ building
    def _live_tab(self) -> QWidget:
        page = QWidget()
        self.window_view = _table(self.windows)
        self.service_view = _table(self.services)
        self.alert_view = _table(self.alerts)
        self.open_button = QPushButton(self.tr("Open window"))
        self.close_button = QPushButton(self.tr("Close window"))
        self.services_button = QPushButton(self.tr("Services…"))
        self.open_button.clicked.connect(lambda: self._window_action(self._desk.open_window))
        self.close_button.clicked.connect(lambda: self._window_action(self._desk.close_window))
        self.services_button.clicked.connect(self.edit_window_services)
        window_actions = QHBoxLayout()
        for button in (self.open_button, self.close_button, self.services_button):
            window_actions.addWidget(button)
        window_actions.addStretch(1)
        self.ticket_number = QLineEdit()
        self.ticket_number.setPlaceholderText(self.tr("Ticket number, e.g. A012"))
        self.ticket_number.setMaxLength(12)
        self.transfer_button = QPushButton(self.tr("Transfer…"))
        self.cancel_button = QPushButton(self.tr("Cancel ticket"))
        self.prioritise_button = QPushButton(self.tr("Prioritise"))
        self.transfer_button.clicked.connect(self.transfer_ticket)
        self.cancel_button.clicked.connect(
            lambda: self._ticket_action(self._desk.cancel_ticket, self.tr("{number} cancelled."))
        )
        self.prioritise_button.clicked.connect(
            lambda: self._ticket_action(
                self._desk.prioritise, self.tr("{number} moved to the priority class.")
            )
        )
        ticket_actions = QHBoxLayout()
        ticket_actions.addWidget(QLabel(self.tr("Ticket:")))
        ticket_actions.addWidget(self.ticket_number)
        for button in (self.transfer_button, self.cancel_button, self.prioritise_button):
            ticket_actions.addWidget(button)
        ticket_actions.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Windows")))
        layout.addWidget(self.window_view, 3)
        layout.addLayout(window_actions)
        layout.addWidget(QLabel(self.tr("Services")))
        layout.addWidget(self.service_view, 2)
        layout.addLayout(ticket_actions)
        layout.addWidget(QLabel(self.tr("Alerts")))
        layout.addWidget(self.alert_view, 1)
        self.licence_view = failures_view(self.licence_failures)
        self.acknowledge_button = QPushButton(self.tr("&Acknowledge"))
        self.acknowledge_button.setToolTip(
            self.tr("The applicant has been contacted about the material; clear the alert")
        )
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.licence_label = QLabel(self.tr("E-licence numbers not confirmed by the registry"))
        licence_actions = QHBoxLayout()
        licence_actions.addWidget(self.licence_label, 1)
        licence_actions.addWidget(self.acknowledge_button)
        layout.addLayout(licence_actions)
        layout.addWidget(self.licence_view, 1)
        for widget in (self.licence_label, self.acknowledge_button, self.licence_view):
            widget.setVisible(self._licences is not None)
        return page

    def _charts_tab(self) -> QWidget:
        page = QWidget()
        self.arrivals_chart = HourlyChart("arrivals")
        self.wait_chart = HourlyChart("wait")
        self.chart_caption = QLabel(self.tr("Blue: today. Grey: the same weekday last week."))
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Arrivals per hour")))
        layout.addWidget(self.arrivals_chart, 1)
        layout.addWidget(QLabel(self.tr("Average wait per hour of arrival (minutes)")))
        layout.addWidget(self.wait_chart, 1)
        layout.addWidget(self.chart_caption)
        return page

    def _export_tab(self) -> QWidget:
        page = QWidget()
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-6))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.csv_button.clicked.connect(lambda: self._ask_export_path("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export_path("xlsx"))
        self.report_button = QPushButton(self.tr("Daily report PDF for the “To” day…"))
        self.report_button.clicked.connect(lambda: self._ask_export_path("pdf"))
        form = QFormLayout(page)
        form.addRow(self.tr("From:"), self.date_from)
        form.addRow(self.tr("To:"), self.date_to)
        form.addRow(self.csv_button)
        form.addRow(self.xlsx_button)
        form.addRow(self.report_button)
        return page

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the hall; while a read is under way, one more follows it."""
        self._reads.request()

    def _read(self) -> Reading:
        board = self._oversight.dashboard()
        failures = tuple(self._licences[0].failures()) if self._licences is not None else ()
        return Reading(board, find_alerts(board, self._thresholds), failures)

    def apply(self, reading: Reading) -> None:
        """On the GUI thread: hand the reading to the models (the part ``make bench`` times)."""
        before = set(self._reading.alerts) if self._reading else set()
        self._reading = reading
        alerts = reading.alerts
        self.windows.set_dashboard(
            reading.board, {int(a.subject) for a in alerts if a.kind is AlertKind.LONG_PAUSE}
        )
        self.services.set_dashboard(
            reading.board, {a.subject for a in alerts if a.kind is not AlertKind.LONG_PAUSE}
        )
        self.alerts.set_alerts(alerts, reading.board)
        fresh = tuple(a for a in alerts if a not in before and (a.kind, a.subject) not in
                      {(b.kind, b.subject) for b in before})  # fmt: skip
        known = {f.id for f in self.licence_failures.rows}
        new_failures = [f for f in reading.licence_failures if f.id not in known]
        self.licence_failures.set_rows(reading.licence_failures)
        self.licence_label.setText(
            self.tr("E-licence numbers not confirmed by the registry ({n})").format(
                n=len(reading.licence_failures)
            )
        )
        self.acknowledge_button.setEnabled(bool(reading.licence_failures))
        if fresh:
            self.new_alerts.emit(fresh)
        if (fresh or new_failures) and self._alert_sound is not None:
            self._alert_sound()
        self.refreshed.emit()

    def _read_failed(self, exc: Exception) -> None:
        log.error("the dashboard cannot read the queue", exc_info=exc)
        self.say(self.tr("The queue cannot be read. Please check the network."), error=True)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.refresh_charts()

    def refresh_charts(self) -> None:
        today = self._oversight.today()

        def work() -> tuple[HourlyProfile, HourlyProfile]:
            week_ago = today - dt.timedelta(days=7)
            return self._oversight.hourly(today), self._oversight.hourly(week_ago)

        def show(profiles: tuple[HourlyProfile, HourlyProfile]) -> None:
            self.arrivals_chart.set_profiles(*profiles)
            self.wait_chart.set_profiles(*profiles)

        self._runner.run(work, show, self._action_failed, owner=self)

    # ------------------------------------------------------------------ actions
    def selected_window(self) -> int | None:
        rows = self.window_view.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.windows.row_value(rows[0].row()).number)

    def _run(self, work: Callable[[], R], done: Callable[[R], None]) -> None:
        def finished(result: R) -> None:
            done(result)
            self.refresh()

        self._runner.run(work, finished, self._action_failed, owner=self)

    def acknowledge_selected(self) -> None:
        """The supervisor has dealt with the failure (an audit record of theirs)."""
        failed = selected_failure(self.licence_view, self.licence_failures)
        if self._licences is None:
            return
        if failed is None:
            self.say(self.tr("Select a failed e-licence verification first."), error=True)
            return
        failures, user = self._licences

        def done(_: None) -> None:
            self.say(
                self.tr("Acknowledged: {case}, {material}.").format(
                    case=failed.case_number, material=failed.material_code
                )
            )
            self.refresh()

        def refused(exc: Exception) -> None:
            if not isinstance(exc, PermissionDenied):
                self._action_failed(exc)
                return
            self.say(self.tr("Only a supervisor can acknowledge it."), error=True)

        self._runner.run(
            lambda: failures.acknowledge(failed.id, by=user), done, refused, owner=self
        )

    def _window_action(self, action: Callable[[int], None]) -> None:
        number = self.selected_window()
        if number is None:
            self.say(self.tr("Select a window first."), error=True)
            return
        self._run(lambda: action(number), lambda _: self.say(self.tr("Done.")))

    def edit_window_services(self) -> None:
        number = self.selected_window()
        if number is None or self._reading is None:
            self.say(self.tr("Select a window first."), error=True)
            return
        window = next(w for w in self._reading.board.windows if w.number == number)
        locale = self.locale()
        services = [(s.code, f"{s.prefix} {pick_name(locale, s.name_zh, s.name_en)}")
                    for s in self._reading.board.services]  # fmt: skip
        name = pick_name(locale, window.name_zh, window.name_en)
        dialog = WindowServicesDialog(name, services, window.service_codes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_window_services(number, dialog.codes()))
        dialog.open()

    def set_window_services(self, number: int, codes: list[str]) -> None:
        self._run(
            lambda: self._desk.set_window_services(number, codes),
            lambda _: self.say(self.tr("The window's services are changed.")),
        )

    def _ticket(self) -> str | None:
        number = self.ticket_number.text().strip().upper()
        if not number:
            self.say(self.tr("Enter a ticket number first."), error=True)
            self.ticket_number.setFocus()
            return None
        return number

    def _ticket_action(self, action: Callable[[str], object], done: str) -> None:
        number = self._ticket()
        if number is not None:
            self._run(lambda: action(number), lambda _: self.say(done.format(number=number)))

    def transfer_ticket(self) -> None:
        number = self._ticket()
        if number is None or self._reading is None:
            return
        hall = self._queue.status()  # the transfer dialog lists the hall's services and windows
        dialog = TransferDialog.for_hall(hall, own_window=0, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.transfer_to(
                number, dialog.target().service_code, dialog.target().window_number
            )
        )
        dialog.open()

    def transfer_to(self, number: str, service: str | None, window: int | None) -> None:
        self._run(
            lambda: self._desk.transfer_ticket(number, to_service=service, to_window=window),
            lambda _: self.say(self.tr("{number} transferred.").format(number=number)),
        )

    def _action_failed(self, exc: Exception) -> None:
        if isinstance(exc, QueueRefused):
            self.say(refusal_message(exc.code), error=True)
        else:
            log.error("supervisor action failed", exc_info=exc)
            self.say(self.tr("The operation failed. Please try again."), error=True)
        self.refresh()

    def say(self, text: str, *, error: bool = False) -> None:
        self.status_line.setStyleSheet(ERROR_STYLE if error else "")
        self.status_line.setText(text)

    # ------------------------------------------------------------------ export
    def _ask_export_path(self, kind: str) -> None:
        dialog = QFileDialog(self, self.tr("Export statistics"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }
        dialog.setNameFilter(filters[kind])
        dialog.selectFile("daily-report.pdf" if kind == "pdf" else f"queue-stats.{kind}")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export(Path(path), kind))
        dialog.open()

    def export(self, path: Path, kind: str) -> None:
        first = self.date_from.date().toPython()
        last = self.date_to.date().toPython()
        assert isinstance(first, dt.date)
        assert isinstance(last, dt.date)
        if kind == "pdf":
            self.export_daily_report(path, last)
            return
        writer = write_csv if kind == "csv" else write_xlsx

        queue, desk = self._queue, self._desk

        def work() -> None:
            desk.export(
                path,
                lambda target: writer(queue.stats(first, last), target),
                what="queue statistics",
                detail={"format": kind, "from": str(first), "to": str(last)},
            )

        self._runner.run(
            work,
            lambda _: self.say(self.tr("Statistics saved to {path}.").format(path=path)),
            self._export_failed,
            owner=self,
        )

    def export_daily_report(self, path: Path, day: dt.date) -> None:
        """The printing issue's daily hall report, rendered off the GUI thread."""

        queue, desk, branding = self._queue, self._desk, self._branding

        def write(target: Path) -> None:
            pdf = render_pdf(daily_report(queue, day), branding)
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(pdf)
            tmp.replace(target)  # never a half-written report under the chosen name

        def work() -> None:
            desk.export(
                path, write, what="daily queue report", detail={"format": "pdf", "day": str(day)}
            )

        self._runner.run(
            work,
            lambda _: self.say(self.tr("Daily report saved to {path}.").format(path=path)),
            self._export_failed,
            owner=self,
        )

    def _export_failed(self, exc: Exception) -> None:
        if isinstance(exc, QueueRefused):
            self.say(refusal_message(exc.code), error=True)
            return
        log.error("statistics export failed", exc_info=exc)
        self.say(
            self.tr("The statistics could not be saved: {error}").format(error=exc), error=True
        )
