"""Finding a case (by number, ID number, name, day) and its detail: history and papers.

The detail lists every decision of the case and every paper printed for it; Reprint prints
an archived paper again, stamped 副本 / COPY (audited as the clerk). A paper the printer did
not confirm asks the clerk to look at it first. "Continue" hands the case to the intake screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.audit.types import Actor
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.types import CONTINUABLE, CaseDetail, CaseSummary, IntakeRefused
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import PrintJobView
from clerk_app.sync.notifications import Notifications, OptInState
from ui.hall_time import hall_text
from ui.intake.case_model import CaseResultsModel
from ui.intake.messages import refusal_text, state_name
from ui.intake.reasons import decision_name
from ui.printing.job_text import state_text
from ui.printing.paper_check import PaperCheck
from ui.sms_status import sms_text
from ui.tasks import TaskRunner
from ui.wedge import make_scan_field


def promise_text(summary: CaseSummary) -> str:
    """The promised date, or the promise in working days while its year has no calendar."""
    if summary.promised_due is not None:
        return summary.promised_due.isoformat()
    if summary.promised_days is None:
        return "—"
    if summary.due_waits_year is None:
        return QCoreApplication.translate(
            "CaseDetail", "within {n} working days of acceptance (no holiday calendar yet)"
        ).format(n=summary.promised_days)
    return QCoreApplication.translate(
        "CaseDetail",
        "within {n} working days of acceptance (the {year} holiday calendar is not loaded)",
    ).format(n=summary.promised_days, year=summary.due_waits_year)


def _when(ms: int) -> str:
    return hall_text(ms)


class CaseLookupDialog(QDialog):
    continue_requested = Signal(str)

    def __init__(
        self,
        lookup: CaseLookup,
        printer: PrintService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        by: Actor,
        today: dt.date | None = None,
        notifications: Notifications | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find a case"))
        self._lookup, self._printer, self._runner, self._by = lookup, printer, runner, by
        self._notifications = notifications
        self.detail_dialog: CaseDetailDialog | None = None
        self.number = QLineEdit()
        make_scan_field(self.number)
        self.id_number = QLineEdit()
        make_scan_field(self.id_number)
        self.name = QLineEdit()
        self.on_day = QCheckBox(self.tr("Filed on"))
        start = QDate(today.year, today.month, today.day) if today else QDate.currentDate()
        self.day = QDateEdit(start)
        self.day.setCalendarPopup(True)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.status = QLabel()
        self.model = CaseResultsModel(self)
        self.results = QTableView()
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.results.activated.connect(lambda index: self.show_case(self.model.case(index.row())))
        form = QFormLayout()
        form.addRow(self.tr("Case &number"), self.number)
        form.addRow(self.tr("&ID number"), self.id_number)
        form.addRow(self.tr("&Name"), self.name)
        day_row = QHBoxLayout()
        day_row.addWidget(self.on_day)
        day_row.addWidget(self.day, 1)
        form.addRow("", day_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.search_button)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.resize(820, 560)

    def search(self) -> None:
        lookup, number = self._lookup, self.number.text().strip()
        id_number, name = self.id_number.text().strip(), self.name.text().strip()
        picked = self.day.date()
        day = (
            dt.date(picked.year(), picked.month(), picked.day())
            if self.on_day.isChecked()
            else None
        )

        def work() -> list[CaseSummary]:
            if number:
                return [lookup.by_number(number).summary]
            return lookup.search(id_number=id_number or None, name=name or None, day=day)

        self.status.setText(self.tr("Searching…"))
        self._runner.run(work, self._found, self._failed, owner=self)

    def show_number(self, number: str) -> None:
        """Straight to the case's detail (a failed e-licence verification names the case)."""
        self.number.setText(number)
        lookup = self._lookup
        self.status.setText(self.tr("Searching…"))
        self._runner.run(
            lambda: [lookup.by_number(number).summary], self._found_one, self._failed, owner=self
        )

    def _found_one(self, cases: list[CaseSummary]) -> None:
        self._found(cases)
        if len(cases) == 1:
            self.show_case(cases[0])

    def _found(self, cases: list[CaseSummary]) -> None:
        self.model.set_cases(cases)
        self.status.setText(self.tr("%n case(s) found", "", len(cases)))
        if cases:
            self.results.selectRow(0)
            self.results.setFocus()

    def _failed(self, error: Exception) -> None:
        self.model.set_cases([])
        text = refusal_text(error) if isinstance(error, IntakeRefused) else ""
        self.status.setText(text or self.tr("Nothing found."))

    def show_case(self, case: CaseSummary) -> None:
        lookup, printer, number = self._lookup, self._printer, case.case_number
        notifications = self._notifications

        def work() -> CaseRecord:
            detail = lookup.by_number(number)
            if notifications is None:
                return CaseRecord(detail, printer.jobs(owner=number))
            sms = notifications.case_state(detail.case_uuid)
            return CaseRecord(detail, printer.jobs(owner=number), sms, sms_shown=True)

        self._runner.run(work, self._show_detail, self._failed, owner=self)

    def _show_detail(self, record: CaseRecord) -> None:
        dialog = CaseDetailDialog(record, self._printer, self._runner, self, by=self._by)
        dialog.continue_requested.connect(self.continue_requested)
        dialog.continue_requested.connect(self.accept)
        self.detail_dialog = dialog
        dialog.open()


