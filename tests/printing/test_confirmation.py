"""A job is printed only when the printer confirms it: a connection reset mid-job, a ticket
printer's status answer (DLE EOT) naming a problem or no answer at all leave it unconfirmed
until someone looks at the paper; every reprint of every kind of paper is audited."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.db.migrate import _config
from clerk_app.db.printing_models import PRINT_JOB_STATES, PrintJobRow
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import JobState, PrintRefused, RefusalCode
from clerk_app.settings import PrintingSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.backends.base import FailureReason
from printing.config import FilePrinterConfig, NetworkPrinterConfig, PrintRoutes
from printing.documents import DocumentKind
from printing.escpos_status import PrinterCondition
from tests.blob_ring import TEST_RING
from tests.printing import literals
from tests.printing.helpers import ALL_WELL, FakeTicketPrinter, parse_escpos

CLERK = Actor(7, "赵敏")


@pytest.fixture
def ticket_printer() -> Iterator[FakeTicketPrinter]:
    printer = FakeTicketPrinter()
    yield printer
    printer.stop()


def service_for(
    db: Database,
    tmp_path: Path,
    clock: FixedClock,
    port: int,
    *,
    status: bool = True,
    status_timeout_s: float = 3.0,
) -> PrintService:
    """A counter PC with an A4 file printer and a network ticket printer (tickets, test pages)."""
    settings = PrintingSettings(
        printers=(
            FilePrinterConfig(name="a4", directory=str(tmp_path / "out")),
            NetworkPrinterConfig(
                name="ticket",
                host="127.0.0.1",
                port=port,
                timeout_s=3,
                status=status,
                status_timeout_s=status_timeout_s,
            ),
        ),
        routes=PrintRoutes(
            (("window.ticket", "ticket"), ("window.test-page", "ticket"), ("window.*", "a4"))
        ),
        branding=literals.BRANDING,
    )
    return PrintService(
        db, settings, BlobStore(tmp_path / "blobs", TEST_RING), role="window", clock=clock
    )


@pytest.fixture
def service(
    db: Database, tmp_path: Path, clock: FixedClock, ticket_printer: FakeTicketPrinter
) -> PrintService:
    return service_for(db, tmp_path, clock, ticket_printer.port)


def test_job_states_in_the_database_are_the_enums() -> None:
    assert tuple(s.value for s in JobState) == PRINT_JOB_STATES


def test_a_printer_that_resets_after_16_bytes_leaves_the_job_unconfirmed(
    service: PrintService, ticket_printer: FakeTicketPrinter, db: Database
) -> None:
    ticket_printer.reset_after = 16
    job = service.print_document(literals.ticket())
    [received] = ticket_printer.wait_for_jobs(1)
    assert len(received) == 16
    assert job.state is JobState.UNCONFIRMED and not job.printed
    assert job.error_code is FailureReason.INTERRUPTED
    assert f"127.0.0.1:{ticket_printer.port}" in (job.error_message or "")
    with db.read() as session:
        assert session.scalars(select(PrintJobRow.state)).one() == "unconfirmed"


def test_the_status_is_asked_after_the_job_and_recorded(
    service: PrintService, ticket_printer: FakeTicketPrinter
) -> None:
    job = service.print_document(literals.ticket())
    assert job.printed and job.printer_status == "ok" and job.conditions == frozenset()
    [received] = ticket_printer.wait_for_jobs(1)
    assert ticket_printer.queries == [1, 2, 3, 4]
    assert "A012" in parse_escpos(received).lines  # the queries are not part of the paper


def answers(**changes: int) -> Mapping[int, int]:
    """ALL_WELL with some answers changed: ``n4=0x7E`` is DLE EOT 4's answer."""
    return ALL_WELL | {int(key[1:]): value for key, value in changes.items()}


@pytest.mark.parametrize(
    ("status", "conditions"),
    [
        (answers(n4=0x72, n2=0x32), {PrinterCondition.PAPER_OUT}),
        (answers(n4=0x7E, n2=0x32), {PrinterCondition.PAPER_OUT, PrinterCondition.PAPER_NEAR_END}),
        (answers(n1=0x1A, n2=0x16), {PrinterCondition.OFFLINE, PrinterCondition.COVER_OPEN}),
        (answers(n1=0x1A), {PrinterCondition.OFFLINE}),
        (answers(n2=0x52, n3=0x1A), {PrinterCondition.ERROR, PrinterCondition.CUTTER_ERROR}),
        (answers(n3=0x32), {PrinterCondition.UNRECOVERABLE_ERROR}),
        (answers(n3=0x52), {PrinterCondition.OVERHEATED}),
    ],
    ids=["paper-out", "paper-out-near-end", "cover-open", "offline", "cutter", "fatal", "hot"],
)
def test_a_printer_reporting_a_problem_leaves_the_job_unconfirmed_with_its_status(
    service: PrintService,
    ticket_printer: FakeTicketPrinter,
    status: Mapping[int, int],
    conditions: set[PrinterCondition],
) -> None:
    ticket_printer.status = status
    job = service.print_document(literals.ticket())
    assert job.state is JobState.UNCONFIRMED
    assert job.error_code is FailureReason.PRINTER_PROBLEM
    assert job.conditions == conditions
    assert job.printer_status == ",".join(sorted(c.value for c in conditions))
    for condition in conditions - {PrinterCondition.PAPER_NEAR_END}:
        assert condition.value in (job.error_message or "")


def test_paper_near_end_is_a_warning_on_a_printed_job(
    service: PrintService, ticket_printer: FakeTicketPrinter
) -> None:
    ticket_printer.status = answers(n4=0x1E)
    job = service.print_document(literals.ticket())
    assert job.printed and job.conditions == {PrinterCondition.PAPER_NEAR_END}
    assert service.job(job.id).printer_status == "paper_near_end"


