"""Code 128 and QR codes drawn as vector shapes (python-barcode and qrcode build the patterns).

Bitmap barcodes blur when a PDF is scaled to the printer; rectangles in the page stay sharp at
any resolution and cost about a millisecond.
"""

from __future__ import annotations

import barcode
import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

CODE128_QUIET_MODULES = 10


class BarcodeError(ValueError):
    """A value that cannot be put in the requested code."""


def code128_modules(value: str) -> str:
    """The bar pattern, ``1`` a dark module, ``0`` a light one (no quiet zones)."""
    if not value or not value.isascii() or not value.isprintable():
        raise BarcodeError(f"Code 128 takes printable ASCII only, not {value!r}")
    return str(barcode.get("code128", value).build()[0])


def qr_matrix(data: str) -> list[list[bool]]:
    """The QR modules of ``data`` (UTF-8, error correction M), without the quiet zone."""
    if not data:
        raise BarcodeError("a QR code needs some data")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


def code128_width(value: str, module: float = 0.3 * mm) -> float:
    return len(code128_modules(value)) * module


def draw_code128(
    c: Canvas, x: float, y: float, value: str, *, module: float = 0.3 * mm, height: float = 11 * mm
) -> float:
    """Bars with their lower left corner at (x, y); returns the width (quiet zones are the
    caller's: leave ``CODE128_QUIET_MODULES`` modules clear on each side)."""
    pattern = code128_modules(value)
    path = c.beginPath()
    start = -1
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start < 0:
            start = i
        elif bit == "0" and start >= 0:
            path.rect(x + start * module, y, (i - start) * module, height)
            start = -1
    c.setFillColor(black)
    c.drawPath(path, stroke=0, fill=1)
    return len(pattern) * module


def draw_qr(c: Canvas, x: float, y: float, data: str, size: float) -> None:
    """A QR code filling the square of side ``size`` with its lower left corner at (x, y).

    The quiet zone (4 modules) is the caller's to leave clear around the square.
    """
    matrix = qr_matrix(data)
    n = len(matrix)
    module = size / n
    path = c.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * module
        start = -1
        for col, dark in enumerate([*row, False]):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                path.rect(x + start * module, top, (col - start) * module, module)
                start = -1
    c.setFillColor(black)
    c.drawPath(path, stroke=0, fill=1)
