"""A document rendered in the form a configured printer takes (no database).

``payload_for`` is what the job service and the kiosk call: A4 papers and ticket PDFs for
system and file printers, ESC/POS bytes for ticket printers. A character that cannot be
printed becomes a :class:`PrintError` with reason ``unprintable`` naming it.
"""

from __future__ import annotations

from printing.backends.base import FailureReason, PayloadFormat, PrintError
from printing.config import PrinterConfig
from printing.documents import Document, HallBranding, QueueTicketDoc, TestPageDoc
from printing.escpos import EscposEncodingError, printer_test_escpos, ticket_escpos
from printing.fonts import MissingGlyph
from printing.render import document_kind, render_pdf


def payload_for(doc: Document, printer: PrinterConfig, branding: HallBranding) -> bytes:
    """The bytes to send to ``printer`` for ``doc``; raises :class:`PrintError`."""
    try:
        if printer.payload_format is PayloadFormat.ESCPOS:
            if isinstance(doc, QueueTicketDoc):
                return ticket_escpos(doc, printer.escpos)
            if isinstance(doc, TestPageDoc):
                return printer_test_escpos(doc, printer.escpos)
            raise PrintError(
                FailureReason.WRONG_FORMAT,
                f"printer {printer.name} is a ticket printer and cannot print a "
                f"{document_kind(doc).value} (an A4 document)",
            )
        if isinstance(doc, QueueTicketDoc):
            return render_pdf(doc, branding, paper=printer.escpos.paper)
        return render_pdf(doc, branding)
    except (MissingGlyph, EscposEncodingError) as exc:
        raise PrintError(FailureReason.UNPRINTABLE, str(exc)) from exc
