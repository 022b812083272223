"""帮办代办 on the screens: the helper works the hall queue by keyboard and records a sitting; the
clerk who calls that ticket, and later opens its case, sees who helped and how."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.assistance.service import AssistanceService
from clerk_app.audit.service import AuditService
from clerk_app.db.models import WindowState
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import AssistanceKind
from clerk_app.queue.service import QueueService
from clerk_app.settings import HallSettings, Settings
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.intake.test_service import _draft
from ui.clerk.main_window import ClerkWindow
from ui.flow import ClerkFlow
from ui.helper.window import HelperPanel, HelperWindow
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession, LoginDialog
from ui.tasks import TaskRunner

from .test_main_window import flow_factory, run_args, top_level  # noqa: F401 - the fixture

GOT = MaterialRecord(received=True, original_checked=True, copies=1)
LINE = "Assisted: 帮办员王五 (form filling, material preparation)"


@pytest.fixture
def helper(db: Database) -> UserInfo:
    return AuthService(db).authenticate("helper1", "helper1-demo")


@pytest.fixture
def assistance(
    db: Database, clock: FixedClock, protector: PersonalDataCipher, queue: QueueService
) -> AssistanceService:
    return AssistanceService(db, AuditService(db, clock), clock, protector, rules=queue.rules)


@pytest.fixture
def helper_window(
    qtbot: QtBot, assistance: AssistanceService, runner: TaskRunner, helper: UserInfo
) -> HelperWindow:
    window = HelperWindow(HelperPanel(assistance, runner, helper), helper.display_name, "demo")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_helper_picks_a_waiting_ticket_and_records_the_sitting_by_keyboard(
    qtbot: QtBot,
    queue: QueueService,
    helper_window: HelperWindow,
    assistance: AssistanceService,
    clock: FixedClock,
) -> None:
    panel = helper_window.panel
    first, second = queue.issue("BIZ").ticket, queue.issue("SOCIAL").ticket
    panel.refresh()
    assert panel.queue.rowCount() == 2
    assert panel.target.text() == first.number  # the longest waiting, picked for them
    panel.queue.selectRow(1)
    assert panel.target.text() == second.number
    assert not panel.finish_button.isEnabled()  # nothing to finish before starting
    qtbot.keyClick(panel.target, Qt.Key.Key_Return)  # start assisting
    assert panel.finish_button.isEnabled() and panel.target.isReadOnly()
    assert panel.kinds[AssistanceKind.FORM_FILLING].hasFocus()
    qtbot.keyClick(panel.kinds[AssistanceKind.FORM_FILLING], Qt.Key.Key_Space)
    qtbot.keyClick(panel.kinds[AssistanceKind.MATERIALS], Qt.Key.Key_Space)
    assert not panel.reference.isEnabled()  # the authorisation belongs to 代办 only
    qtbot.keyClicks(panel.note, "tel 13812345678")  # personal data: refused, nothing saved
    qtbot.keyClick(panel.finish_button, Qt.Key.Key_Space)
    assert "phone" in panel.message.text()
    assert assistance.done_today(panel._helper) == []
    panel.note.setText("老人，填表较慢")  # typed by an input method (QTest types Latin-1 only)
    clock.advance(minutes=9)
    with qtbot.waitSignal(panel.recorded) as saved:
        qtbot.keyClick(panel.finish_button, Qt.Key.Key_Space)
    view = saved.args[0]
    assert (view.ticket_number, view.kinds) == (
        second.number,
        (AssistanceKind.FORM_FILLING, AssistanceKind.MATERIALS),
    )
    assert view.finished_ms - view.started_ms == 9 * 60_000
    assert f"ticket {second.number}" in panel.message.text()
    assert panel.done.count() == 1 and LINE in panel.done.item(0).text()
    assert not panel.finish_button.isEnabled()
    assert panel.target.text() == first.number  # the next waiting ticket is offered


def test_proxy_needs_its_authorisation_on_the_screen(
    qtbot: QtBot, queue: QueueService, helper_window: HelperWindow
) -> None:
    panel = helper_window.panel
    queue.issue("BIZ")
    panel.refresh()
    panel.start()
    proxy = panel.kinds[AssistanceKind.PROXY]
    qtbot.keyClick(proxy, Qt.Key.Key_Space)
    assert panel.letter_seen.isEnabled() and panel.reference.isEnabled()
    panel.finish()
    assert "authorisation" in panel.message.text()
    qtbot.keyClick(panel.letter_seen, Qt.Key.Key_Space)
    with qtbot.waitSignal(panel.recorded) as saved:
        panel.finish()
    assert saved.args[0].authorisation_seen


def test_the_clerk_sees_the_help_on_the_called_ticket_and_on_the_case(
    qtbot: QtBot,
    queue: QueueService,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    assistance: AssistanceService,
    helper: UserInfo,
) -> None:
    from clerk_app.assistance.service import AssistanceInput  # noqa: PLC0415

    ticket = queue.issue("BIZ").ticket
    kinds = (AssistanceKind.FORM_FILLING, AssistanceKind.MATERIALS)
    now = assistance.now_ms()
    assistance.record(helper, AssistanceInput(kinds, now, ticket_number=ticket.number))
    panel = IntakePanel(dataclasses.replace(deps, assistance=assistance), runner, clerk_session)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.assisted.isHidden()
    panel.set_ticket(ticket.ticket_id)  # the clerk calls the ticket
    assert panel.assisted.text() == LINE and not panel.assisted.isHidden()
    panel.set_ticket(None)
    assert panel.assisted.isHidden()
    # A notice (a material missing) keeps the case open at the counter: it can be reopened.
    draft = dataclasses.replace(
        _draft({"M01": GOT, "M03": GOT, "M04": GOT}), ticket_id=ticket.ticket_id
    )
    intake = deps.papers.intake
    case = intake.decide(draft, Decision.ONE_TIME_NOTICE, clerk_session.user, 1).case_number
    panel.open_case(case)
    qtbot.waitUntil(lambda: panel.assisted.text() == LINE)


def _sign_in_as_helper(qtbot: QtBot, flow: ClerkFlow) -> None:
    [login] = top_level(LoginDialog)
    assert isinstance(login, LoginDialog)
    login.username.setText("helper1")
    login.password.setText("helper1-demo")
    login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_helper_signs_in_to_the_assistance_desk_and_opens_no_window(
    qtbot: QtBot,
    qapp: QApplication,
    db_url: str,
    runner: TaskRunner,
    queue: QueueService,
    assistance: AssistanceService,
    flow_factory: list[ClerkFlow],  # noqa: F811
) -> None:
    ticket = queue.issue("BIZ").ticket
    flow = ClerkFlow(qapp, runner, db_url, Settings(hall=HallSettings(window=4)), run_args())
    flow_factory.append(flow)
    with qtbot.waitSignal(flow.workspace_ready):
        flow.start()
    # This PC has no hall key file; the desk's service stands in for the one a keyed PC builds.
    flow._workspace = dataclasses.replace(flow._workspace, assistance=assistance)
    _sign_in_as_helper(qtbot, flow)
    [desk] = top_level(HelperWindow)
    assert isinstance(desk, HelperWindow)
    assert desk.panel.target.text() == ticket.number  # the hall's queue, read at sign-in
    assert not top_level(ClerkWindow)
    assert next(w for w in queue.status().windows if w.number == 4).state is WindowState.CLOSED
    desk.signed_out.emit()
    qtbot.waitUntil(lambda: not top_level(HelperWindow))
    assert len(top_level(LoginDialog)) == 1


def test_without_the_hall_key_a_helper_is_told_and_stays_at_the_sign_in(
    qtbot: QtBot,
    qapp: QApplication,
    db_url: str,
    runner: TaskRunner,
    flow_factory: list[ClerkFlow],  # noqa: F811
) -> None:
    flow = ClerkFlow(qapp, runner, db_url, Settings(), run_args())
    flow_factory.append(flow)
    with qtbot.waitSignal(flow.workspace_ready):
        flow.start()
    _sign_in_as_helper(qtbot, flow)
    qtbot.waitUntil(lambda: bool(top_level(QMessageBox)))
    [box] = top_level(QMessageBox)
    assert isinstance(box, QMessageBox) and "hall key" in box.text()
    assert not top_level(HelperWindow)
    assert len(top_level(LoginDialog)) == 1