@dataclass(frozen=True, slots=True)
class CaseRecord:
    detail: CaseDetail
    jobs: list[PrintJobView]
    sms: OptInState | None = None  # 短信通知: the last status this counter read
    sms_shown: bool = False  # False: texts cannot be sent from here (no central server)


class CaseDetailDialog(QDialog):
    continue_requested = Signal(str)

    def __init__(
        self,
        record: CaseRecord,
        printer: PrintService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        by: Actor,
    ) -> None:
        super().__init__(parent)
        self._record, self._printer, self._runner, self._by = record, printer, runner, by
        summary = record.detail.summary
        self.setWindowTitle(self.tr("Case {case}").format(case=summary.case_number))
        due = promise_text(summary)
        self.summary = QLabel(
            self.tr(
                "{item}\nApplicant: {name} ({id})\nState: {state}; visits: {visits}; "
                "promised by: {due}"
            ).format(
                item=summary.item_name_zh,
                name=summary.applicant_name,
                id=summary.applicant_id_masked,
                state=state_name(summary.state),
                visits=summary.visits,
                due=due,
            )
        )
        self.sms = QLabel(sms_text(record.sms))
        self.sms.setVisible(record.sms_shown)
        self.decisions = self._table(
            [self.tr("Visit"), self.tr("Decision"), self.tr("When")],
            [
                [str(d.visit), decision_name(d.decision), _when(d.at_ms)]
                for d in record.detail.decisions
            ],
        )
        self.jobs = self._table(
            [self.tr("Paper"), self.tr("Printer"), self.tr("State"), self.tr("When")],
            [self._job_row(job) for job in record.jobs],
        )
        self.reprint_button = QPushButton(self.tr("&Reprint as COPY"))
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.continue_button = QPushButton(self.tr("&Continue this case"))
        self.continue_button.setEnabled(summary.state in CONTINUABLE)
        self.continue_button.clicked.connect(
            lambda: self.continue_requested.emit(summary.case_number)
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.check = PaperCheck(printer, runner, by, self)
        self.check.resolved.connect(self._show_job)
        self.check.failed.connect(self.status.setText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.continue_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.sms)
        layout.addWidget(QLabel(self.tr("Decisions")))
        layout.addWidget(self.decisions)
        layout.addWidget(QLabel(self.tr("Printed papers")))
        layout.addWidget(self.jobs)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.check)
        self.resize(720, 560)

    def _job_row(self, job: PrintJobView) -> list[str]:
        state = state_text(job.state) + (" " + self.tr("(COPY)") if job.is_copy else "")
        return [job.document_kind.value, job.printer_name, state, _when(job.created_ms)]

    def _table(self, headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def reprint_selected(self) -> None:
        """A COPY of the selected paper; an unconfirmed one is looked at first."""
        row = self.jobs.currentRow()
        if row < 0:
            return
        job, printer, by = self._record.jobs[row], self._printer, self._by
        if job.unconfirmed:
            self.status.setText(self.tr("First say whether this paper came out."))
            self.check.ask(job)
            return
        self.status.setText(self.tr("Printing…"))
        self._runner.run(
            lambda: printer.reprint(job.id, by=by), self._show_job, self._failed, owner=self
        )

    def _show_job(self, job: PrintJobView) -> None:
        """The job in its row (a new job on top), and what became of it."""
        ids = [j.id for j in self._record.jobs]
        if job.id in ids:
            row = ids.index(job.id)
            self._record.jobs[row] = job
        else:
            row = 0
            self._record.jobs.insert(0, job)
            self.jobs.insertRow(0)
        for c, text in enumerate(self._job_row(job)):
            self.jobs.setItem(row, c, QTableWidgetItem(text))
        if job.unconfirmed:
            self.status.clear()
            self.check.ask(job)
        elif job.printed:
            self.status.setText(self.tr("Printed a copy.") if job.is_copy else self.tr("Printed."))
        else:
            self.status.setText(job.error_message or self.tr("Printing failed."))

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(getattr(error, "message", "")) or self.tr("Printing failed."))
