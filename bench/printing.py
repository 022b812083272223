"""Printing budgets, each beside its floor in the same run (no database needed).

P1 receipt PDF: p50 <= 1.5x a bare reportlab page drawing the same text with the same fonts
   (drawString per line, fonts registered beforehand), and <= 80 ms.
P2 certificate PDF <= 120 ms.  P3 ESC/POS ticket (text mode) <= 5 ms.
P4 fonts registered once per process: later renders load no font file.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from bench.common import Row, Samples, budget_row, ratio_row
from clerk_app.demo import DEMO_BRANDING
from clerk_app.samples import SampleHall, SampleKind
from printing.documents import QueueTicketDoc
from printing.escpos import ticket_escpos
from printing.fonts import Style, fonts
from printing.render import render_pdf


def _ms(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def _timed(work: Callable[[], object], count: int) -> Samples:
    work()  # warm: fonts registered, code paths loaded
    return Samples.of([_ms(work) for _ in range(count)])


def _paired(
    work: Callable[[], object], floor: Callable[[], object], count: int
) -> tuple[Samples, Samples]:
    """Figure and floor measured alternately, so both see the same machine (2 shared cores)."""
    work()
    floor()
    pairs = [(_ms(work), _ms(floor)) for _ in range(count)]
    return Samples.of([w for w, _ in pairs]), Samples.of([f for _, f in pairs])


def bare_page(lines: list[str], title: str) -> bytes:
    """The floor: the receipt's text, line by line, in the same fonts, nothing else."""
    buffer = io.BytesIO()
    c = Canvas(
        buffer,
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        # types-reportlab types it as a number; reportlab takes a registered font's name
        initialFontName=Style.SANS,  # type: ignore[arg-type]
    )
    c.setFont(Style.SONG, 21)
    c.drawString(60, 780, title)
    y = 750.0
    c.setFont(Style.SANS, 10.5)
    for line in lines:
        c.drawString(60, y, line)
        y -= 14
    c.showPage()
    c.save()
    return buffer.getvalue()


def run(*, quick: bool = False) -> list[Row]:
    count = 10 if quick else 100
    started = time.perf_counter()
    registry = fonts()
    first_ms = (time.perf_counter() - started) * 1000
    loads = registry.loads
    with SampleHall() as hall:  # the papers as the real counter flow makes them
        receipt = hall.make(SampleKind.RECEIPT).document
        certificate = hall.make(SampleKind.CERTIFICATE).document
        ticket = hall.make(SampleKind.TICKET).document
    assert isinstance(ticket, QueueTicketDoc)
    branding = DEMO_BRANDING
    reader = PdfReader(io.BytesIO(render_pdf(receipt, branding)))
    lines = [ln for ln in (reader.pages[0].extract_text() or "").splitlines() if ln.strip()]
    figure, floor = _paired(
        lambda: render_pdf(receipt, branding), lambda: bare_page(lines[1:], lines[0]), count
    )
    cert = _timed(lambda: render_pdf(certificate, branding), count)
    escpos = _timed(lambda: ticket_escpos(ticket), count * 10)
    once = registry.loads == loads and fonts() is registry
    return [
        ratio_row("P1", "receipt PDF vs bare page", "-", figure, floor, q=0.5, factor=1.5),
        budget_row("P1", "receipt PDF", "-", figure, floor, q=0.5, limit_ms=80),
        budget_row("P2", "certificate PDF", "-", cert, None, q=0.5, limit_ms=120),
        budget_row("P3", "ESC/POS ticket (text mode)", "-", escpos, None, q=0.5, limit_ms=5),
        Row("P4", "fonts registered once", "-", None, None,
            f"{loads} loads, first {first_ms:.0f} ms; 0 after", "0 loads after the first", once),
    ]  # fmt: skip
