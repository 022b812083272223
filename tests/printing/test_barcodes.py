"""The codes scan: pages rendered to images and decoded with zxing-cpp."""

from __future__ import annotations

import dataclasses

import pytest

from printing.codes import BarcodeError, code128_modules
from printing.documents import DocumentKind
from printing.render import render_pdf
from printing.render.ticket import Paper
from tests.printing import literals
from tests.printing.helpers import decoded

B = literals.BRANDING
CASE_DOCS = [DocumentKind.RECEIPT, DocumentKind.NOTICE, DocumentKind.DEFERRAL,
             DocumentKind.REFUSAL, DocumentKind.HANDOVER]  # fmt: skip


@pytest.mark.parametrize("kind", CASE_DOCS)
def test_case_number_code128_and_status_qr_decode(kind: DocumentKind) -> None:
    doc = literals.literal(kind)
    case_number = doc.case_number  # type: ignore[union-attr]
    assert case_number is not None
    codes = decoded(render_pdf(doc, B))
    copies = 2 if kind is DocumentKind.DEFERRAL else 1
    assert codes["Code128"] == [case_number] * copies
    assert codes["QRCode"] == [B.status_url_for(case_number)] * copies


def test_certificate_verification_qr_decodes() -> None:
    doc = literals.certificate()
    codes = decoded(render_pdf(doc, B))
    assert codes == {"QRCode": [B.verify_url_for(doc.certificate_number)]}


@pytest.mark.parametrize("paper", list(Paper))
def test_ticket_qr_decodes_on_both_rolls(paper: Paper) -> None:
    doc = literals.ticket()
    assert decoded(render_pdf(doc, B, paper=paper)) == {"QRCode": [doc.qr_url]}


def test_ticket_without_url_has_no_qr() -> None:
    doc = dataclasses.replace(literals.ticket(), qr_url=None)
    assert decoded(render_pdf(doc, B)) == {}


def test_code128_takes_printable_ascii_only() -> None:
    with pytest.raises(BarcodeError, match="printable ASCII"):
        code128_modules("CC01-窗口")
    assert set(code128_modules("CC01-W03-20261128-0042")) == {"0", "1"}
