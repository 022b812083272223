"""A paper's text read back the way a PDF viewer extracts it (pypdfium2, PDFium's text layer)."""

from __future__ import annotations

import pypdfium2 as pdfium


def pdfium_text(pdf: bytes) -> str:
    """Every page's text, whitespace removed (labels and values sit in separate cells)."""
    document = pdfium.PdfDocument(pdf)
    try:
        parts = []
        for page in document:
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "".join("".join(parts).split())
    finally:
        document.close()
