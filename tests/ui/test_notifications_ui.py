"""短信提醒 on screen, around a real queue (SQLite and PostgreSQL) with an inline runner: the
kiosk's opt-in after a ticket (phone keypad, consent, a mainland mobile checked, the number
stored encrypted and cleared from the screen) and the clerk's current ticket saying how its
text message went (短信：已发送/发送失败/未订阅)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from clerk_app.db.notify_models import NotifyOptIn
from clerk_app.queue.appointments import AppointmentDesk
from clerk_app.queue.service import QueueService
from clerk_app.sync.notifications import Notifications, NotifyRules
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.ui.fakes import FakePrinter
from tests.ui.helpers import show_active
from ui.clerk.caller_panel import CallerPanel
from ui.clerk.state import Action
from ui.kiosk.kiosk import BODY_PX, SMS, TICKET, KioskScreen
from ui.login import ClerkSession
from ui.scaling import unit
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

PHONE = "13912345678"


@pytest.fixture
def cipher(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))


@pytest.fixture
def notifications(db: Database, cipher: PersonalDataCipher, clock: FixedClock) -> Notifications:
    return Notifications(db, cipher, clock, NotifyRules(ahead=3))


def _kiosk(
    qtbot: QtBot, queue: QueueService, runner: TaskRunner, notifications: Notifications | None
) -> KioskScreen:
    widget = KioskScreen(
        queue, AppointmentDesk(queue), FakePrinter(), runner, notifications=notifications
    )
    widget.resize(1920, 1080)
    qtbot.addWidget(widget)
    return widget


def _type(kiosk: KioskScreen, digits: str) -> None:
    for digit in digits:
        kiosk.sms_keys[digit].click()


def test_kiosk_opt_in_with_the_keypad(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    notifications: Notifications,
    db: Database,
    cipher: PersonalDataCipher,
) -> None:
    kiosk = _kiosk(qtbot, queue, runner, notifications)
    kiosk.service_buttons["BIZ"].click()
    assert kiosk.current_page() == TICKET and not kiosk.sms_offer.isHidden()
    kiosk.sms_offer.click()
    assert kiosk.current_page() == SMS
    assert "encrypted" in kiosk.sms_consent.text()
    _type(kiosk, "1234567890123")
    assert kiosk.sms_phone.text() == "12345678901"  # eleven digits at most
    kiosk.sms_ok.click()
    assert kiosk.current_page() == SMS
    assert "11-digit mainland mobile" in kiosk.sms_error.text()
    kiosk.sms_keys["Clear"].click()
    _type(kiosk, PHONE + "0")
    kiosk.sms_keys["⌫"].click()
    _type(kiosk, "8")
    assert kiosk.sms_phone.text() == PHONE[:-1] + "8" and kiosk.sms_error.text() == ""
    kiosk.sms_keys["⌫"].click()
    _type(kiosk, PHONE[-1])
    kiosk.sms_ok.click()

    assert kiosk.current_page() == TICKET
    assert kiosk.sms_status.text() == "We will text you when your turn is near."
    assert kiosk.sms_offer.isHidden() and kiosk.sms_phone.text() == ""
    with db.read() as s:
        ticket_id, stored = s.execute(select(NotifyOptIn.ticket_id, NotifyOptIn.phone_enc)).one()
    assert PHONE not in stored and cipher.decrypt(stored, context="notify.phone") == PHONE
    assert ticket_id is not None
    state = notifications.ticket_state(ticket_id)
    assert state is not None and state.status == "opted_in"

    kiosk.go_home()
    kiosk.service_buttons["BIZ"].click()  # the next person is offered it afresh
    assert not kiosk.sms_offer.isHidden() and kiosk.sms_status.text() == ""


def test_the_consent_reads_at_kiosk_size(
    qtbot: QtBot, queue: QueueService, runner: TaskRunner, notifications: Notifications
) -> None:
    """The consent is read standing, beside the keypad's large keys: the kiosk's body size."""
    kiosk = _kiosk(qtbot, queue, runner, notifications)
    show_active(qtbot, kiosk)
    kiosk.service_buttons["BIZ"].click()
    kiosk.sms_offer.click()
    body = round(BODY_PX * unit(kiosk))
    assert body >= 30  # a 1920×1080 kiosk
    for label in (kiosk.sms_consent, kiosk.sms_error, kiosk.sms_status):
        assert label.font().pixelSize() >= body, label.objectName()
    assert kiosk.sms_consent.font().pixelSize() >= kiosk.sms_keys["1"].font().pixelSize()
    assert kiosk.sms_phone.font().pixelSize() >= kiosk.sms_keys["1"].font().pixelSize()


def test_a_kiosk_without_notifications_offers_none(
    qtbot: QtBot, queue: QueueService, runner: TaskRunner
) -> None:
    kiosk = _kiosk(qtbot, queue, runner, None)
    kiosk.service_buttons["BIZ"].click()
    assert kiosk.current_page() == TICKET and kiosk.sms_offer.isHidden()


def _set_status(db: Database, ticket_id: int, status: str) -> None:
    db.run_write(
        lambda s: s.execute(
            update(NotifyOptIn).where(NotifyOptIn.ticket_id == ticket_id).values(status=status)
        )
    )


def test_the_current_ticket_says_how_its_text_message_went(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
    notifications: Notifications,
    db: Database,
) -> None:
    panel = CallerPanel(queue, runner, clerk_session, watcher, notifications=notifications)
    qtbot.addWidget(panel)
    assert panel.current.sms.isHidden()  # no current ticket
    silent = queue.issue("BIZ").ticket
    texted = queue.issue("BIZ").ticket
    notifications.opt_in_ticket(texted.ticket_id, PHONE)

    panel.buttons[Action.CALL_NEXT].click()
    assert panel.current.number.text() == silent.number
    assert panel.current.sms.text() == "SMS: not subscribed"
    panel.buttons[Action.START].click()
    panel.buttons[Action.FINISH].click()
    _set_status(db, texted.ticket_id, "sent")
    panel.buttons[Action.CALL_NEXT].click()
    assert panel.current.number.text() == texted.number
    assert panel.current.sms.text() == "SMS: sent"
    _set_status(db, texted.ticket_id, "failed")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.current.sms.text() == "SMS: sending failed")


def test_without_notifications_the_clerk_sees_no_sms_line(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
) -> None:
    panel = CallerPanel(queue, runner, clerk_session, watcher)
    qtbot.addWidget(panel)
    queue.issue("BIZ")
    panel.buttons[Action.CALL_NEXT].click()
    assert panel.current.sms.isHidden()
