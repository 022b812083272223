"""The clerk's look at the paper of a job the printer did not confirm.

A job is unconfirmed when its bytes went out but the printer did not confirm it (the
connection broke, no status answer, paper out, an open cover …). The widget asks whether the
whole paper came out: "Printed fine" records it as printed; "Not printed: print again" records
it as not printed and sends the same paper again (not a copy: nothing was handed out). Both
answers are audited by the print service. ``resolved`` gives the job as it ended: the
confirmed one, or the new attempt (asked about again if that is unconfirmed too).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.audit.types import Actor
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import PrintJobView, PrintRefused
from ui.printing.job_text import look_at_the_paper
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class PaperCheck(QWidget):
    resolved = Signal(object)  # PrintJobView
    failed = Signal(str)

    def __init__(
        self, printer: PrintService, runner: TaskRunner, by: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._printer, self._runner, self._by = printer, runner, by
        self.job: PrintJobView | None = None
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.printed_button = QPushButton(self.tr("Printed &fine"))
        self.printed_button.clicked.connect(self.printed_fine)
        self.again_button = QPushButton(self.tr("&Not printed: print again"))
        self.again_button.clicked.connect(self.print_again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.printed_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self.hide()

    def ask(self, job: PrintJobView) -> None:
        self.job = job
        self.question.setText(look_at_the_paper(job))
        self._enable(enabled=True)
        self.show()
        self.printed_button.setFocus()

    def printed_fine(self) -> None:
        job, printer, by = self.job, self._printer, self._by
        if job is None:
            return
        self._run(lambda: printer.confirm(job.id, printed=True, by=by))

    def print_again(self) -> None:
        job, printer, by = self.job, self._printer, self._by
        if job is None:
            return

        def work() -> PrintJobView:
            printer.confirm(job.id, printed=False, by=by)
            return printer.retry(job.id)

        self._run(work)

    def _run(self, work: Callable[[], PrintJobView]) -> None:
        self._enable(enabled=False)
        self._runner.run(work, self._answered, self._failed, owner=self)

    def _answered(self, job: PrintJobView) -> None:
        if job.unconfirmed:
            self.ask(job)
            return
        self.job = None
        self.hide()
        self.resolved.emit(job)

    def _failed(self, error: Exception) -> None:
        self._enable(enabled=True)
        if isinstance(error, PrintRefused):
            self.failed.emit(error.message)
            return
        log.error("the answer about the paper could not be recorded", exc_info=error)
        self.failed.emit(self.tr("unexpected error, see the log"))

    def _enable(self, *, enabled: bool) -> None:
        self.printed_button.setEnabled(enabled)
        self.again_button.setEnabled(enabled)
