"""Each page's text of a real PDF as pdfium reads it (the engine Chrome uses), line by line."""

from __future__ import annotations

import pypdfium2 as pdfium


def page_texts(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            texts.append(text_page.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            text_page.close()
            page.close()
        return texts
    finally:
        document.close()
