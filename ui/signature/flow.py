"""Take a paper's signature and print the paper with it: the one step every screen reuses.

:class:`PaperSigning` opens a :class:`SigningDialog` for a paper (:meth:`PaperSigning.sign`),
or takes ink a screen got from its own pad (:meth:`PaperSigning.submit`); either way the core
records the signature and prints the paper with it in the background
(``clerk_app.signatures.signed_print``), and ``printed`` or ``failed`` says how it went.
The clerk's paper bar uses it today; the applicant's screen can hand it its own dialog factory.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from clerk_app.audit.types import Actor
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import PrintRefused
from clerk_app.signatures.ink import SignatureInk
from clerk_app.signatures.service import SignatureRefusal, SignatureRefused, SignatureService
from clerk_app.signatures.signed_print import SignedPrint, print_signed
from onewindow_base.failures import OperationalFailure
from onewindow_base.wording import Language
from printing.documents import DocumentKind, SignableDocument
from printing.render import document_kind
from ui.i18n import ui_language
from ui.signature.dialog import SigningDialog
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DialogFactory = Callable[[str, QWidget | None], SigningDialog]


class PaperSigning(QObject):
    printed = Signal(object)  # SignedPrint
    failed = Signal(str)  # why, translated
    cancelled = Signal()  # the dialog was closed unsigned: nothing recorded or printed

    def __init__(
        self,
        signatures: SignatureService,
        printer: PrintService,
        runner: TaskRunner,
        by: Actor,
        parent: QObject | None = None,
        *,
        dialog: DialogFactory = SigningDialog,
    ) -> None:
        super().__init__(parent)
        self._signatures = signatures
        self._printer = printer
        self._runner = runner
        self._by = by
        self._dialog = dialog
        self.dialog: SigningDialog | None = None

    def sign(
        self, doc: SignableDocument, parent: QWidget | None = None, *, owner: str | None = None
    ) -> SigningDialog:
        """Open the signing dialog for ``doc``; once signed, record and print it."""
        dialog = self._dialog(self.prompt(doc), parent)
        dialog.signed.connect(lambda ink: self.submit(doc, ink, owner=owner))
        dialog.rejected.connect(self.cancelled)
        self.dialog = dialog
        dialog.open()
        return dialog

    def submit(self, doc: SignableDocument, ink: SignatureInk, *, owner: str | None = None) -> None:
        """Record ``ink`` as the signature of ``doc`` and print ``doc`` with it."""
        signatures, printer, by = self._signatures, self._printer, self._by
        self._runner.run(
            lambda: print_signed(signatures, printer, doc, ink, by=by, owner=owner),
            self._done,
            self._failed,
            owner=self,
        )

    def prompt(self, doc: SignableDocument) -> str:
        names = {
            DocumentKind.RECEIPT: self.tr("the acceptance notice"),
            DocumentKind.NOTICE: self.tr("the one-time notice"),
            DocumentKind.DEFERRAL: self.tr("the deferral notice"),
            DocumentKind.REFUSAL: self.tr("the refusal notice"),
            DocumentKind.COMMITMENT: self.tr("the commitment letter"),
            DocumentKind.HANDOVER: self.tr("the handover record"),
        }
        paper = names.get(document_kind(doc), "")
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
            SignatureRefusal.EMPTY: self.tr("Nothing was signed."),
            SignatureRefusal.TOO_LITTLE: self.tr("That is too little to be a signature."),
            SignatureRefusal.UNKNOWN_CASE: self.tr("The case of this paper is not saved."),
            SignatureRefusal.NOT_SIGNED_PAPER: self.tr(
                "This paper is not signed by the applicant."
            ),
        }
        return texts.get(code, self.tr("The signature could not be recorded ({code}).")).format(
            code=code.value
        )
