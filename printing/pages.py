"""PDF pages as images (pypdfium2): for previews, PNG samples, barcode checks and the Qt
printer path, which paints page images on the printer."""

from __future__ import annotations

import pypdfium2 as pdfium
from PIL import Image


def page_count(pdf: bytes) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: bytes, dpi: float = 150, *, grey: bool = False) -> list[Image.Image]:
    """Every page as an RGB (or greyscale) image on white."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, grayscale=grey, fill_color=(255, 255, 255, 255))
            images.append(bitmap.to_pil().copy())
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


def render_page(pdf: bytes, index: int = -1, *, height_px: int) -> Image.Image:
    """One page (``index`` as in a list: -1 the last) scaled to ``height_px`` pixels high, for
    a screen that shows one page at a time (a paper is signed on its last page)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[index % len(document)]
        scale = max(height_px, 1) / page.get_height()
        bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
        image: Image.Image = bitmap.to_pil().copy()
        bitmap.close()
        page.close()
        return image
    finally:
        document.close()
