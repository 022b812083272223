"""Code 128 and QR codes drawn as vector shapes.

python-barcode builds the Code 128 pattern; zxing-cpp builds the QR matrix (0.4 ms where the
pure-Python ``qrcode`` package takes 4 ms choosing among the eight masks, a quarter of a
receipt). Bitmap barcodes blur when a PDF is scaled to the printer; rectangles in the page
stay sharp at any resolution.
"""

from __future__ import annotations

import barcode
import zxingcpp
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
    code = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    modules = memoryview(image)  # type: ignore[arg-type]  # the stubs omit its buffer protocol
    assert modules.shape is not None
    rows, cols = modules.shape
    flat = bytes(modules)
    return [[flat[r * cols + c] == 0 for c in range(cols)] for r in range(rows)]


def _runs(bits: list[bool] | str) -> list[tuple[int, int]]:
    """(start, length) of each run of dark modules."""
    runs, start = [], -1
    for i, bit in enumerate([*bits, False]):
        dark = bit is True or bit == "1"
        if dark and start < 0:
            start = i
        elif not dark and start >= 0:
            runs.append((start, i - start))
            start = -1
    return runs


def _fill_in_modules(c: Canvas, x: float, y: float, sx: float, sy: float, rects: str) -> None:
    """Fill ``rects`` (``re`` operators in whole modules) in a frame scaled to module size.

    One literal of integer rectangles instead of a path call per bar: a QR code has some 400
    of them, and building them through reportlab's path object cost more than the QR itself.
    """
    c.saveState()
    c.translate(x, y)
    c.scale(sx, sy)
    c.setFillColor(black)
    c.addLiteral(rects + " f")
    c.restoreState()


def draw_code128(
    c: Canvas, x: float, y: float, value: str, *, module: float = 0.3 * mm, height: float = 11 * mm
) -> float:
    """Bars with their lower left corner at (x, y); returns the width (quiet zones are the
    caller's: leave ``CODE128_QUIET_MODULES`` modules clear on each side)."""
    pattern = code128_modules(value)
    rects = " ".join(f"{start} 0 {length} 1 re" for start, length in _runs(pattern))
    _fill_in_modules(c, x, y, module, height, rects)
    return len(pattern) * module


def draw_qr(c: Canvas, x: float, y: float, data: str, size: float) -> None:
    """A QR code filling the square of side ``size`` with its lower left corner at (x, y).

    The quiet zone (4 modules) is the caller's to leave clear around the square.
    """
    matrix = qr_matrix(data)
    n = len(matrix)
    rects = " ".join(
        f"{start} {n - 1 - r} {length} 1 re"
        for r, row in enumerate(matrix)
        for start, length in _runs(row)
    )
    _fill_in_modules(c, x, y, size / n, size / n, rects)
