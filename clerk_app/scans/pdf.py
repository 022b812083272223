"""PDF pages as pictures: scanners and document cameras save multi-page PDFs, and applicants
bring electronic documents as PDF.

Each page is rendered with PDFium (pypdfium2) at ``IntakeLimits.pdf_render_dpi`` and stored as a
picture like any scan, so the PDF itself (scripts, attachments, forms) is never kept. Before
anything is rendered, the page's own size and every embedded image's pixel count are checked
against the pixel limit: a small file declaring a huge page or image is refused undecoded. A
page whose pictures are scans is judged by their resolution; a page of text and vector
drawings has none to judge and is rendered sharp at the render resolution.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PIL import Image

from clerk_app.scans.types import IntakeLimits, RejectCode

if TYPE_CHECKING:  # PDFium loads with the first PDF scan, not with the app
    import pypdfium2 as pdfium

POINTS_PER_INCH = 72
# PDFium is not thread-safe; our calls into it take turns.
_PDFIUM = threading.Lock()


class PdfRefusedError(Exception):
    """A refusal of the whole PDF, with what was found."""

    def __init__(
        self,
        code: RejectCode,
        *,
        found: int | None = None,
        limit: int | None = None,
        size: tuple[int, int] | None = None,
        page: int | None = None,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.found = found
        self.limit = limit
        self.size = size
        self.page = page


def render_pages(data: bytes, limits: IntakeLimits) -> list[tuple[int, Image.Image, int]]:
    """(page number, picture, dpi) for every page, or :class:`PdfRefusedError`."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - see the TYPE_CHECKING import
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            code = (
                RejectCode.ENCRYPTED
                if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD
                else RejectCode.CORRUPT
            )
            raise PdfRefusedError(code) from None
        try:
            return list(_pages(document, limits))
        finally:
            document.close()


def _pages(
    document: pdfium.PdfDocument, limits: IntakeLimits
) -> Iterator[tuple[int, Image.Image, int]]:
    import pypdfium2 as pdfium  # noqa: PLC0415 - loaded by render_pages already

    count = len(document)
    if count == 0:
        raise PdfRefusedError(RejectCode.CORRUPT)
    if count > limits.max_pages:
        raise PdfRefusedError(RejectCode.TOO_MANY_PAGES, found=count, limit=limits.max_pages)
    scale = limits.pdf_render_dpi / POINTS_PER_INCH
    for index in range(count):
        number = index + 1
        try:
            page = document[index]
        except pdfium.PdfiumError:
            raise PdfRefusedError(RejectCode.CORRUPT, page=number) from None
        try:
            width_pt, height_pt = page.get_size()
            size = (round(width_pt * scale), round(height_pt * scale))
            if size[0] <= 0 or size[1] <= 0 or size[0] * size[1] > limits.max_pixels:
                raise PdfRefusedError(
                    RejectCode.TOO_MANY_PIXELS,
                    found=size[0] * size[1],
                    limit=limits.max_pixels,
                    size=size,
                    page=number,
                )
            scan_dpi = _embedded_scan_dpi(page, limits, number)
            if scan_dpi is not None and scan_dpi < limits.min_dpi:
                raise PdfRefusedError(
                    RejectCode.LOW_RESOLUTION, found=scan_dpi, limit=limits.min_dpi, page=number
                )
            try:
                picture = page.render(scale=scale, may_draw_forms=False).to_pil()
            except pdfium.PdfiumError:
                raise PdfRefusedError(RejectCode.CORRUPT, page=number) from None
            yield number, picture.convert("RGB"), limits.pdf_render_dpi
        finally:
            page.close()


def _embedded_scan_dpi(page: pdfium.PdfPage, limits: IntakeLimits, number: int) -> int | None:
    """The lowest resolution of the pictures covering most of the page, if it has any.

    Small pictures (a logo, a seal, a QR code) do not make a page a scan; a picture covering
    at least half the page does, and its resolution as placed on the page is what the clerk's
    readers will see.
    """
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415 - loaded by render_pages already

    page_w, page_h = page.get_size()
    lowest: int | None = None
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        px_w, px_h = image.get_px_size()
        if px_w * px_h > limits.max_pixels:
            raise PdfRefusedError(
                RejectCode.TOO_MANY_PIXELS,
                found=px_w * px_h,
                limit=limits.max_pixels,
                size=(px_w, px_h),
                page=number,
            )
        left, bottom, right, top = image.get_bounds()
        placed_w, placed_h = abs(right - left), abs(top - bottom)
        if placed_w * placed_h < 0.5 * page_w * page_h or placed_w <= 0 or placed_h <= 0:
            continue
        dpi = round(min(px_w / (placed_w / POINTS_PER_INCH), px_h / (placed_h / POINTS_PER_INCH)))
        lowest = dpi if lowest is None else min(lowest, dpi)
    return lowest
