"""What every official A4 paper shares: the red agency header, the footer with page numbers,
the title and document number, the case number's Code 128 and status QR, the seal area and the
signature lines."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printing.codes import draw_code128, draw_qr
from printing.documents import HallBranding, PaperSignature
from printing.fonts import Style, fonts
from printing.layout import (
    CENTER,
    LEFT,
    RIGHT,
    Cell,
    DocCanvas,
    Flow,
    TextStyle,
    draw_line,
    text_width,
)

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
FIRST_TOP = PAGE_H - 36 * mm  # below the red header
NEXT_TOP = PAGE_H - 22 * mm
BOTTOM = 20 * mm
RED = Color(0.78, 0.05, 0.05)
GREY = Color(0.35, 0.35, 0.35)

BODY = TextStyle(10.5)
SMALL = TextStyle(8.5, color=GREY)
TABLE = TextStyle(9.5, leading=13)
HEADING = TextStyle(11.5, bold=True)
TITLE = TextStyle(21, Style.SONG, bold=True)
AGENCY = TextStyle(17, Style.SONG, color=RED)


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cn_datetime(moment: dt.datetime) -> str:
    return f"{cn_date(moment.date())} {moment:%H:%M}"


class Page:
    """One A4 document being drawn: its canvas, its flow and its branding."""

    def __init__(
        self,
        branding: HallBranding,
        *,
        title: str,
        subject: str,
        red_header: bool = True,
        footer: bool = True,
        page_size: tuple[float, float] = A4,
    ) -> None:
        fonts()  # registered before the canvas needs them
        self.branding = branding
        self.red_header = red_header
        self.footer = footer
        self._header_pages = {1} if red_header else set()
        self._copies: list[tuple[int, str]] = []  # (first page, mark) of each copy (联)
        self.buffer = io.BytesIO()
        self.canvas = DocCanvas(
            self.buffer,
            self._decorate,
            pagesize=page_size,
            invariant=1,
            pageCompression=1,
            initialFontName=Style.SANS,  # no stray non-embedded Helvetica
        )
        self.canvas.setTitle(title)
        self.canvas.setSubject(subject)
        self.canvas.setAuthor(branding.agency_name)
        self.canvas.setCreator("OneWindow")
        top = FIRST_TOP if red_header else NEXT_TOP
        self.flow = Flow(self.canvas, MARGIN, page_size[0] - MARGIN, top, BOTTOM, _next_page)

    def new_copy(self, mark: str) -> None:
        """Start a copy (联) of the same document, marked ``mark`` ("第一联（申请人联）"): the
        first is on the page already begun, a further one on a new page with the full red
        header. Pages are numbered within their copy, so copies are not read as one paper."""
        if self._copies:
            self.flow.new_page()
            if self.red_header:
                self._header_pages.add(self.flow.pages)
                self.flow.y = FIRST_TOP
        self._copies.append((self.flow.pages, mark))

    def finish(self) -> bytes:
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()

    def _decorate(self, c: Canvas, number: int, count: int) -> None:
        b = self.branding
        c.setFillColor(black)  # whatever the page's content left set
        if number in self._header_pages:
            x = MARGIN
            if b.logo_png:
                c.drawImage(
                    ImageReader(io.BytesIO(b.logo_png)),
                    x,
                    PAGE_H - 27 * mm,
                    14 * mm,
                    14 * mm,
                    preserveAspectRatio=True,
                    mask="auto",
                )
            draw_line(c, PAGE_W / 2, PAGE_H - 22 * mm, b.agency_name, AGENCY, CENTER)
            c.setStrokeColor(RED)
            c.setLineWidth(1.6)
            c.line(MARGIN, PAGE_H - 29 * mm, PAGE_W - MARGIN, PAGE_H - 29 * mm)
            c.setLineWidth(0.5)
            c.line(MARGIN, PAGE_H - 30.2 * mm, PAGE_W - MARGIN, PAGE_H - 30.2 * mm)
        elif number > 1:
            draw_line(c, MARGIN, PAGE_H - 14 * mm, b.agency_name, SMALL, LEFT)
            c.setStrokeColor(GREY)
            c.setLineWidth(0.4)
            c.line(MARGIN, PAGE_H - 16 * mm, PAGE_W - MARGIN, PAGE_H - 16 * mm)
        if self.footer:
            c.setStrokeColor(GREY)
            c.setLineWidth(0.4)
            c.line(MARGIN, 15 * mm, PAGE_W - MARGIN, 15 * mm)
            draw_line(c, MARGIN, 10.5 * mm, b.footer, SMALL, LEFT)
            page_of = self._page_of(number, count)
            draw_line(c, PAGE_W - MARGIN, 10.5 * mm, page_of, SMALL, RIGHT)
        c.setStrokeColor(black)
        c.setFillColor(black)

    def _page_of(self, number: int, count: int) -> str:
        starts = [first for first, _ in self._copies]
        index = sum(1 for first in starts if first <= number) - 1
        if index < 0:
            return f"第 {number} 页 / 共 {count} 页"
        first, mark = self._copies[index]
        last = starts[index + 1] - 1 if index + 1 < len(starts) else count
        return f"{mark}　第 {number - first + 1} 页 / 共 {last - first + 1} 页"


def _next_page(flow: Flow) -> None:
    flow.y = NEXT_TOP


def title_block(flow: Flow, title: str, number: str | None = None) -> None:
    flow.paragraph(title, TITLE, align=CENTER)
    if number:
        flow.gap(1 * mm)
        flow.paragraph(number, TextStyle(11), align=CENTER)
    flow.gap(3 * mm)


def codes_block(flow: Flow, case_number: str, url: str, caption: str = "扫码查询办件进度") -> None:
    """Case number in Code 128 (left, with the number under it) and the status QR (right)."""
    c = flow.canvas
    qr = 22 * mm
    flow.need(qr + 4 * mm)
    top = flow.y
    draw_line(c, flow.left, top - 4 * mm, "办件编号", SMALL)
    draw_code128(c, flow.left + 3 * mm, top - 17 * mm, case_number, height=11 * mm)
    draw_line(c, flow.left + 3 * mm, top - 21.5 * mm, case_number, TextStyle(10))
    draw_qr(c, flow.right - qr - 2 * mm, top - qr - 1 * mm, url, qr)
    draw_line(c, flow.right - qr / 2 - 2 * mm, top - qr - 5 * mm, caption, SMALL, CENTER)
    flow.y = top - qr - 6.5 * mm


def heading(flow: Flow, text: str) -> None:
    """A section heading, kept on the page of the first rows below it."""
    flow.need(HEADING.line_height + 3 * mm + 3 * TABLE.line_height)
    flow.gap(2 * mm)
    flow.paragraph(text, HEADING)
    flow.gap(1 * mm)


SEAL_HEIGHT = 40 * mm
# What the last lines before a seal block keep on their page: the block and the gaps above it.
KEEP_WITH_SEAL = SEAL_HEIGHT + 6 * mm


def seal_block(
    flow: Flow,
    agency: str,
    day: dt.date,
    label: str,
    signers: tuple[str, ...] = (),
    signature: PaperSignature | None = None,
) -> None:
    """Agency name and date on the right under a dashed circle where the seal goes; on the
    left a signature line for each of ``signers`` ("申请人", or "申请人/签收"). The first
    signer's line carries ``signature`` where they signed on the pad: the ink on the line and
    the day it was signed beside it, instead of the blank date to fill in by hand. The content
    drawn just before passes ``keep_with_next=KEEP_WITH_SEAL``, so the block never stands
    alone on a page."""
    c = flow.canvas
    flow.need(SEAL_HEIGHT)
    cx = flow.right - 30 * mm
    cy = flow.y - 19 * mm
    c.setStrokeColor(RED)
    c.setLineWidth(0.6)
    c.setDash(2, 2)
    c.circle(cx, cy, 18 * mm, stroke=1, fill=0)
    c.setDash()
    size = min(9.0, 9.0 * 32 * mm / max(text_width(label, TextStyle(9)), 1.0))  # in the circle
    draw_line(c, cx, cy + 3 * mm, label, TextStyle(size, color=RED), CENTER)
    draw_line(c, cx, cy - 8 * mm, agency, BODY, CENTER)
    draw_line(c, cx, cy - 14 * mm, cn_date(day), BODY, CENTER)
    c.setStrokeColor(black)
    y = flow.y - 12 * mm
    for n, signer in enumerate(signers):
        who, _, action = signer.partition("/")
        words = f"{who}（{action or '签字'}）："
        draw_line(c, flow.left, y, words, BODY)
        width = text_width(words, BODY)  # draw_line measures no left-aligned text
        c.setLineWidth(0.5)
        c.line(flow.left + width, y - 1.5, flow.left + width + SIGN_LINE, y - 1.5)
        signed = signature if n == 0 else None
        if signed is None:
            draw_line(c, flow.left, y - 8 * mm, "日期：　　　　年　　月　　日", BODY)
        else:
            draw_signature(c, signed.png, flow.left + width, y - 1.5)
            draw_line(c, flow.left, y - 8 * mm, f"日期：{cn_date(signed.signed_on)}", BODY)
        y -= 18 * mm
    flow.y = min(cy - 20 * mm, y + 4 * mm)


SIGN_LINE = 40 * mm  # the line a signer signs on
SIGN_BOX_HEIGHT = 11 * mm  # how high the ink may rise above it (not into the text above)
SIGN_DROP = 2 * mm  # how far a signature's descenders may reach below it


def draw_signature(c: Canvas, png: bytes, x: float, line_y: float) -> None:
    """A pad signature on the line that starts at (``x``, ``line_y``): scaled to fit the line's
    box (aspect kept), centred on it, its transparent background letting the line through."""
    image = ImageReader(io.BytesIO(png))
    width, height = image.getSize()
    box_h = SIGN_BOX_HEIGHT + SIGN_DROP
    scale = min(SIGN_LINE / max(width, 1), box_h / max(height, 1))
    w, h = width * scale, height * scale
    c.drawImage(
        image,
        x + (SIGN_LINE - w) / 2,
        line_y - SIGN_DROP + (box_h - h) / 2,
        w,
        h,
        mask="auto",
    )


def fields(
    flow: Flow, pairs: list[tuple[str, str]], *, columns: int = 2, keep_with_next: float = 0.0
) -> None:
    """Labelled values in a ruled grid, ``columns`` pairs a row; a pair whose label ends in
    ``*`` takes a whole row."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    for label, value in pairs:
        wide = label.endswith("*")
        if wide and row:
            rows.append(_widen_last(row, columns))
            row = []
        row += [
            Cell(label.rstrip("*"), head=True),
            Cell(value, span=2 * columns - 1 if wide else 1),
        ]
        if wide or len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(_widen_last(row, columns))
    flow.table(rows, [0.9, 2.3] * columns, TABLE, keep_with_next=keep_with_next)


def _widen_last(row: list[Cell], columns: int) -> list[Cell]:
    last = row[-1]
    return [*row[:-1], Cell(last.text, span=last.span + 2 * columns - len(row))]
