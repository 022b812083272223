"""The kiosk around a real queue on both databases, with a fake printer that fails on demand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from clerk_app.db.models import Service
from clerk_app.queue.appointments import AppointmentDesk
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import PriorityClass
from onewindow_base.db.engine import Database
from ui.kiosk.kiosk import APPOINTMENT, REFUSAL, START, TICKET, KioskScreen
from ui.tasks import TaskRunner

from .fakes import FakePrinter
from .helpers import show_active


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter()


@pytest.fixture
def kiosk(
    qtbot: QtBot, queue: QueueService, runner: TaskRunner, printer: FakePrinter
) -> KioskScreen:
    widget = KioskScreen(queue, AppointmentDesk(queue), printer, runner, idle_ms=200)
    widget.resize(1920, 1080)
    qtbot.addWidget(widget)
    return widget


def test_service_buttons_show_chinese_and_english(kiosk: KioskScreen) -> None:
    assert list(kiosk.service_buttons) == ["BIZ", "PERMIT", "SOCIAL", "CIVIL", "BUILD", "PICKUP"]
    assert kiosk.service_buttons["BIZ"].text() == "1. A  企业开办\nBusiness start-up"


def test_a_ticket_is_issued_shown_and_printed(
    kiosk: KioskScreen, queue: QueueService, printer: FakePrinter
) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    kiosk.service_buttons["BIZ"].click()
    assert kiosk.current_page() == TICKET
    assert kiosk.number.text() == "A002"
    assert kiosk.ahead.text() == "1 person ahead of you"
    assert kiosk.eta.text() == "Estimated wait: about 15 minutes"
    assert kiosk.print_status.text() == "Please take your ticket below."
    assert [(t.number, t.ahead, t.eta_minutes, t.service_name_en) for t in printer.printed] == [
        ("A002", 1, 15, "Business start-up")
    ]
    paper = printer.printed[0]
    assert (paper.hall_name, paper.location) == (queue.rules.name_zh, "一楼综合受理区")
    assert paper.issued_at.tzinfo == queue.rules.tz


def test_priority_option_issues_a_priority_ticket(kiosk: KioskScreen, queue: QueueService) -> None:
    kiosk.priority.click()
    kiosk.service_buttons["SOCIAL"].click()
    queue.open_window(2)
    called = queue.call_next(2)
    assert called is not None
    assert called.priority_class is PriorityClass.PRIORITY


@pytest.mark.allow_log_warnings  # the printer failure is logged
def test_a_printer_failure_is_shown_and_the_ticket_stays_issued(
    kiosk: KioskScreen, queue: QueueService, printer: FakePrinter
) -> None:
    printer.fail_with = "paper out"
    kiosk.service_buttons["PICKUP"].click()
    assert kiosk.number.text() == "F001"
    assert "could not be printed (paper out)" in kiosk.print_status.text()
    assert kiosk.reprint.isVisibleTo(kiosk)
    assert queue.status().waiting_for(("PICKUP",)) == 1
    printer.fail_with = None
    kiosk.reprint.click()
    assert [t.number for t in printer.printed] == ["F001"]
    assert not kiosk.reprint.isVisibleTo(kiosk)
    assert queue.status().waiting_for(("PICKUP",)) == 1  # re-printing issued nothing new


def test_past_the_cut_off_the_kiosk_refuses_politely(
    kiosk: KioskScreen, db: Database, printer: FakePrinter
) -> None:
    with db.write() as s:
        s.execute(update(Service).where(Service.code == "CIVIL").values(cutoff_min=9 * 60))
    kiosk.service_buttons["CIVIL"].click()
    assert kiosk.current_page() == REFUSAL
    assert "no more tickets can be issued for this service today" in kiosk.refusal.text()
    assert printer.printed == []
    kiosk.refusal_back.click()
    assert kiosk.current_page() == START


def test_a_full_service_is_refused(kiosk: KioskScreen, db: Database) -> None:
    with db.write() as s:
        s.execute(update(Service).where(Service.code == "BUILD").values(daily_limit=1))
    kiosk.service_buttons["BUILD"].click()
    kiosk.done.click()
    kiosk.service_buttons["BUILD"].click()
    assert kiosk.current_page() == REFUSAL
    assert "fully booked for today" in kiosk.refusal.text()


def test_appointment_check_in_by_typed_code(
    qtbot: QtBot, kiosk: KioskScreen, queue: QueueService
) -> None:
    AppointmentDesk(queue).book("20261124-0007", "PERMIT", queue.rules.day(queue.now_ms()))
    kiosk.check_in.click()
    assert kiosk.current_page() == APPOINTMENT
    kiosk.code.setText("20261124-0007")
    kiosk.code_ok.click()
    assert kiosk.current_page() == TICKET
    assert kiosk.number.text() == "B001"
    kiosk.done.click()
    kiosk.check_in.click()
    kiosk.code.setText("20261124-0007")
    kiosk.code_ok.click()
    assert kiosk.current_page() == REFUSAL
    assert "already been checked in" in kiosk.refusal.text()


def test_a_scanned_barcode_checks_in_with_the_keyboard_alone(
    qtbot: QtBot, kiosk: KioskScreen, queue: QueueService
) -> None:
    AppointmentDesk(queue).book("YY12345678", "BIZ", queue.rules.day(queue.now_ms()))
    show_active(qtbot, kiosk)
    kiosk.show_appointment()
    qtbot.keyClicks(kiosk.code, "yy12345678")  # a keyboard-wedge scanner types, then Enter
    qtbot.keyClick(kiosk.code, Qt.Key.Key_Return)
    assert kiosk.number.text() == "A001"


def test_digit_keys_choose_a_service(qtbot: QtBot, kiosk: KioskScreen) -> None:
    show_active(qtbot, kiosk)
    qtbot.keyClick(kiosk, Qt.Key.Key_3)  # a shortcut's click lands a moment later
    qtbot.waitUntil(lambda: kiosk.number.text() == "C001")


def test_the_kiosk_returns_to_the_start_after_inactivity(qtbot: QtBot, kiosk: KioskScreen) -> None:
    kiosk.show_appointment()
    kiosk.code.setText("123")
    qtbot.waitUntil(lambda: kiosk.current_page() == START, timeout=3_000)
    assert kiosk.code.text() == ""


@pytest.mark.usefixtures("chinese")
def test_the_kiosk_speaks_chinese(kiosk: KioskScreen, queue: QueueService, db: Database) -> None:
    assert kiosk.prompt.text() == "请选择办理的业务"
    queue.issue("BIZ")
    kiosk.service_buttons["BIZ"].click()
    assert kiosk.ahead.text() == "您前面有 1 人"
    assert kiosk.eta.text().startswith("预计等候约")
    kiosk.done.click()
    with db.write() as s:
        s.execute(update(Service).where(Service.code == "BIZ").values(daily_limit=2))
    kiosk.service_buttons["BIZ"].click()
    assert kiosk.refusal.text() == "非常抱歉：该业务今日号源已满。请明天再来，或在网上预约。"


def test_a_closed_kiosk_stops_its_inactivity_timer(kiosk: KioskScreen) -> None:
    kiosk.show_appointment()
    assert kiosk._idle.isActive()
    kiosk.close()
    assert not kiosk._idle.isActive()
