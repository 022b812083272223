"""One module per document family; :func:`render_pdf` picks the renderer for a document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from printing.documents import (
    CertificateDoc,
    CommitmentDoc,
    DailyReportDoc,
    DeferralDoc,
    DenialDoc,
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
from printing.render.case_docs import (
    render_deferral,
    render_denial,
    render_notice,
    render_receipt,
    render_refusal,
)
from printing.render.certificate import render_certificate, render_handover
from printing.render.commitment import render_commitment
from printing.render.report import render_daily_report, render_test_page_a4
from printing.render.ticket import Paper, render_ticket_pdf


def document_kind(doc: Document) -> DocumentKind:
    kinds: dict[type, DocumentKind] = {
        QueueTicketDoc: DocumentKind.TICKET,
        ReceiptDoc: DocumentKind.RECEIPT,
        OneTimeNoticeDoc: DocumentKind.NOTICE,
        DeferralDoc: DocumentKind.DEFERRAL,
        RefusalDoc: DocumentKind.REFUSAL,
        DenialDoc: DocumentKind.DENIAL,
        CertificateDoc: DocumentKind.CERTIFICATE,
        HandoverDoc: DocumentKind.HANDOVER,
        CommitmentDoc: DocumentKind.COMMITMENT,
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
    renderer: Callable[[Any, HallBranding], bytes] = _RENDERERS[type(doc)]
    return renderer(doc, branding)


_RENDERERS: dict[type, Callable[[Any, HallBranding], bytes]] = {
    ReceiptDoc: render_receipt,
    OneTimeNoticeDoc: render_notice,
    DeferralDoc: render_deferral,
    RefusalDoc: render_refusal,
    DenialDoc: render_denial,
    CertificateDoc: render_certificate,
    HandoverDoc: render_handover,
    CommitmentDoc: render_commitment,
    DailyReportDoc: render_daily_report,
    TestPageDoc: render_test_page_a4,
}


def document_number(doc: Document, branding: HallBranding) -> str | None:
    """The formal number printed on an official paper (None for tickets, reports, tests)."""
    if isinstance(doc, CertificateDoc):
        return doc.certificate_number
    if isinstance(doc, ReceiptDoc | DeferralDoc | CommitmentDoc):
        year = doc.acceptance_date.year
    elif isinstance(doc, OneTimeNoticeDoc):
        year = doc.notice_date.year
    elif isinstance(doc, RefusalDoc | DenialDoc):
        year = doc.decision_date.year
    elif isinstance(doc, HandoverDoc):
        year = doc.handed_at.year
    else:
        return None
    return doc.number or branding.document_number(document_kind(doc), year, doc.doc_seq)


def owner_key(doc: Document) -> str:
    """What the paper belongs to: its case, ticket, day or printer."""
    if isinstance(
        doc, ReceiptDoc | DeferralDoc | DenialDoc | CertificateDoc | HandoverDoc | CommitmentDoc
    ):
        return doc.case_number
    if isinstance(doc, OneTimeNoticeDoc | RefusalDoc):
        return doc.case_number or f"{document_kind(doc).value}-{doc.doc_seq}"
    if isinstance(doc, QueueTicketDoc):
        return f"ticket-{doc.issued_at:%Y%m%d}-{doc.number}"
    if isinstance(doc, DailyReportDoc):
        return f"report-{doc.day.isoformat()}"
    return f"test-{doc.printer_name}"


__all__ = ["Paper", "document_kind", "document_number", "owner_key", "render_pdf"]
