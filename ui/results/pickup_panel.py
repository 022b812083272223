"""The pickup window (统一窗口出件): decisions waiting, searchable, with their papers and handover.

Printing gives the decision's paper: the certificate with the server's number when approved,
the refusal or the supplement notice otherwise; a second print is a copy stamped COPY. A
recorded handover prints its handover record (出件记录, archived with the case) at once; "Print
handover record" prints the last one again (anew if its print failed). A paper the printer did
not confirm asks the clerk to look at it (``ui.printing.paper_check``). Every database read,
print and handover goes through the task runner.

Where the counter keeps pad signatures, "The recipient signs on the pad" has whoever collected
the result (the applicant or their agent) sign the handover record before it prints, on the
applicant's screen where the counter has one, else in the signing dialog
(``ui.signature.flow``, the same step as the intake's papers). A mailed result has nobody to
sign: its record prints at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.audit.types import Actor
from clerk_app.intake.types import CaseState
from clerk_app.printjobs.types import PrintJobView, PrintRefused
from clerk_app.ratings.service import RatingService
from clerk_app.results.papers import ResultPapers, handover_owner_key
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverResult, PickupEntry, ResultRefused
from clerk_app.signatures.service import SignatureService
from clerk_app.signatures.signed_print import SignedPrint
from printing.documents import HandoverDoc
from ui.login import ClerkSession
from ui.printing.job_text import paper_warning
from ui.printing.paper_check import PaperCheck
from ui.results.handover_dialog import HandoverDialog
from ui.results.messages import refusal_text
from ui.results.pickup_model import PickupModel
from ui.signature.flow import PaperSigning
from ui.tables import fit_columns
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)
ERROR_STYLE = "color: #b00020;"
SEARCH_DELAY_MS = 300  # typed search runs once the clerk pauses


@dataclass(frozen=True, slots=True)
class ResultsDeps:
    results: ResultsService
    papers: ResultPapers
    ratings: RatingService | None = None  # the supervisor's follow-ups of bad ratings
    signatures: SignatureService | None = None  # None: no signature pad at this counter


class PickupPanel(QWidget):
    def __init__(
        self,
        deps: ResultsDeps,
        runner: TaskRunner,
        session: ClerkSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._deps, self._runner, self._session = deps, runner, session
        self.handover_dialog: HandoverDialog | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Case number, applicant name, certificate number or ID number")
        )
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.model = PickupModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        fit_columns(self.table)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.list_status = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._last_handover: HandoverResult | None = None
        self._handover_text = ""
        by = Actor(session.user.user_id, session.user.display_name)
        self.sign = QCheckBox(self.tr("The recipient si&gns on the pad"))
        self.signing = self._signing(by)
        self._signed_handover: int | None = None  # the case whose record was signed and sent
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._actions())
        layout.addWidget(self.status)
        self.check = PaperCheck(deps.papers.printer, runner, by, self)
        self.check.resolved.connect(self._printed)
        self.check.failed.connect(self.say)
        layout.addWidget(self.check)
        self._selection_changed()

    def _signing(self, by: Actor) -> PaperSigning | None:
        """领取人签名: the handover record waits for the recipient's signature, then prints."""
        signatures = self._deps.signatures
        self.sign.setVisible(signatures is not None)
        if signatures is None:
            return None
        signing = PaperSigning(signatures, self._deps.papers.printer, self._runner, by, self)
        signing.printed.connect(self._handover_signed)
        signing.failed.connect(self._handover_sign_failed)
        signing.cancelled.connect(self._handover_sign_cancelled)
        return signing

    def _actions(self) -> QHBoxLayout:
        self.print_button = QPushButton(self.tr("&Print certificate / notice"))
        self.print_button.clicked.connect(self.print_selected)
        self.handover_button = QPushButton(self.tr("&Hand over…"))
        self.handover_button.clicked.connect(self.hand_over_selected)
        self.handover_print_button = QPushButton(self.tr("Print handover &record"))
        self.handover_print_button.setEnabled(False)
        self.handover_print_button.clicked.connect(self.print_handover)
        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.handover_button)
        actions.addWidget(self.handover_print_button)
        actions.addWidget(self.sign)
        actions.addStretch(1)
        actions.addWidget(self.list_status)
        return actions

    # ------------------------------------------------------------------ the list
    def refresh(self) -> None:
        self._search_timer.stop()
        results, text = self._deps.results, self.search.text()
        self._runner.run(lambda: results.pickup_list(text), self._listed, self._failed, owner=self)

    def _listed(self, entries: list[PickupEntry]) -> None:
        chosen = self.selected()
        self.model.set_entries(entries)
        rows = [e.case_id for e in entries]
        if chosen is not None and chosen.case_id in rows:
            self.table.selectRow(rows.index(chosen.case_id))
        elif entries:
            self.table.selectRow(0)
        self._selection_changed()
        if entries:
            self.list_status.setText(self.tr("%n decision(s) waiting", "", len(entries)))
        else:
            self.list_status.setText(self.tr("No decisions are waiting."))

    def selected(self) -> PickupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.print_button.setEnabled(entry is not None)
        self.handover_button.setEnabled(entry is not None and entry.state is CaseState.APPROVED)

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row())
        if entry.state is CaseState.APPROVED:
            self.hand_over_selected()
        else:
            self.print_selected()

    # ------------------------------------------------------------------ papers
    def print_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        papers, session = self._deps.papers, self._session
        self.say(self.tr("Printing…"), error=False)
        self._runner.run(
            lambda: papers.print_result(entry.case_id, session.user, session.window_number),
            self._printed,
            self._failed,
            owner=self,
        )

    def _printed(self, job: PrintJobView) -> None:
        """Say how the print ended; an unconfirmed paper asks the clerk to look at it."""
        if job.unconfirmed:
            self.say("", error=False)
            self.check.ask(job)
        elif not job.printed:
            text = self.tr("The paper did not print ({reason}). Please try again.")
            self.say(text.format(reason=job.error_message or ""))
        else:
            done = self.tr("Printed again, marked COPY.") if job.is_copy else self.tr("Printed.")
            self.say(" ".join(filter(None, (done, paper_warning(job)))), error=False)

    # ------------------------------------------------------------------ handover
    def hand_over_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.state is not CaseState.APPROVED:
            return
        dialog = HandoverDialog(
            entry, self._deps.results, self._runner, self._session.user, parent=self
        )
        dialog.handed_over.connect(self._handed_over)
        self.handover_dialog = dialog
        dialog.open()

    def _handed_over(self, result: HandoverResult) -> None:
        if result.method is HandoverMethod.MAIL:
            text = self.tr("{case}: mailed, recorded.")
        else:
            text = self.tr("{case}: handed over to {name}, recorded.")
        self._handover_text = text.format(case=result.case_number, name=result.recipient_name)
        self.say(self._handover_text, error=False)
        self._last_handover = result
        self.handover_print_button.setEnabled(True)
        self.refresh()
        self.print_handover()

    def print_handover(self) -> None:
        """Print (and archive) the handover record of the last handover at this window: signed
        first by the recipient where that is asked and it was not signed yet."""
        result = self._last_handover
        if result is None:
            return
        papers, session = self._deps.papers, self._session
        if self._wants_signature(result):
            self.handover_print_button.setEnabled(False)
            self._runner.run(
                lambda: papers.handover_document(result.case_id, session.window_number),
                self._sign_handover,
                self._handover_print_failed,
                owner=self,
            )
            return
        self._runner.run(
            lambda: papers.print_handover(result.case_id, session.user, session.window_number),
            lambda job: self._handover_printed(result, job),
            self._handover_print_failed,
            owner=self,
        )

    def _wants_signature(self, result: HandoverResult) -> bool:
        return (
            self.signing is not None
            and self.sign.isChecked()
            and result.method is HandoverMethod.PICKUP
            and self._signed_handover != result.case_id
        )

    def _sign_handover(self, doc: HandoverDoc) -> None:
        assert self.signing is not None  # asked for by _wants_signature
        self.say(self.tr("Waiting for the recipient's signature…"), error=False)
        self.signing.sign(doc, self, owner=handover_owner_key(doc.case_number))

    def _handover_signed(self, signed: SignedPrint) -> None:
        result = self._last_handover
        self.handover_print_button.setEnabled(True)
        if result is None or result.case_number != signed.signature.case_number:
            return
        self._signed_handover = result.case_id  # printed again, it is a copy of the signed one
        self._handover_printed(result, signed.job)

    def _handover_sign_failed(self, text: str) -> None:
        self.handover_print_button.setEnabled(True)
        message = self.tr(
            "The handover is recorded, but its record did not print ({reason}). "
            "Press Print handover record."
        )
        self.say(message.format(reason=text))

    def _handover_sign_cancelled(self) -> None:
        self.handover_print_button.setEnabled(True)
        self.say(
            self.tr(
                "Not signed: the handover is recorded, its record was not printed. "
                "Press Print handover record to ask again."
            )
        )

    def _handover_printed(self, result: HandoverResult, job: PrintJobView) -> None:
        if job.unconfirmed:
            self.check.ask(job)
            return
        if job.printed:
            text = self.tr("{done} The handover record is printed.")
            self.say(text.format(done=self._handover_text), error=False)
            return
        text = self.tr(
            "{case}: the handover is recorded, but its record did not print ({reason}). "
            "Press Print handover record."
        )
        self.say(text.format(case=result.case_number, reason=job.error_message or ""))

    def _handover_print_failed(self, exc: Exception) -> None:
        self.handover_print_button.setEnabled(True)
        if isinstance(exc, PrintRefused):
            text = self.tr(
                "The handover is recorded, but its record did not print ({reason}). "
                "Press Print handover record."
            )
            self.say(text.format(reason=exc.message))
            return
        self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ResultRefused):
            self.say(refusal_text(exc))
            return
        log.error("pickup window action failed", exc_info=exc)
        self.say(self.tr("The operation failed. Please try again."))

    def say(self, text: str, *, error: bool = True) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