def test_a_printer_that_does_not_answer_in_time_is_unconfirmed_not_failed(
    db: Database, tmp_path: Path, clock: FixedClock, ticket_printer: FakeTicketPrinter
) -> None:
    ticket_printer.status = None  # takes the bytes, never answers DLE EOT
    quick = service_for(db, tmp_path, clock, ticket_printer.port, status_timeout_s=0.3)
    job = quick.print_document(literals.ticket())
    assert job.state is JobState.UNCONFIRMED and job.error_code is FailureReason.NO_STATUS
    assert job.printer_status is None and "0.3 s" in (job.error_message or "")
    # Configured as a printer without status support, its word is the transport's.
    silent = service_for(db, tmp_path, clock, ticket_printer.port, status=False)
    trusted = silent.print_document(literals.ticket())
    assert trusted.printed and trusted.printer_status is None
    assert ticket_printer.queries == [1, 2, 3, 4]  # asked once, by the first job only


def test_an_answer_that_is_not_a_status_leaves_the_job_unconfirmed(
    service: PrintService, ticket_printer: FakeTicketPrinter
) -> None:
    ticket_printer.status = answers(n1=0x00)  # bit 1 and 4 must be set in every answer
    job = service.print_document(literals.ticket())
    assert job.state is JobState.UNCONFIRMED and job.error_code is FailureReason.NO_STATUS
    assert "0x00 is not an ESC/POS status byte" in (job.error_message or "")


def test_an_offline_printer_still_fails_the_job(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    reserved = FakeTicketPrinter()
    reserved.stop()  # nothing listens: no byte went out, nothing can have printed
    job = service_for(db, tmp_path, clock, reserved.port).print_document(literals.ticket())
    assert job.state is JobState.FAILED and job.error_code is FailureReason.OFFLINE


def audit_records(
    db: Database, action: str
) -> list[tuple[str | None, str | None, dict[str, object]]]:
    entries = AuditService(db).entries(0, 2**62)
    return [(e.target_kind, e.target, json.loads(e.detail)) for e in entries if e.action == action]


def test_the_clerk_confirms_or_denies_an_unconfirmed_paper_and_it_is_audited(
    service: PrintService, ticket_printer: FakeTicketPrinter, db: Database
) -> None:
    ticket_printer.reset_after = 16
    first = service.print_document(literals.ticket())
    second = service.print_document(literals.ticket())
    assert first.unconfirmed and second.unconfirmed
    printed = service.confirm(first.id, printed=True, by=CLERK)
    assert printed.state is JobState.PRINTED
    not_printed = service.confirm(second.id, printed=False, by=CLERK)
    assert not_printed.state is JobState.FAILED
    ticket_printer.reset_after = None
    again = service.retry(second.id)
    assert again.printed and again.repeats_job_id == second.id and not again.is_copy
    owner = first.owner_key
    assert audit_records(db, "doc.print_check") == [
        ("paper", owner, {"job": first.id, "kind": "ticket", "printed": True}),
        ("paper", owner, {"job": second.id, "kind": "ticket", "printed": False}),
    ]
    with pytest.raises(PrintRefused) as caught:
        service.confirm(first.id, printed=True, by=CLERK)
    assert caught.value.code is RefusalCode.NOT_UNCONFIRMED
    with pytest.raises(PrintRefused) as caught:
        service.confirm(9999, printed=True, by=CLERK)
    assert caught.value.code is RefusalCode.UNKNOWN_JOB


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_reprint_of_every_kind_of_paper_is_audited(
    service: PrintService, db: Database, kind: DocumentKind
) -> None:
    original = service.print_document(literals.literal(kind))
    assert original.printed and audit_records(db, "doc.reprint") == []
    copy = service.reprint(original.id, by=CLERK)
    assert copy.printed and copy.is_copy
    [(target_kind, target, detail)] = audit_records(db, "doc.reprint")
    assert (target_kind, target) == ("paper", original.owner_key)
    assert detail == {
        "job": copy.id,
        "of": original.id,
        "kind": kind.value,
        "printer": original.printer_name,
    }
    [entry] = [e for e in AuditService(db).entries(0, 2**62) if e.action == "doc.reprint"]
    assert (entry.actor_id, entry.actor) == (CLERK.user_id, CLERK.name)


JOB = (
    "INSERT INTO print_job (document_kind, owner_key, printer_name, role, payload_format, "
    "payload_sha256, is_copy, state, attempt, created_ms) "
    "VALUES ('ticket', 'ticket-1', 'ticket', 'kiosk', 'escpos', :sha, false, :state, 1, 1)"
)


def test_the_migration_keeps_the_jobs_and_going_back_calls_unconfirmed_failed(
    empty_db_url: str,
) -> None:
    cfg = _config()
    engine = create_engine(empty_db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0022_blob_sealing")
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(text(JOB), {"sha": "a" * 64, "state": "unconfirmed"})
        conn.execute(text(JOB), {"sha": "b" * 64, "state": "printed"})
        command.upgrade(cfg, "head")
        conn.execute(text(JOB), {"sha": "c" * 64, "state": "unconfirmed"})
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(text(JOB), {"sha": "d" * 64, "state": "lost"})
        query = text("SELECT payload_sha256, state, printer_status FROM print_job ORDER BY id")
        upgraded = [tuple(r) for r in conn.execute(query)]
        command.downgrade(cfg, "0022_blob_sealing")
        states = [tuple(r) for r in conn.execute(text("SELECT state FROM print_job ORDER BY id"))]
        command.upgrade(cfg, "head")
    engine.dispose()
    assert upgraded == [("b" * 64, "printed", None), ("c" * 64, "unconfirmed", None)]
    assert states == [("printed",), ("failed",)]
