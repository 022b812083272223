"""Signing on the applicant's screen: the counter's signing surface where it has one.

The paper (rendered as the print service renders it) is shown under 请签名 with the signing
panel beside it in large type (``ui.signature.panel``: 清除 / 撤销 / 重做 / 确认签名). The
clerk's screen shows a small window that is not modal, "waiting for the applicant's
signature…", with 取消: the clerk can cancel, only the applicant confirms. Either way the
applicant's screen goes back to the page it left; the flow that asked
(``ui.signature.flow.PaperSigning``) records and prints the signed paper.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.printjobs.service import PrintService
from clerk_app.signatures.ink import SignatureInk
from clerk_app.signatures.signed_print import paper_to_sign
from ui.applicant.screen import ApplicantScreen
from ui.signature.panel import SigningPanel
from ui.signature.surface import SigningRequest


class WaitingForSignature(QDialog):
    """The clerk's side while the applicant signs on their screen."""

    def __init__(self, paper: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.label = QLabel(
            self.tr("Waiting for the applicant to sign {paper} on their screen…").format(
                paper=paper
            )
        )
        self.label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(row)


class ApplicantSigning(QObject):
    """A signing surface (``ui.signature.surface``) on the applicant's screen. One request at a
    time: a new one cancels the one still waiting."""

    def __init__(self, screen: ApplicantScreen, printer: PrintService) -> None:
        super().__init__(screen)
        self._screen = screen
        self._printer = printer
        self._request: SigningRequest | None = None
        self.waiting: WaitingForSignature | None = None

    def open(self, request: SigningRequest, parent: QWidget | None) -> SigningPanel:
        self.cancel()
        self._request = request
        panel = SigningPanel(request.prompt, large=True)
        panel.signed.connect(self._signed)
        printer, doc = self._printer, request.doc
        self._screen.ask_to_sign(lambda: paper_to_sign(printer, doc), request.paper, panel)
        waiting = WaitingForSignature(request.paper, parent)
        waiting.rejected.connect(self.cancel)
        self.waiting = waiting
        waiting.show()
        return panel

    def cancel(self) -> None:
        """The clerk's 取消 (or a newer request): nothing is signed."""
        request = self._end()
        if request is not None:
            request.cancelled()

    def _signed(self, ink: SignatureInk) -> None:
        request = self._end()
        if request is not None:
            request.signed(ink)

    def _end(self) -> SigningRequest | None:
        request, self._request = self._request, None
        waiting, self.waiting = self.waiting, None
        if waiting is not None:
            waiting.rejected.disconnect(self.cancel)
            waiting.close()
        if request is not None:
            self._screen.end_signing()
        return request
