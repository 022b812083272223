"""Ticket printer bytes: our GB18030 text, feed and cut, image mode, and a fake TCP 9100 printer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob
from printing.backends.escpos_printers import EscposPrinter, network_printer
from printing.escpos import (
    EscposEncodingError,
    EscposMode,
    EscposOptions,
    QrMode,
    TextEncoding,
    mark_copy,
    ticket_escpos,
)
from printing.render.ticket import Paper
from tests.printing import literals
from tests.printing.helpers import FakeTicketPrinter, parse_escpos


@pytest.fixture
def fake_printer() -> Iterator[FakeTicketPrinter]:
    printer = FakeTicketPrinter()
    yield printer
    printer.stop()


def test_text_mode_ticket_is_gb18030_with_chinese_punctuation_feed_and_cut() -> None:
    doc = dataclasses.replace(literals.ticket(), note="，。、；：？！“”《》")  # punctuation alone
    parsed = parse_escpos(ticket_escpos(doc))
    assert parsed.inits == 1 and parsed.chinese_mode
    assert "长春市政务服务中心（演示）" in parsed.lines
    assert "企业开办" in parsed.lines and "A012" in parsed.lines
    assert "前面还有 7 人等候  7 ahead" in parsed.lines
    assert "，。、；：？！“”《》" in parsed.lines  # not ????
    assert parsed.qr == [doc.qr_url]
    assert parsed.feeds == [4] and parsed.cuts == 1


@pytest.mark.parametrize(("paper", "columns"), [(Paper.MM80, 48), (Paper.MM58, 32)])
def test_lines_fit_the_roll(paper: Paper, columns: int) -> None:
    doc = dataclasses.replace(literals.ticket(), note="请留意叫号" * 8)
    parsed = parse_escpos(ticket_escpos(doc, EscposOptions(paper=paper)))
    note_lines = [line for line in parsed.lines if line and set(line) <= set("请留意叫号")]
    assert len(note_lines) > 1
    assert "".join(note_lines) == "请留意叫号" * 8
    assert all(len(line) * 2 <= columns for line in note_lines)


def test_other_encodings_and_their_limits() -> None:
    doc = literals.ticket()
    utf8 = parse_escpos(ticket_escpos(doc, EscposOptions(encoding=TextEncoding.UTF8)), "utf-8")
    assert "企业开办" in utf8.lines and not utf8.chinese_mode
    rare = dataclasses.replace(doc, service_name_zh="𠮷林办理")
    assert "𠮷林办理" in parse_escpos(ticket_escpos(rare)).lines  # GB18030 has Extension B
    with pytest.raises(EscposEncodingError, match="U\\+20BB7"):
        ticket_escpos(rare, EscposOptions(encoding=TextEncoding.GBK))


@pytest.mark.parametrize(("paper", "dots"), [(Paper.MM80, 576), (Paper.MM58, 384)])
def test_image_mode_is_a_raster_of_the_roll_width(paper: Paper, dots: int) -> None:
    parsed = parse_escpos(
        ticket_escpos(literals.ticket(), EscposOptions(paper=paper, mode=EscposMode.IMAGE))
    )
    assert parsed.rasters and {w for w, _ in parsed.rasters} == {dots}
    assert sum(rows for _, rows in parsed.rasters) > 300
    assert parsed.lines == [] and parsed.cuts == 1  # no text for a printer without fonts


def test_qr_as_image_or_none() -> None:
    doc = literals.ticket()
    as_image = parse_escpos(ticket_escpos(doc, EscposOptions(qr=QrMode.IMAGE)))
    assert as_image.qr == [] and as_image.rasters  # bands of at most 256 rows
    assert all(rows <= 256 for _, rows in as_image.rasters)
    assert parse_escpos(ticket_escpos(doc, EscposOptions(qr=QrMode.NONE))).rasters == []


def test_a_reprinted_ticket_starts_with_a_copy_banner() -> None:
    parsed = parse_escpos(mark_copy(ticket_escpos(literals.ticket())))
    assert parsed.lines[0] == "【副本 COPY】" and parsed.inits == 2


def test_fake_tcp_printer_receives_the_ticket(fake_printer: FakeTicketPrinter) -> None:
    payload = ticket_escpos(literals.ticket())
    printer = network_printer("kiosk", "127.0.0.1", fake_printer.port, timeout_s=5)
    printer.send(PrintJob("ticket A012", payload, PayloadFormat.ESCPOS))
    [received] = fake_printer.wait_for_jobs(1)
    assert received == payload
    parsed = parse_escpos(received)
    assert "A012" in parsed.lines and parsed.cuts == 1


def test_offline_printer_is_a_clear_failure(fake_printer: FakeTicketPrinter) -> None:
    port = fake_printer.port
    fake_printer.stop()
    printer = network_printer("kiosk", "127.0.0.1", port, timeout_s=2)
    with pytest.raises(PrintError) as caught:
        printer.send(PrintJob("t", b"\x1b@", PayloadFormat.ESCPOS))
    assert caught.value.reason is FailureReason.OFFLINE
    assert f"127.0.0.1:{port}" in caught.value.message and "offline" in caught.value.message


class BreaksMidJob:
    """A transport that accepts the connection and breaks while the bytes go out."""

    def __init__(self) -> None:
        self.closed = False

    def open(self) -> None:
        pass

    def _raw(self, data: bytes) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def close(self) -> None:
        self.closed = True


def test_connection_lost_mid_job_is_reported_as_interrupted() -> None:
    device = BreaksMidJob()
    printer = EscposPrinter("kiosk", "test", lambda: device, lambda _device, _wait: b"")
    with pytest.raises(PrintError) as caught:
        printer.send(PrintJob("t", b"\x1b@", PayloadFormat.ESCPOS))
    assert caught.value.reason is FailureReason.INTERRUPTED
    assert caught.value.reason.paper_uncertain  # bytes may have gone out: look at the paper
    assert "mid-job" in caught.value.message and device.closed


def test_a_pdf_sent_to_a_ticket_printer_is_refused(fake_printer: FakeTicketPrinter) -> None:
    printer = network_printer("kiosk", "127.0.0.1", fake_printer.port)
    with pytest.raises(PrintError) as caught:
        printer.send(PrintJob("t", b"%PDF-1.4", PayloadFormat.PDF))
    assert caught.value.reason is FailureReason.WRONG_FORMAT
