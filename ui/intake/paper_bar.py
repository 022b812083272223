"""After a decision: build its paper from the saved case, preview it if asked, print it.

Everything blocking (reading the case back, rendering, printing) runs through the task runner.
A printer that fails leaves the decision saved: the failure is shown and Reprint sends the
paper again (a failed job is retried; a printed one is reprinted stamped COPY). A paper the
printer did not confirm asks the clerk to look at it (``ui.printing.paper_check``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.audit.types import Actor
from clerk_app.counter import decision_papers
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperSettings
from clerk_app.intake.rules import Refusal
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import DecisionResult
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import JobState, PrintJobView, PrintRefused
from clerk_app.signatures.service import SignatureService
from clerk_app.signatures.signed_print import SignedPrint
from onewindow_base.failures import OperationalFailure
from onewindow_base.wording import Language
from printing.documents import Document, signable
from printing.render import render_pdf
from ui.i18n import ui_language
from ui.printing.job_text import paper_warning
from ui.printing.paper_check import PaperCheck
from ui.printing.preview import PrintPreviewDialog
from ui.signature.flow import PaperSigning
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PaperSources:
    intake: IntakeService
    lookup: CaseLookup
    printer: PrintService
    settings: PaperSettings
    signatures: SignatureService | None = None  # None: no signature pad at this counter


class PaperBar(QWidget):
    printed = Signal(object)  # PrintJobView
    print_failed = Signal(str)

    def __init__(
        self,
        sources: PaperSources,
        runner: TaskRunner,
        clerk: tuple[str, int],
        parent: QWidget | None = None,
        *,
        by: Actor,
    ) -> None:
        super().__init__(parent)
        self._sources = sources
        self._runner = runner
        self._clerk_name, self._window = clerk
        self._by = by
        self._doc: Document | None = None
        self._letter: Document | None = None  # 告知承诺书, printed after the paper
        self._owner = ""
        self.job: PrintJobView | None = None
        self.preview_dialog: PrintPreviewDialog | None = None
        self.preview = QCheckBox(self.tr("Pre&view before printing"))
        # 请申请人签名: the paper waits for the applicant's signature on the pad, then prints
        # with it (ui.signature.flow): on the applicant's screen where the counter has one
        # (ClerkWindow.sign_on), else in the signing dialog here.
        self.sign = QCheckBox(self.tr("Ask the applicant to &sign"))
        self.signing: PaperSigning | None = None
        if sources.signatures is not None:
            self.signing = PaperSigning(sources.signatures, sources.printer, runner, by, self)
            self.signing.printed.connect(self._signed)
            self.signing.failed.connect(self._sign_failed)
            self.signing.cancelled.connect(self._sign_cancelled)
        self.sign.setVisible(self.signing is not None)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.reprint_button = QPushButton(self.tr("Re&print"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.reprint)
        self.check = PaperCheck(sources.printer, runner, by, self)
        self.check.resolved.connect(self._sent)
        self.check.failed.connect(self.status.setText)
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addWidget(self.sign)
        row.addWidget(self.status, 1)
        row.addWidget(self.reprint_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.check)

    def paper_for(self, result: DecisionResult, refusal: Refusal | None) -> None:
        """Build the decision's paper from the saved case, then preview or print it."""
        sources, clerk_name, window = self._sources, self._clerk_name, self._window

        def build() -> tuple[Document, Document | None]:
            return decision_papers(
                sources.intake,
                sources.lookup,
                sources.settings,
                result,
                refusal,
                (clerk_name, window),
            )

        self.status.setText(self.tr("Preparing the paper…"))
        self._runner.run(
            build, lambda docs: self._built(*docs, owner=result.case_number), self._failed
        )

    def _built(self, doc: Document, letter: Document | None, *, owner: str) -> None:
        self._doc, self._letter, self._owner, self.job = doc, letter, owner, None
        if not self.preview.isChecked():
            self.print_now()
            return
        branding = self._sources.settings.branding
        self._runner.run(lambda: render_pdf(doc, branding), self._show_preview, self._failed)

    def _show_preview(self, pdf: bytes) -> None:
        dialog = PrintPreviewDialog(pdf, self._owner, self)
        dialog.print_requested.connect(dialog.accept)
        dialog.print_requested.connect(self.print_now)
        self.preview_dialog = dialog
        dialog.open()
        self.status.setText(self.tr("Preview open: print from there, or Reprint later."))
        self.reprint_button.setEnabled(True)

    def print_now(self) -> None:
        doc, owner, printer = self._doc, self._owner, self._sources.printer
        if doc is None:
            return
        if not self._ask_signature(doc):
            self._send(lambda: printer.print_document(doc, owner=owner))

    def _ask_signature(self, doc: Document) -> bool:
        """Ask the applicant to sign this paper on the pad (their screen, or the dialog)."""
        paper = signable(doc)
        if self.signing is None or paper is None or not self.sign.isChecked():
            return False
        self.status.setText(self.tr("Waiting for the applicant's signature…"))
        self.reprint_button.setEnabled(False)
        self.signing.sign(paper, self, owner=self._owner)
        return True

    def _signed(self, result: SignedPrint) -> None:
        self._sent(result.job)

    def _sign_failed(self, text: str) -> None:
        self._failed_text(text)

    def _sign_cancelled(self) -> None:
        self.reprint_button.setEnabled(True)
        self.status.setText(
            self.tr("Not signed: the paper was not printed. Press Reprint to try again.")
        )

    def reprint(self) -> None:
        """Send again: retry a failed job, print a COPY of a printed one, or print anew."""
        job, printer, by = self.job, self._sources.printer, self._by
        if job is None:
            self.print_now()
        elif job.state is JobState.FAILED:
            self._send(lambda: printer.retry(job.id))
        else:
            self._send(lambda: printer.reprint(job.id, by=by))

    def _send(self, work: Callable[[], PrintJobView]) -> None:
        self.status.setText(self.tr("Printing…"))
        self.reprint_button.setEnabled(False)
        self._runner.run(work, self._sent, self._failed, owner=self)

    def _sent(self, job: PrintJobView) -> None:
        self.job = job
        if job.unconfirmed:  # the clerk answers in the check: printed fine, or print again
            self.reprint_button.setEnabled(False)
            self.status.setText(self.tr("The decision is saved."))
            self.check.ask(job)
            return
        self.reprint_button.setEnabled(True)
        if job.printed:
            printed = self.tr("Printed for case {case}.").format(case=job.owner_key)
            self.status.setText(" ".join(filter(None, (printed, paper_warning(job)))))
            self.printed.emit(job)
            letter, owner, printer = self._letter, self._owner, self._sources.printer
            if letter is not None:  # then the commitment letter, to be signed at the counter
                self._letter = None
                if not self._ask_signature(letter):
                    self._send(lambda: printer.print_document(letter, owner=owner))
            return
        self.status.setText(
            self.tr("Printing failed ({reason}); the decision is saved. Press Reprint.").format(
                reason=job.error_message or ""
            )
        )
        self.print_failed.emit(job.error_message or "")

    def _failed(self, error: Exception) -> None:
        if isinstance(error, PrintRefused):
            text = error.message
        elif isinstance(error, OperationalFailure):  # e.g. the hall certificate cannot sign
            log.error("%s", error.message(Language.EN))
            text = error.message(ui_language())
        else:
            log.error("the paper could not be prepared", exc_info=error)
            text = self.tr("unexpected error, see the log")
        self._failed_text(text)

    def _failed_text(self, text: str) -> None:
        self.reprint_button.setEnabled(self._doc is not None)
        self.status.setText(
            self.tr("Printing failed ({reason}); the decision is saved. Press Reprint.").format(
                reason=text
            )
        )
        self.print_failed.emit(text)

    def clear(self) -> None:
        self._doc, self._letter, self.job = None, None, None
        self.check.hide()
        self.status.clear()
        self.reprint_button.setEnabled(False)
