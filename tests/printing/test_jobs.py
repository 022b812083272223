"""The job service on both databases: archive before commit, failures recorded, retry, reprint."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk_app.audit.types import Actor
from clerk_app.db.printing_models import ArchivedDocument, PrintJobRow
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import JobState, PrintRefused, RefusalCode
from clerk_app.settings import PrintingSettings
from onewindow_base.blobs import BlobStore, sha256_of
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.backends.base import FailureReason, PayloadFormat
from printing.config import FilePrinterConfig, NetworkPrinterConfig, PrintRoutes
from printing.documents import DocumentKind, Party
from printing.pages import page_count
from tests.blob_ring import TEST_RING
from tests.printing import literals
from tests.printing.helpers import FakeTicketPrinter, parse_escpos, pdf_text

CLERK = Actor(7, "赵敏")


@pytest.fixture
def ticket_printer() -> Iterator[FakeTicketPrinter]:
    printer = FakeTicketPrinter()
    yield printer
    printer.stop()


def printing_settings(out: Path, ticket_port: int) -> PrintingSettings:
    return PrintingSettings(
        printers=(
            FilePrinterConfig(name="a4", directory=str(out)),
            NetworkPrinterConfig(
                name="ticket",
                host="127.0.0.1",
                port=ticket_port,
                timeout_s=3,
            ),
        ),
        routes=PrintRoutes((("kiosk.ticket", "ticket"), ("window.*", "a4"))),
        branding=literals.BRANDING,
    )


@pytest.fixture
def service(
    db: Database, tmp_path: Path, clock: FixedClock, ticket_printer: FakeTicketPrinter
) -> PrintService:
    return PrintService(
        db,
        printing_settings(tmp_path / "out", ticket_printer.port),
        BlobStore(tmp_path / "blobs", TEST_RING),
        clock=clock,
    )


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_receipt_is_archived_linked_and_printed(service: PrintService, tmp_path: Path) -> None:
    job = service.print_document(literals.receipt())
    assert job.state is JobState.PRINTED and job.printed
    assert (job.document_kind, job.owner_key, job.printer_name) == (
        DocumentKind.RECEIPT, literals.CASE_NUMBER, "a4",
    )  # fmt: skip
    archived = service.archived_pdf(job.id)
    assert job.archive_sha256 == sha256_of(archived)
    sha = job.archive_sha256
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    assert store.path_of(sha).is_file() and store.read_bytes(sha).startswith(b"%PDF")
    assert literals.CASE_NUMBER in pdf_text(archived)
    printed = (tmp_path / "out" / f"{job.id:06d}-receipt_{literals.CASE_NUMBER}.pdf").read_bytes()
    assert printed == archived
    with service.db.read() as session:
        row = session.scalars(select(ArchivedDocument)).one()
    assert (row.owner_key, row.document_number) == (
        literals.CASE_NUMBER,
        "长政服受字〔2026〕第00042号",
    )
    assert job.finished_ms is not None and job.created_ms <= job.finished_ms


def test_kiosk_ticket_reaches_the_ticket_printer(
    service: PrintService, ticket_printer: FakeTicketPrinter
) -> None:
    kiosk = PrintService(service.db, service.settings, service.blobs, role="kiosk")
    job = kiosk.print_ticket(literals.ticket(), ticket_id=123)
    assert job.printed and job.owner_key == "ticket-123" and job.archive_id is None
    assert job.payload_format is PayloadFormat.ESCPOS
    [received] = ticket_printer.wait_for_jobs(1)
    assert "A012" in parse_escpos(received).lines


def test_offline_printer_fails_the_job_and_retry_prints_once_it_is_back(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    reserved = FakeTicketPrinter()
    port = reserved.port
    reserved.stop()  # nothing listens: the printer is off
    kiosk = PrintService(
        db, printing_settings(tmp_path / "out", port),
        BlobStore(tmp_path / "b", TEST_RING), role="kiosk",
        clock=clock,
    )  # fmt: skip
    failed = kiosk.print_document(literals.ticket())
    assert failed.state is JobState.FAILED
    assert failed.error_code is FailureReason.OFFLINE
    assert f"127.0.0.1:{port}" in (failed.error_message or "")
    with pytest.raises(PrintRefused) as caught:
        kiosk.retry(9999)
    assert caught.value.code is RefusalCode.UNKNOWN_JOB
    back = FakeTicketPrinter(port)  # switched on again
    try:
        clock.advance(minutes=2)
        retried = kiosk.retry(failed.id)
        assert retried.printed and retried.repeats_job_id == failed.id and retried.attempt == 2
        [received] = back.wait_for_jobs(1)
        assert "A012" in parse_escpos(received).lines
    finally:
        back.stop()
    assert kiosk.job(failed.id).state is JobState.FAILED  # the history stays as it happened
    with pytest.raises(PrintRefused) as caught:
        kiosk.retry(retried.id)
    assert caught.value.code is RefusalCode.NOT_FAILED


def test_a_reprint_is_the_archived_paper_marked_copy(service: PrintService, tmp_path: Path) -> None:
    original = service.print_document(literals.deferral())
    copy = service.reprint(original.id, by=CLERK)
    assert copy.printed and copy.is_copy and copy.repeats_job_id == original.id
    assert copy.archive_sha256 == original.archive_sha256  # the same archived document
    printed = tmp_path / "out" / f"{copy.id:06d}-deferral_CC01-W03-20261128-0044_副本.pdf"
    pdf = printed.read_bytes()
    text = pdf_text(pdf)
    assert (
        page_count(pdf) == 2
        and text.count("副本") >= 2
        and "COPY" not in text
        and "容缺受理通知书" in text
    )
    assert [j.is_copy for j in service.jobs(owner="CC01-W03-20261128-0044")] == [True, False]


def test_a_reprinted_ticket_carries_the_copy_banner(
    service: PrintService, ticket_printer: FakeTicketPrinter
) -> None:
    kiosk = PrintService(service.db, service.settings, service.blobs, role="kiosk")
    first = kiosk.print_document(literals.ticket())
    kiosk.reprint(first.id, by=CLERK)
    received = ticket_printer.wait_for_jobs(2)
    assert parse_escpos(received[1]).lines[0] == "【副本 COPY】"


def test_an_unprintable_paper_is_refused_and_nothing_is_written(
    service: PrintService, db: Database, tmp_path: Path
) -> None:
    doc = dataclasses.replace(literals.receipt(), applicant=Party(name="王\U00030000"))
    with pytest.raises(PrintRefused) as caught:
        service.print_document(doc)
    assert caught.value.code is RefusalCode.UNPRINTABLE and "U+30000" in caught.value.message
    assert count(db, PrintJobRow) == 0 and count(db, ArchivedDocument) == 0
    assert not (tmp_path / "blobs").exists()


def test_no_printer_for_the_paper_is_refused(service: PrintService, db: Database) -> None:
    kiosk = PrintService(service.db, service.settings, service.blobs, role="kiosk")
    with pytest.raises(PrintRefused) as caught:
        kiosk.print_document(literals.receipt())  # routes name only kiosk.ticket for the kiosk
    assert caught.value.code is RefusalCode.NO_PRINTER and "kiosk.receipt" in caught.value.message
    with pytest.raises(PrintRefused) as caught:
        service.print_document(literals.receipt(), printer="ticket")  # an A4 paper, a roll printer
    assert caught.value.code is RefusalCode.WRONG_PRINTER
    assert count(db, PrintJobRow) == 0


def test_test_page_is_a_recorded_job(service: PrintService) -> None:
    job = service.test_page("a4")
    assert job.printed and job.document_kind is DocumentKind.TEST_PAGE and job.archive_id is None
