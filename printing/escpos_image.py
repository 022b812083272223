"""The ESC/POS image mode: a ticket drawn with the bundled fonts as a 1-bit raster.

For printers without a Chinese font (or with a font lacking a rare character). The same
fallback chain as the PDFs picks each character's font, so what prints is what the PDF shows.
"""

from __future__ import annotations

import functools

from PIL import Image, ImageDraw, ImageFont

from printing.codes import qr_matrix
from printing.fonts import FONT_FILES, fonts
from printing.layout import TextStyle, break_lines
from printing.render.ticket import Paper, TicketLine

DOTS_PER_PT = 203 / 72  # thermal heads print 203 dpi
BAND_ROWS = 256  # rows per GS v 0 command: small enough for every printer's buffer


@functools.lru_cache(maxsize=64)
def pil_font(name: str, pixels: int) -> ImageFont.FreeTypeFont:
    spec = FONT_FILES[name]
    return ImageFont.truetype(str(fonts().path(name)), pixels, index=spec.subfont)


def _draw_centered(draw: ImageDraw.ImageDraw, y: int, width: int, line: TicketLine) -> int:
    """Draw one wrapped line centred at row ``y``; returns the rows it took."""
    px = max(8, round(line.ts.size * DOTS_PER_PT))
    runs = fonts().runs(line.text, line.ts.style)
    pieces = [(pil_font(name, px), text) for name, text in runs]
    total = sum(font.getlength(text) for font, text in pieces)
    x = (width - total) / 2
    stroke = 1 if line.ts.bold else 0
    for font, text in pieces:
        draw.text((x, y), text, font=font, fill=0, stroke_width=stroke, stroke_fill=0)
        x += font.getlength(text)
    return round(line.ts.line_height * DOTS_PER_PT)


def _wrap_pixels(line: TicketLine, width: int) -> list[TicketLine]:
    """Split a line so each part fits ``width`` dots, by the Chinese line-breaking rules."""
    px = max(8, round(line.ts.size * DOTS_PER_PT))

    def measure(text: str) -> float:
        runs = fonts().runs(text, line.ts.style)
        return sum(pil_font(n, px).getlength(t) for n, t in runs)

    return [TicketLine(p, line.ts) for p in break_lines(line.text, measure, width, hang=False)]


def qr_image(data: str, dots: int) -> Image.Image:
    """The QR code centred on a strip ``dots`` wide, 4-module quiet zone included."""
    matrix = qr_matrix(data)
    n = len(matrix) + 8
    scale = max(1, min(8, (dots // 2) // n))
    side = n * scale
    image = Image.new("1", (dots, side), 1)
    draw = ImageDraw.Draw(image)
    left = (dots - side) // 2
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                x, y = left + (c + 4) * scale, (r + 4) * scale
                draw.rectangle((x, y, x + scale - 1, y + scale - 1), fill=0)
    return image


def render_lines_image(
    lines: list[TicketLine], paper: Paper, qr: tuple[str, str] | None
) -> Image.Image:
    width = paper.dots
    wrapped = [part for line in lines for part in _wrap_pixels(line, width - 8)]
    height = sum(round(p.ts.line_height * DOTS_PER_PT) for p in wrapped) + 16
    qr_img = qr_image(qr[0], width) if qr else None
    caption = TicketLine(qr[1], TextStyle(9)) if qr else None
    if qr_img is not None and caption is not None:
        height += qr_img.height + round(caption.ts.line_height * DOTS_PER_PT)
    image = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(image)
    y = 8
    for part in wrapped:
        y += _draw_centered(draw, y, width, part)
    if qr_img is not None and caption is not None:
        image.paste(qr_img, (0, y))
        y += qr_img.height
        _draw_centered(draw, y, width, caption)
    return image


def raster_commands(image: Image.Image) -> bytes:
    """``GS v 0`` commands printing a 1-bit image (black = 0) in bands of 256 rows."""
    bw = image.convert("1")
    width_bytes = (bw.width + 7) // 8
    packed = bytes(b ^ 0xFF for b in bw.tobytes())  # PIL: 1 = white; ESC/POS: 1 = dot
    out = bytearray()
    for top in range(0, bw.height, BAND_ROWS):
        rows = min(BAND_ROWS, bw.height - top)
        out += b"\x1dv0\x00" + bytes([width_bytes & 0xFF, width_bytes >> 8, rows & 0xFF, rows >> 8])
        out += packed[top * width_bytes : (top + rows) * width_bytes]
    return bytes(out)
