"""Queue tickets as ESC/POS bytes, encoded by us rather than by python-escpos.

python-escpos switches to GB18030 only for a string that holds an ideograph, so a line of
Chinese punctuation alone reaches the printer as ``????`` (docs/hardware.md). Here every line is
encoded in the printer's configured encoding (GB18030 by default, GBK or UTF-8 for printers
that want them) and a character the encoding lacks stops the job with an error naming it.
Printers without Chinese fonts get the image mode: the ticket drawn with the bundled fonts as
a 1-bit raster (576 dots wide on 80 mm paper, 384 on 58 mm) sent with ``GS v 0``.

The transports (TCP 9100, USB, serial) are python-escpos's, in ``printing.backends``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from printing.documents import QueueTicketDoc, TestPageDoc
from printing.escpos_image import qr_image, raster_commands, render_lines_image
from printing.layout import TextStyle, break_lines
from printing.render.ticket import Paper, TicketLine, test_page_lines, ticket_lines

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"  # some printers print GB bytes only in Chinese character mode
CUT = GS + b"V" + bytes([66, 0])  # feed to the cutter, partial cut


BANNER = TextStyle(16, bold=True)


class TextEncoding(StrEnum):
    GB18030 = "gb18030"
    GBK = "gbk"
    UTF8 = "utf-8"


class EscposMode(StrEnum):
    TEXT = "text"  # the printer's own Chinese font: small and fast
    IMAGE = "image"  # the bundled fonts as a raster: for printers without Chinese fonts


class QrMode(StrEnum):
    NATIVE = "native"  # GS ( k: the printer draws it (87 bytes), not every model has it
    IMAGE = "image"  # a raster of the modules
    NONE = "none"


@dataclass(frozen=True)
class EscposOptions:
    paper: Paper = Paper.MM80
    mode: EscposMode = EscposMode.TEXT
    encoding: TextEncoding = TextEncoding.GB18030
    chinese_mode: bool = True  # send FS & before the text
    qr: QrMode = QrMode.NATIVE
    feed_lines: int = 4
    cut: bool = True

    @property
    def columns(self) -> int:
        """Characters of font A (12 dots) per line; an ideograph takes two."""
        return self.paper.dots // 12


class EscposEncodingError(ValueError):
    """A character the printer's encoding cannot carry."""

    def __init__(self, char: str, encoding: str) -> None:
        self.char = char
        self.code_point = f"U+{ord(char):04X}"
        super().__init__(
            f"the ticket printer's encoding {encoding} cannot print {char!r} ({self.code_point}); "
            "use GB18030 or the image mode"
        )


def encode(text: str, encoding: TextEncoding) -> bytes:
    try:
        return text.encode(encoding.value)
    except UnicodeEncodeError as exc:
        raise EscposEncodingError(text[exc.start], encoding.value) from None


def columns_of(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_columns(text: str, columns: int) -> list[str]:
    """Lines of at most ``columns`` (an ideograph takes two), broken by the Chinese rules:
    the printer's columns are fixed, so punctuation never hangs (``printing.layout``)."""
    return break_lines(text, columns_of, columns, hang=False)


def _magnify(size: float) -> int:
    """Character magnification for a point size (1 normal, 2 double, 3 triple)."""
    return 3 if size >= 30 else 2 if size >= 14 else 1


def _text_line(line: TicketLine, opts: EscposOptions) -> bytes:
    factor = _magnify(line.ts.size)
    out = bytearray(GS + b"!" + bytes([(factor - 1) << 4 | (factor - 1)]))
    out += ESC + b"E" + bytes([1 if line.ts.bold else 0])
    for part in wrap_columns(line.text, opts.columns // factor):
        out += encode(part, opts.encoding) + LF
    out += GS + b"!" + b"\x00" + ESC + b"E" + b"\x00"
    return bytes(out)


def native_qr(data: str, module: int = 6) -> bytes:
    """GS ( k: model 2, module size, error correction M, store the data, print it."""
    payload = data.encode("utf-8")
    store_len = len(payload) + 3

    def fn(cn: int, fn_: int, *args: int) -> bytes:
        body = bytes([cn, fn_, *args])
        return GS + b"(k" + bytes([len(body) & 0xFF, len(body) >> 8]) + body

    store = GS + b"(k" + bytes([store_len & 0xFF, store_len >> 8, 49, 80, 48]) + payload
    return fn(49, 65, 50, 0) + fn(49, 67, module) + fn(49, 69, 49) + store + fn(49, 81, 48)


def _finish(out: bytearray, opts: EscposOptions) -> bytes:
    out += ESC + b"d" + bytes([opts.feed_lines])
    if opts.cut:
        out += CUT
    return bytes(out)


def _start(opts: EscposOptions) -> bytearray:
    out = bytearray(INIT)
    if (
        opts.mode is EscposMode.TEXT
        and opts.chinese_mode
        and opts.encoding is not TextEncoding.UTF8
    ):
        out += CHINESE_ON
    out += ESC + b"a\x01"  # centred
    return out


def _lines_job(lines: list[TicketLine], qr: tuple[str, str] | None, opts: EscposOptions) -> bytes:
    out = _start(opts)
    if opts.mode is EscposMode.IMAGE:
        out += raster_commands(render_lines_image(lines, opts.paper, qr))
        return _finish(out, opts)
    for line in lines:
        out += _text_line(line, opts)
    if qr is not None and opts.qr is not QrMode.NONE:
        url, caption = qr
        out += (
            native_qr(url)
            if opts.qr is QrMode.NATIVE
            else raster_commands(qr_image(url, opts.paper.dots))
        )
        out += LF + encode(caption, opts.encoding) + LF
    return _finish(out, opts)


def ticket_escpos(doc: QueueTicketDoc, opts: EscposOptions | None = None) -> bytes:
    """The ticket as the bytes to send to the printer (well under a millisecond in text mode)."""
    opts = opts or EscposOptions()
    qr = (doc.qr_url, "扫码查看排队进度") if doc.qr_url else None
    return _lines_job(ticket_lines(doc, opts.paper), qr, opts)


def printer_test_escpos(doc: TestPageDoc, opts: EscposOptions | None = None) -> bytes:
    opts = opts or EscposOptions()
    return _lines_job(test_page_lines(doc, opts.paper), None, opts)


def copy_banner(opts: EscposOptions | None = None) -> bytes:
    """Printed before a reprinted ticket: the printer is re-initialised after it."""
    opts = opts or EscposOptions()
    line = TicketLine("【副本 COPY】", BANNER)
    if opts.mode is EscposMode.IMAGE:
        image = render_lines_image([line], opts.paper, None)
        return INIT + ESC + b"a\x01" + raster_commands(image)
    return bytes(_start(opts)) + _text_line(line, opts)


def mark_copy(payload: bytes, opts: EscposOptions | None = None) -> bytes:
    return copy_banner(opts) + payload
