"""The applicant's pad signature on each paper that takes one, read back from the PDF: the ink
is an image on the signer's line (its transparency kept) and the signed day replaces the blank
date line; an unsigned paper keeps the blank line; a posted handover has no recipient to sign."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from printing.documents import (
    Document,
    HandoverMethod,
    PaperSignature,
    signable,
    with_signature,
)
from printing.render import render_pdf
from tests.pdf_read import pdfium_text
from tests.printing import literals

SIGNED_ON = dt.date(2026, 12, 7)
PAPERS = ("receipt", "notice", "deferral", "refusal", "commitment", "handover")


def ink() -> bytes:
    image = Image.new("RGBA", (472, 140), (0, 0, 0, 0))
    ImageDraw.Draw(image).line((10, 110, 200, 15, 300, 125, 460, 20), fill=(20, 24, 60), width=9)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def inks(pdf: bytes) -> list[tuple[int, int]]:
    reader = PdfReader(io.BytesIO(pdf))
    images = [i.image for page in reader.pages for i in page.images]
    decoded = [image for image in images if image is not None]
    assert len(decoded) == len(images), "pypdf could not decode an image"
    return [image.size for image in decoded if image.mode == "RGBA"]


def paper(name: str) -> Document:
    return getattr(literals, name)()  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", PAPERS)
def test_the_signature_is_printed_on_the_signers_line_with_its_day(name: str) -> None:
    doc = signable(paper(name))
    assert doc is not None
    signed = with_signature(doc, PaperSignature(ink(), SIGNED_ON))
    assert "png" not in repr(signed.signature)  # the ink stays out of logs
    pdf = render_pdf(signed, literals.BRANDING)
    copies = 2 if name in ("deferral", "commitment") else 1  # each copy (联) is signed
    assert inks(pdf) == [(472, 140)] * copies
    text = pdfium_text(pdf)
    assert text.count("日期：2026年12月7日") == copies


@pytest.mark.parametrize("name", PAPERS)
def test_an_unsigned_paper_keeps_the_blank_line(name: str) -> None:
    pdf = render_pdf(paper(name), literals.BRANDING)
    assert inks(pdf) == [] and "日期：年月日" in pdfium_text(pdf)


def test_a_posted_handover_prints_no_recipient_signature() -> None:
    posted = dataclasses.replace(literals.handover(), method=HandoverMethod.COURIER)
    pdf = render_pdf(posted, literals.BRANDING)
    signed = render_pdf(
        dataclasses.replace(posted, signature=PaperSignature(ink(), SIGNED_ON)),
        literals.BRANDING,
    )
    assert inks(signed) == [] == inks(pdf)


def test_papers_nobody_signs_on_a_pad_are_not_signable() -> None:
    for name in ("certificate", "denial", "ticket", "daily_report"):
        assert signable(paper(name)) is None
