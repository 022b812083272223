"""Sign, then print: the signature recorded with the case, the paper printed with it.

One call for whoever takes the signature (the clerk's paper bar, the pickup window), on the
clerk's screen or the applicant's: the signature is recorded first (refused: nothing printed),
the paper is rendered with the ink on the signer's line, archived (and PAdES-signed by the
hall's certificate where ``[signing]`` is on: the ink is on the page before the digital
signature covers it), printed, and the signature row is linked to the job.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.audit.types import Actor
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import PrintJobView
from clerk_app.signatures.ink import SignatureInk
from clerk_app.signatures.service import PaperRef, SignatureService, SignedPaper
from printing.documents import SignableDocument, with_signature
from printing.render import document_kind, document_number, owner_key, render_pdf


@dataclass(frozen=True, slots=True)
class SignedPrint:
    signature: SignedPaper
    job: PrintJobView


def paper_ref(doc: SignableDocument, printer: PrintService) -> PaperRef:
    """The paper as the signature names it: its kind and the number printed on it."""
    return PaperRef(document_kind(doc), document_number(doc, printer.settings.branding))


def paper_to_sign(printer: PrintService, doc: SignableDocument) -> bytes:
    """The paper as the print service renders it, before the ink: what the applicant's screen
    shows the signer (the printed one differs only by the ink and the date beside it)."""
    return render_pdf(doc, printer.settings.branding)


def print_signed(
    signatures: SignatureService,
    printer: PrintService,
    doc: SignableDocument,
    ink: SignatureInk,
    *,
    by: Actor,
    owner: str | None = None,
) -> SignedPrint:
    """Record ``ink`` as the signature of ``doc`` (with the paper's case) and print ``doc``
    with it (``owner``: the print job's, by default the paper's case; the handover record's is
    its own). Refusals are the services' own:
    :class:`~clerk_app.signatures.service.SignatureRefused` before anything is stored,
    :class:`~clerk_app.printjobs.types.PrintRefused` with the signature kept, unlinked."""
    case = owner_key(doc)
    signed = signatures.record(case, paper_ref(doc, printer), ink, by=by)
    job = printer.print_document(with_signature(doc, signed.on_paper(ink.png)), owner=owner or case)
    return SignedPrint(signatures.printed(signed.id, job.id), job)
