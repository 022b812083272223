"""Marking a reprint: every page of the archived PDF gets a 副本 stamp (an official paper is
Chinese only; the bilingual ticket says 【副本 COPY】, see ``printing.escpos``).

A reprint must be the archived document itself, not a fresh rendering from data that may
have changed since, so the stamp is laid over the archived pages (pypdf merges a one-page
stamp drawn with the bundled fonts onto each page).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import Style, fonts
from printing.layout import CENTER, RIGHT, TextStyle, draw_line

if TYPE_CHECKING:
    from pypdf import PageObject

STAMP_RED = Color(0.8, 0.1, 0.1, alpha=0.55)
COPY_TEXT = "副本"


def _stamp_page(width: float, height: float) -> bytes:
    fonts()
    buffer = io.BytesIO()
    page = (width, height)
    font = Style.SANS
    c = Canvas(buffer, pagesize=page, invariant=1, initialFontName=font)  # type: ignore[arg-type]  # stubs: float
    small = width < 300  # a ticket roll
    size = 22 if small else 44
    c.saveState()
    c.translate(width / 2, height / 2)
    if not small:
        c.rotate(35)
    c.setStrokeColor(STAMP_RED)
    c.setLineWidth(2)
    box_w, box_h = size * 5.2, size * 1.7
    c.roundRect(-box_w / 2, -box_h / 2, box_w, box_h, size * 0.2, stroke=1, fill=0)
    draw_line(c, 0, -size * 0.36, COPY_TEXT, TextStyle(size, bold=True, color=STAMP_RED), CENTER)
    c.restoreState()
    corner = TextStyle(9 if small else 12, bold=True, color=STAMP_RED)
    draw_line(c, width - 8, height - 16, COPY_TEXT, corner, RIGHT)
    c.showPage()
    c.save()
    return buffer.getvalue()


def mark_copy(pdf: bytes) -> bytes:
    """The same PDF with 副本 stamped on every page."""
    from pypdf import PdfReader, PdfWriter  # noqa: PLC0415 - only reprints need it (start-up)

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    stamps: dict[tuple[float, float], PageObject] = {}
    for page in writer.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        if size not in stamps:
            stamps[size] = PdfReader(io.BytesIO(_stamp_page(*size))).pages[0]
        page.merge_page(stamps[size])
    writer.add_metadata({"/Subject": COPY_TEXT})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
