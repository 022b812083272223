"""The queue ticket as a PDF on 80 mm or 58 mm roll paper (for system-driver ticket printers,
previews and the archive); ``printing.escpos`` makes the same ticket as printer bytes."""

from __future__ import annotations

import io
from dataclasses import dataclass
from enum import IntEnum

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.codes import draw_qr
from printing.documents import QueueTicketDoc, TestPageDoc
from printing.fonts import Style, fonts
from printing.layout import CENTER, TextStyle, draw_line, wrap


class Paper(IntEnum):
    """Roll width in millimetres; the printable width and dots follow."""

    MM80 = 80
    MM58 = 58

    @property
    def printable_mm(self) -> float:
        return 72.0 if self is Paper.MM80 else 48.0

    @property
    def dots(self) -> int:
        """Raster width at 203 dpi, the width ESC/POS image mode draws."""
        return 576 if self is Paper.MM80 else 384


@dataclass(frozen=True)
class TicketLine:
    text: str
    ts: TextStyle
    space_after: float = 0.0


def ticket_lines(doc: QueueTicketDoc, paper: Paper) -> list[TicketLine]:
    """The ticket's lines in order, sized for the roll (shared with the image mode)."""
    small = paper is Paper.MM58
    k = 0.8 if small else 1.0
    lines = [
        TicketLine(doc.hall_name, TextStyle(12 * k, bold=True), 2),
        TicketLine(doc.service_name_zh, TextStyle(15 * k, bold=True)),
        TicketLine(doc.service_name_en, TextStyle(9 * k), 1),
        TicketLine(doc.number, TextStyle(44 * k, bold=True, leading=52 * k), 1),
        TicketLine(f"前面还有 {doc.ahead} 人等候  {doc.ahead} ahead", TextStyle(10.5 * k)),
        TicketLine(
            f"预计等候约 {doc.eta_minutes} 分钟  about {doc.eta_minutes} min", TextStyle(10.5 * k)
        ),
        TicketLine(f"取号时间 {doc.issued_at:%Y-%m-%d %H:%M}", TextStyle(9.5 * k), 1),
    ]
    if doc.location:
        lines.append(TicketLine(f"办理地点：{doc.location}", TextStyle(9.5 * k)))
    if doc.note:
        lines.append(TicketLine(doc.note, TextStyle(8.5 * k)))
    return lines


def test_page_lines(doc: TestPageDoc, paper: Paper) -> list[TicketLine]:
    k = 0.8 if paper is Paper.MM58 else 1.0
    return [
        TicketLine("打印测试页 Test page", TextStyle(14 * k, bold=True), 2),
        TicketLine(f"打印机 Printer: {doc.printer_name}", TextStyle(10 * k)),
        TicketLine(f"时间 {doc.printed_at:%Y-%m-%d %H:%M:%S}", TextStyle(10 * k)),
        TicketLine("中文标点：，。、；：？！“”《》（）", TextStyle(10 * k)),
        TicketLine(f"生僻字 Rare characters: {doc.sample_name}", TextStyle(10 * k)),
        TicketLine("0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ", TextStyle(10 * k)),
    ]


def _render_roll(
    lines: list[TicketLine], paper: Paper, title: str, qr: tuple[str, str] | None
) -> bytes:
    fonts()
    width = paper * mm
    text_w = paper.printable_mm * mm
    wrapped = [(line, wrap(line.text, line.ts, text_w)) for line in lines]
    qr_size = (30 if paper is Paper.MM80 else 24) * mm
    height = 8 * mm + sum(len(w) * ln.ts.line_height + ln.space_after * mm for ln, w in wrapped)
    if qr is not None:
        height += qr_size + 10 * mm
    buffer = io.BytesIO()
    c = Canvas(
        buffer,
        pagesize=(width, height),
        invariant=1,
        pageCompression=1,
        initialFontName=Style.SANS,  # type: ignore[arg-type]  # the stubs say float
    )
    c.setTitle(title)
    y = height - 4 * mm
    for line, texts in wrapped:
        for text in texts:
            y -= line.ts.line_height
            draw_line(c, width / 2, y + line.ts.line_height * 0.25, text, line.ts, CENTER)
        y -= line.space_after * mm
    if qr is not None:
        url, caption = qr
        y -= qr_size + 2 * mm
        draw_qr(c, (width - qr_size) / 2, y, url, qr_size)
        draw_line(c, width / 2, y - 5 * mm, caption, TextStyle(8.5, Style.SANS), CENTER)
    c.showPage()
    c.save()
    return buffer.getvalue()


def render_ticket_pdf(doc: QueueTicketDoc, paper: Paper = Paper.MM80) -> bytes:
    qr = (doc.qr_url, "扫码查看排队进度") if doc.qr_url else None
    return _render_roll(ticket_lines(doc, paper), paper, f"排队号 {doc.number}", qr)
