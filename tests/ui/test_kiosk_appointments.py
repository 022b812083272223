"""Appointment check-in at the kiosk (pytest-qt, both databases): a QR code's link, the
letter keypad, an ID card on a simulated reader (one booking checks in, several are offered, none
is said plainly), the refusals in the person's words, and how old the bookings are."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.db.models import Service
from clerk_app.db.screens_models import Appointment
from clerk_app.db.sync_models import SyncState
from clerk_app.devices.idcard.reader import IdCardReader
from clerk_app.devices.idcard.service import IdCardService
from clerk_app.queue.appointments import AppointmentDesk, IdHash, lookup_hasher
from clerk_app.queue.service import QueueService
from clerk_app.sync import state
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.devices.idcard_sim import RESIDENT, ModuleSimulator, Scenario
from ui.kiosk.kiosk import APPOINTMENT, CHOOSE, REFUSAL, TICKET, KioskScreen
from ui.tasks import TaskRunner

from .fakes import FakePrinter

TIMEOUT_S = 0.3
TEN, TEN_THIRTY = 600, 630  # slots, minutes after midnight (the clock: 09:30)


@pytest.fixture
def id_hash(clock: FixedClock) -> IdHash:
    cipher = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))
    return lookup_hasher(cipher.lookup_hash)


@pytest.fixture
def desk(queue: QueueService, id_hash: IdHash) -> AppointmentDesk:
    return AppointmentDesk(queue, id_hash=id_hash)


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, queue: QueueService, runner: TaskRunner, desk: AppointmentDesk
) -> Callable[..., KioskScreen]:
    def make(card_reader: Callable[[], str] | None = None) -> KioskScreen:
        widget = KioskScreen(queue, desk, FakePrinter(), runner, card_reader=card_reader)
        widget.resize(1920, 1080)
        qtbot.addWidget(widget)
        return widget

    return make


def _synced(db: Database, id_hash: IdHash, code: str, service: str, slot: int, **kw: str) -> None:
    """A booking as the sync stores it (``clerk_app.sync.appointments``)."""
    day = dt.date(2026, 11, 24)
    digest = id_hash(kw.get("id_number", RESIDENT.id_number))
    with db.write() as s:
        service_id = s.scalar(select(Service.id).where(Service.code == service))
        hall_id = s.scalar(select(Service.hall_id).where(Service.code == service))
        s.add(
            Appointment(
                hall_id=hall_id,
                code=code,
                service_id=service_id,
                day=day,
                slot_min=slot,
                server_id=str(uuid.uuid5(uuid.NAMESPACE_URL, code)),
                status=kw.get("status", "booked"),
                id_hash=digest,
                reported=kw.get("status", "booked"),
            )
        )


def _card_reader(port: str, db: Database, clock: FixedClock) -> Callable[[], str]:
    def today() -> dt.date:
        return dt.date(2026, 11, 24)

    service = IdCardService(
        IdCardReader(port, timeout_s=TIMEOUT_S, today=today), AuditService(db, clock), today
    )
    return lambda: service.read(Actor(None, "kiosk")).card.id_number


def test_a_qr_code_with_a_link_and_the_letter_keypad_check_in(
    make_kiosk: Callable[..., KioskScreen], db: Database, id_hash: IdHash
) -> None:
    _synced(db, id_hash, "YY-8K2Q7Z", "PERMIT", TEN)
    _synced(db, id_hash, "YY-ABCDEF", "BIZ", TEN)
    kiosk = make_kiosk()
    assert not kiosk.by_card.isVisibleTo(kiosk)  # no reader at this kiosk
    kiosk.check_in.click()
    kiosk.code.setText("https://zwfw.example.gov.cn/yy?code=YY-8K2Q7Z&from=app")
    kiosk.code_ok.click()
    assert kiosk.current_page() == TICKET and kiosk.number.text() == "B001"
    kiosk.done.click()
    kiosk.check_in.click()
    letters = {b.text(): b for b in kiosk.findChildren(type(kiosk.code_ok)) if len(b.text()) == 1}
    assert "I" not in letters and "O" not in letters and "L" not in letters
    for key in "YY-ABCDEF":
        letters[key].click()
    assert kiosk.code.text() == "YY-ABCDEF"
    kiosk.code_ok.click()
    assert kiosk.current_page() == TICKET and kiosk.number.text() == "A001"


def test_an_id_card_with_one_booking_checks_it_in(
    make_kiosk: Callable[..., KioskScreen],
    db: Database,
    clock: FixedClock,
    id_hash: IdHash,
    queue: QueueService,
) -> None:
    _synced(db, id_hash, "YY-8K2Q7Z", "PERMIT", TEN)
    _synced(db, id_hash, "YY-OTHER2", "BIZ", TEN, id_number="220102199003071234")
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        kiosk = make_kiosk(_card_reader(sim.port, db, clock))
        kiosk.check_in.click()
        assert kiosk.by_card.isVisibleTo(kiosk)
        kiosk.by_card.click()
    assert kiosk.current_page() == TICKET and kiosk.number.text() == "B001"
    audit = [e.detail for e in AuditService(db).entries(0, 2**62) if e.action == "idcard.read"]
    assert len(audit) == 1 and RESIDENT.id_number not in audit[0]  # masked on the trail


def test_an_id_card_with_several_bookings_lets_the_person_choose(
    make_kiosk: Callable[..., KioskScreen], db: Database, clock: FixedClock, id_hash: IdHash
) -> None:
    _synced(db, id_hash, "YY-8K2Q7Z", "PERMIT", TEN)
    _synced(db, id_hash, "YY-ABCDEF", "SOCIAL", TEN_THIRTY)
    _synced(db, id_hash, "YY-GONE22", "BIZ", TEN, status="cancelled")
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        kiosk = make_kiosk(_card_reader(sim.port, db, clock))
        kiosk.show_appointment()
        kiosk.by_card.click()
    assert kiosk.current_page() == CHOOSE
    assert [b.text() for b in kiosk.choice_buttons.values()] == [
        "10:00  许可审批\nLicences and permits",
        "10:30  社保医保\nSocial and medical insurance",
    ]
    kiosk.choice_buttons["YY-ABCDEF"].click()
    assert kiosk.current_page() == TICKET and kiosk.number.text() == "C001"


def test_an_id_card_without_a_booking_today_is_told_so(
    make_kiosk: Callable[..., KioskScreen], db: Database, clock: FixedClock, id_hash: IdHash
) -> None:
    _synced(db, id_hash, "YY-OTHER2", "BIZ", TEN, id_number="220102199003071234")
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        kiosk = make_kiosk(_card_reader(sim.port, db, clock))
        kiosk.show_appointment()
        kiosk.by_card.click()
    assert kiosk.current_page() == REFUSAL
    assert "no booking for this ID card today" in kiosk.refusal.text()


@pytest.mark.parametrize(
    ("status", "slot", "said"),
    [
        ("cancelled", TEN, "This booking was cancelled"),
        ("booked", 12 * 60, "too early to check in"),
        ("booked", 8 * 60, "The time of this booking has passed"),
        ("no_show", TEN, "The time of this booking has passed"),
    ],
)
def test_refusals_are_said_in_the_persons_words(
    make_kiosk: Callable[..., KioskScreen],
    db: Database,
    id_hash: IdHash,
    status: str,
    slot: int,
    said: str,
) -> None:
    _synced(db, id_hash, "YY-8K2Q7Z", "PERMIT", slot, status=status)
    kiosk = make_kiosk()
    kiosk.show_appointment()
    kiosk.code.setText("yy-8k2q7z")
    kiosk.code_ok.click()
    assert kiosk.current_page() == REFUSAL
    assert said in kiosk.refusal.text()


STALE_RED = "#b00020"


def _text_colour(label: QLabel) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_the_kiosk_says_how_old_its_bookings_are(
    make_kiosk: Callable[..., KioskScreen], db: Database, clock: FixedClock
) -> None:
    kiosk = make_kiosk()
    kiosk.show_appointment()
    assert kiosk.current_page() == APPOINTMENT and kiosk.freshness.text() == ""  # never synced

    def synced_at(ms: int) -> None:
        with db.write() as s:
            row = state.load(s, for_update=True)
            row.appointments_etag, row.last_success_ms = '"e"', ms

    synced_at(clock.now_ms() - 5 * 60_000)
    kiosk.show_appointment()
    assert kiosk.freshness.text() == "Bookings as of 09:25"
    assert _text_colour(kiosk.freshness) != STALE_RED
    synced_at(clock.now_ms() - 3 * 3600_000)
    kiosk.show_appointment()
    assert kiosk.freshness.text().startswith("Bookings as of 06:30: a booking made or cancelled")
    assert _text_colour(kiosk.freshness) == STALE_RED  # the kiosk's QLabel#error
    assert db.run_read(lambda s: s.scalar(select(SyncState.id))) == 1
