"""The kiosk printing for real: the print-job service, ESC/POS over TCP to a fake printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.db.printing_models import PrintJobRow
from clerk_app.printjobs.service import PrintService
from clerk_app.queue.appointments import AppointmentDesk
from clerk_app.queue.service import QueueService
from onewindow_base.blobs import BlobStore
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.printing.helpers import FakeTicketPrinter, parse_escpos
from tests.printing.test_jobs import printing_settings
from ui.kiosk.job_printer import JobTicketPrinter
from ui.kiosk.kiosk import TICKET, KioskScreen
from ui.tasks import TaskRunner


@pytest.mark.allow_log_warnings  # the offline printer is logged, as it should be
def test_kiosk_tickets_go_through_recorded_jobs_and_survive_an_offline_printer(
    qtbot: object,
    queue: QueueService,
    db: Database,
    runner: TaskRunner,
    tmp_path: Path,
    fake_printer: FakeTicketPrinter,
) -> None:
    settings = printing_settings(tmp_path / "out", fake_printer.port)
    jobs = PrintService(db, settings, BlobStore(tmp_path / "blobs", TEST_RING), role="kiosk")
    kiosk = KioskScreen(queue, AppointmentDesk(queue), JobTicketPrinter(jobs), runner, idle_ms=0)
    qtbot.addWidget(kiosk)  # type: ignore[attr-defined]

    kiosk.service_buttons["BIZ"].click()
    assert kiosk.current_page() == TICKET
    ticket = parse_escpos(fake_printer.wait_for_jobs(1)[0])
    assert any("A001" in line for line in ticket.lines)
    assert ticket.cuts == 1
    assert kiosk.print_status.text() == "Please take your ticket below."

    fake_printer.stop()  # the printer goes offline
    kiosk.go_home()
    kiosk.service_buttons["PERMIT"].click()
    assert kiosk.reprint.isVisibleTo(kiosk)
    assert queue.status().waiting_for(("PERMIT",)) == 1  # the ticket stays issued
    with db.read() as session:
        states = list(session.scalars(select(PrintJobRow.state).order_by(PrintJobRow.id)))
    assert states == ["printed", "failed"]


@pytest.mark.allow_log_warnings  # the printer's failure is logged, as it should be
def test_a_ticket_the_printer_did_not_confirm_asks_the_visitor_to_look(
    qtbot: object,
    queue: QueueService,
    db: Database,
    runner: TaskRunner,
    tmp_path: Path,
    fake_printer: FakeTicketPrinter,
) -> None:
    fake_printer.reset_after = 16  # reads 16 bytes, then resets the connection
    settings = printing_settings(tmp_path / "out", fake_printer.port)
    jobs = PrintService(db, settings, BlobStore(tmp_path / "blobs", TEST_RING), role="kiosk")
    kiosk = KioskScreen(queue, AppointmentDesk(queue), JobTicketPrinter(jobs), runner, idle_ms=0)
    qtbot.addWidget(kiosk)  # type: ignore[attr-defined]
    kiosk.service_buttons["BIZ"].click()
    assert kiosk.print_status.text().startswith("Please check whether your ticket came out")
    assert kiosk.reprint.isVisibleTo(kiosk)
    with db.read() as session:
        assert list(session.scalars(select(PrintJobRow.state))) == ["unconfirmed"]
