"""One module per document family; :func:`render_pdf` picks the renderer for a document."""

from __future__ import annotations

from printing.documents import (
    CertificateDoc,
    DailyReportDoc,
    DeferralDoc,
    Document,
    DocumentKind,
    HallBranding,
    HandoverDoc,
    OneTimeNoticeDoc,
    QueueTicketDoc,
    ReceiptDoc,
    RefusalDoc,
    TestPageDoc,
)
from printing.render.case_docs import render_deferral, render_notice, render_receipt, render_refusal
from printing.render.certificate import render_certificate, render_handover
from printing.render.report import render_daily_report, render_test_page_a4
from printing.render.ticket import Paper, render_ticket_pdf


def document_kind(doc: Document) -> DocumentKind:
    kinds: dict[type, DocumentKind] = {
        QueueTicketDoc: DocumentKind.TICKET,
        ReceiptDoc: DocumentKind.RECEIPT,
        OneTimeNoticeDoc: DocumentKind.NOTICE,
        DeferralDoc: DocumentKind.DEFERRAL,
        RefusalDoc: DocumentKind.REFUSAL,
        CertificateDoc: DocumentKind.CERTIFICATE,
        HandoverDoc: DocumentKind.HANDOVER,
        DailyReportDoc: DocumentKind.DAILY_REPORT,
        TestPageDoc: DocumentKind.TEST_PAGE,
    }
    return kinds[type(doc)]


def render_pdf(doc: Document, branding: HallBranding, *, paper: Paper = Paper.MM80) -> bytes:
    """The document as PDF bytes (``paper`` is the roll width of a ticket).

    Raises :class:`printing.fonts.MissingGlyph` when a character cannot be printed.
    """
    if isinstance(doc, QueueTicketDoc):
        return render_ticket_pdf(doc, paper)
    if isinstance(doc, ReceiptDoc):
        return render_receipt(doc, branding)
    if isinstance(doc, OneTimeNoticeDoc):
        return render_notice(doc, branding)
    if isinstance(doc, DeferralDoc):
        return render_deferral(doc, branding)
    if isinstance(doc, RefusalDoc):
        return render_refusal(doc, branding)
    if isinstance(doc, CertificateDoc):
        return render_certificate(doc, branding)
    if isinstance(doc, HandoverDoc):
        return render_handover(doc, branding)
    if isinstance(doc, DailyReportDoc):
        return render_daily_report(doc, branding)
    return render_test_page_a4(doc, branding)


__all__ = ["Paper", "document_kind", "render_pdf"]
