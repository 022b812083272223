"""Take a paper's signature and print the paper with it: the one step every screen reuses.

:class:`PaperSigning` asks for a paper's signature on its surface (:meth:`PaperSigning.sign`):
the signing dialog on the clerk's screen, or the applicant's screen where the counter has one
(:meth:`PaperSigning.use_surface`, ``ui.signature.surface``); it takes ink got elsewhere too
(:meth:`PaperSigning.submit`). Either way the core records the signature and prints the paper
with it in the background (``clerk_app.signatures.signed_print``), and ``printed``, ``failed``
or ``cancelled`` says how it went. The clerk's paper bar and the pickup window use it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from clerk_app.audit.types import Actor
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import PrintRefused
from clerk_app.signatures.ink import InkProblem, SignatureInk
from clerk_app.signatures.service import SignatureRefusal, SignatureRefused, SignatureService
from clerk_app.signatures.signed_print import SignedPrint, print_signed
from onewindow_base.failures import OperationalFailure
from onewindow_base.wording import Language
from printing.documents import DocumentKind, SignableDocument
from printing.render import document_kind
from ui.i18n import ui_language
from ui.signature.panel import SigningPanel, ink_problem_text
from ui.signature.surface import DialogSurface, SigningRequest, SigningSurface
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class PaperSigning(QObject):
    printed = Signal(object)  # SignedPrint
    failed = Signal(str)  # why, translated
    cancelled = Signal()  # closed unsigned (or the clerk cancelled): nothing recorded or printed

    def __init__(
        self,
        signatures: SignatureService,
        printer: PrintService,
        runner: TaskRunner,
        by: Actor,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._signatures = signatures
        self._printer = printer
        self._runner = runner
        self._by = by
        self._dialog = DialogSurface()
        self.surface: SigningSurface = self._dialog
        self.panel: SigningPanel | None = None  # the pad of the latest request

    def use_surface(self, surface: SigningSurface | None) -> None:
        """Where papers are signed from now on; None: the dialog on the clerk's screen."""
        self.surface = surface or self._dialog

    def sign(
        self, doc: SignableDocument, parent: QWidget | None = None, *, owner: str | None = None
    ) -> SigningPanel:
        """Ask for the signature of ``doc`` on the surface; once signed, record and print it."""
        request = SigningRequest(
            doc,
            self.paper_name(doc),
            self.prompt(doc),
            lambda ink: self.submit(doc, ink, owner=owner),
            self.cancelled.emit,
        )
        self.panel = self.surface.open(request, parent)
        return self.panel

    def submit(self, doc: SignableDocument, ink: SignatureInk, *, owner: str | None = None) -> None:
        """Record ``ink`` as the signature of ``doc`` and print ``doc`` with it."""
        signatures, printer, by = self._signatures, self._printer, self._by
        self._runner.run(
            lambda: print_signed(signatures, printer, doc, ink, by=by, owner=owner),
            self._done,
            self._failed,
            owner=self,
        )

    def paper_name(self, doc: SignableDocument) -> str:
        names = {
            DocumentKind.RECEIPT: self.tr("the acceptance notice"),
            DocumentKind.NOTICE: self.tr("the one-time notice"),
            DocumentKind.DEFERRAL: self.tr("the deferral notice"),
            DocumentKind.REFUSAL: self.tr("the refusal notice"),
            DocumentKind.COMMITMENT: self.tr("the commitment letter"),
            DocumentKind.HANDOVER: self.tr("the handover record"),
        }
        return names.get(document_kind(doc), "")

    def prompt(self, doc: SignableDocument) -> str:
        paper = self.paper_name(doc)
        return self.tr("Please sign {paper} in the box below.").format(paper=paper)

    def _done(self, result: SignedPrint) -> None:
        self.printed.emit(result)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, SignatureRefused):
            text = self.refusal_text(error.code)
        elif isinstance(error, PrintRefused):
            text = error.message
        elif isinstance(error, OperationalFailure):  # the certificate cannot sign, disk full …
            log.error("%s", error.message(Language.EN))
            text = error.message(ui_language())
        else:
            log.error("the signed paper could not be printed", exc_info=error)
            text = self.tr("unexpected error, see the log")
        self.failed.emit(text)

    def refusal_text(self, code: SignatureRefusal) -> str:
        texts = {
            SignatureRefusal.EMPTY: ink_problem_text(InkProblem.EMPTY),
            SignatureRefusal.TOO_LITTLE: ink_problem_text(InkProblem.TOO_LITTLE),
            SignatureRefusal.UNKNOWN_CASE: self.tr("The case of this paper is not saved."),
            SignatureRefusal.NOT_SIGNED_PAPER: self.tr(
                "This paper is not signed by the applicant."
            ),
        }
        return texts.get(code, self.tr("The signature could not be recorded ({code}).")).format(
            code=code.value
        )
