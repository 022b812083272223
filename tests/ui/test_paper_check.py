"""A paper the printer did not confirm: the clerk is asked to look at it, and answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import JobState
from clerk_app.settings import PrintingSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.config import NetworkPrinterConfig, PrintRoutes
from tests.blob_ring import TEST_RING
from tests.printing import literals
from tests.printing.helpers import ALL_WELL, FakeTicketPrinter
from ui.printing.paper_check import PaperCheck
from ui.tasks import TaskRunner

CLERK = Actor(None, "clerk1")


@pytest.fixture
def ticket_printer() -> Iterator[FakeTicketPrinter]:
    printer = FakeTicketPrinter(reset_after=16)
    yield printer
    printer.stop()


@pytest.fixture
def printer(
    db: Database, tmp_path: Path, clock: FixedClock, ticket_printer: FakeTicketPrinter
) -> PrintService:
    ticket = NetworkPrinterConfig(name="ticket", host="127.0.0.1", port=ticket_printer.port)
    settings = PrintingSettings(
        printers=(ticket,), routes=PrintRoutes((("*", "ticket"),)), branding=literals.BRANDING
    )
    return PrintService(
        db, settings, BlobStore(tmp_path / "blobs", TEST_RING), role="window", clock=clock
    )


@pytest.fixture
def check(qtbot: QtBot, printer: PrintService, runner: TaskRunner) -> PaperCheck:
    widget = PaperCheck(printer, runner, CLERK)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def checks(db: Database) -> list[object]:
    entries = AuditService(db).entries(0, 2**62)
    return [json.loads(e.detail)["printed"] for e in entries if e.action == "doc.print_check"]


def test_a_paper_cut_off_mid_job_is_looked_at_and_printed_again(
    qtbot: QtBot,
    check: PaperCheck,
    printer: PrintService,
    ticket_printer: FakeTicketPrinter,
    db: Database,
) -> None:
    job = printer.print_document(literals.ticket())
    assert job.unconfirmed
    check.ask(job)
    assert check.isVisible() and check.again_button.isEnabled()
    assert check.question.text() == (
        "The printer did not confirm this paper (the connection to the printer broke off "
        "during the job). Please look at the printer: did the whole paper come out?"
    )
    ticket_printer.reset_after = None  # the printer is back to normal
    with qtbot.waitSignal(check.resolved) as resolved:
        check.again_button.click()
    [again] = resolved.args
    assert again.printed and again.repeats_job_id == job.id and not again.is_copy
    assert printer.job(job.id).state is JobState.FAILED
    assert not check.isVisible() and checks(db) == [False]


def test_a_printer_reporting_an_open_cover_asks_and_the_clerk_says_it_printed(
    qtbot: QtBot,
    check: PaperCheck,
    printer: PrintService,
    ticket_printer: FakeTicketPrinter,
    db: Database,
) -> None:
    ticket_printer.reset_after = None
    ticket_printer.status = ALL_WELL | {1: 0x1A, 2: 0x16}  # offline: the cover is open
    job = printer.print_document(literals.ticket())
    check.ask(job)
    text = check.question.text()
    assert "the cover is open; the printer is offline" in text
    with qtbot.waitSignal(check.resolved) as resolved:
        check.printed_button.click()
    assert resolved.args[0].state is JobState.PRINTED and resolved.args[0].id == job.id
    assert checks(db) == [True]


def test_the_question_is_asked_in_chinese(
    chinese: None, check: PaperCheck, printer: PrintService
) -> None:
    job = printer.print_document(literals.ticket())
    check.ask(job)
    assert check.question.text() == (
        "打印机未确认这份文书已打出（打印中途与打印机的连接断开）。请查看打印机：文书是否完整打出？"
    )
    assert check.printed_button.text() == "打印完好(&F)"
