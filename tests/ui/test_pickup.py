"""The pickup window around the real results services on both databases: the list and its
search, printing certificates and notices (a reprint is a COPY), handovers to the applicant,
an agent or by mail, and refusals that are shown and change nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import CaseState
from clerk_app.printjobs.service import PrintService
from clerk_app.queue.service import QueueService
from clerk_app.results.papers import ResultPapers, handover_owner_key, owner_key
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverRequest, Recipient
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.documents import DocumentKind
from tests.pdf_read import pdfium_text
from tests.printing.helpers import pdf_text
from tests.results.conftest import (  # noqa: F401 - fixtures
    AGENT_ID,
    CERT_NUMBER,
    ID_NUMBER,
    FakeSync,
    accept,
    audit,
    clerk,
    intake,
    printer,
    sync,
)
from tests.results.test_results import _snapshot, papers, results  # noqa: F401 - fixtures
from ui.clerk.main_window import ClerkWindow
from ui.intake.panel import IntakeDeps
from ui.login import ClerkSession
from ui.results import pickup_model
from ui.results.handover_dialog import HandoverDialog
from ui.results.pickup_panel import PickupPanel, ResultsDeps
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def pickup(
    qtbot: QtBot,
    results: ResultsService,  # noqa: F811
    papers: ResultPapers,  # noqa: F811
    runner: TaskRunner,
    clerk: UserInfo,  # noqa: F811
) -> PickupPanel:
    panel = PickupPanel(ResultsDeps(results, papers), runner, ClerkSession(clerk, 3))
    qtbot.addWidget(panel)
    return panel


def _texts(panel: PickupPanel, row: int) -> list[str]:
    model = panel.model
    return [str(model.data(model.index(row, c))) for c in range(model.columnCount())]


def _dialog(panel: PickupPanel, case_number: str) -> HandoverDialog:
    rows = [panel.model.entry(r).case_number for r in range(panel.model.rowCount())]
    panel.table.selectRow(rows.index(case_number))
    panel.hand_over_selected()
    dialog = panel.handover_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_list_shows_decisions_waiting_with_days_waited_and_is_searchable(
    qtbot: QtBot,
    pickup: PickupPanel,
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
    clock: FixedClock,
) -> None:
    approved, rejected, waiting = (accept(intake, clerk) for _ in range(3))
    sync.approve(approved.case_id)
    sync.pull(rejected.case_id, "rejected", detail={"reason": "经营场所不符合要求"})
    clock.set(dt.datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI))
    pickup.refresh()
    assert pickup.model.rowCount() == 2  # the case still under review is not waiting
    assert pickup.list_status.text() == "2 decisions waiting"
    first = _texts(pickup, 0)
    assert first[pickup_model.NUMBER] == approved.case_number
    assert first[pickup_model.DECISION] == "Approved"
    assert first[pickup_model.CERTIFICATE] == CERT_NUMBER
    assert first[pickup_model.WAITING] == "3 days"
    assert first[pickup_model.PROMISED] == approved.promised_due.isoformat()  # type: ignore[union-attr]
    assert "110105********002X" in first[pickup_model.APPLICANT]
    assert ID_NUMBER not in " ".join(first)
    assert _texts(pickup, 1)[pickup_model.DECISION] == "Rejected"
    table = pickup.table  # every column fits what it shows (the last one stretches)
    for column in range(pickup.model.columnCount() - 1):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
    assert pickup.handover_button.isEnabled()  # the first row is selected: approved
    pickup.table.selectRow(1)
    assert not pickup.handover_button.isEnabled() and pickup.print_button.isEnabled()
    qtbot.keyClicks(pickup.search, rejected.case_number)
    qtbot.waitUntil(lambda: pickup.model.rowCount() == 1)
    assert pickup.model.entry(0).case_number == rejected.case_number
    pickup.search.setText(ID_NUMBER)  # every case is this applicant's
    qtbot.waitUntil(lambda: pickup.model.rowCount() == 2)
    pickup.search.setText("nobody")
    qtbot.waitUntil(lambda: pickup.model.rowCount() == 0)
    assert pickup.list_status.text() == "No decisions are waiting."
    assert waiting.case_number not in {approved.case_number, rejected.case_number}


def test_the_certificate_prints_with_the_servers_number_and_again_as_a_copy(
    pickup: PickupPanel,
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
    printer: PrintService,  # noqa: F811
) -> None:
    approved, rejected = accept(intake, clerk), accept(intake, clerk)
    sync.approve(approved.case_id)
    sync.pull(rejected.case_id, "rejected", detail={"reason": "经营场所不符合要求"})
    pickup.refresh()
    pickup.table.selectRow(0)
    pickup.print_selected()
    assert pickup.status.text() == "Printed."
    [job] = printer.jobs(owner=owner_key(approved.case_number))
    assert job.document_kind is DocumentKind.CERTIFICATE
    assert CERT_NUMBER in pdf_text(printer.archived_pdf(job.id))
    pickup.print_selected()
    assert pickup.status.text() == "Printed again, marked COPY."
    jobs = printer.jobs(owner=owner_key(approved.case_number))
    assert sorted(j.is_copy for j in jobs) == [False, True]
    pickup.table.selectRow(1)
    pickup.print_selected()
    [notice] = printer.jobs(owner=owner_key(rejected.case_number))
    assert notice.document_kind is DocumentKind.DENIAL
    assert "经营场所不符合要求" in pdf_text(printer.archived_pdf(notice.id))


def test_the_applicant_collects_after_an_id_check(
    pickup: PickupPanel,
    printer: PrintService,  # noqa: F811
    results: ResultsService,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
    qtbot: QtBot,
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    pickup.refresh()
    dialog = _dialog(pickup, case.case_number)
    assert dialog.recipient_name.text() == "张𠮷"
    qtbot.keyClicks(dialog.id_number, ID_NUMBER.lower())
    with qtbot.waitSignal(dialog.handed_over) as handed:
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert handed.args[0].certificate_number == CERT_NUMBER
    assert not dialog.isVisible()
    done = results.handover_of(case.case_id)
    assert done is not None and (done.method, done.on_behalf) == (HandoverMethod.PICKUP, False)
    assert pickup.model.rowCount() == 0
    assert pickup.status.text() == (
        f"{case.case_number}: handed over to 张𠮷, recorded. The handover record is printed."
    )
    [record] = printer.jobs(owner=handover_owner_key(case.case_number))
    assert record.printed and record.document_kind is DocumentKind.HANDOVER
    text = pdfium_text(printer.archived_pdf(record.id))
    assert "领取人张𠮷" in text and "证件号码110105********002X" in text
    assert "出件窗口3号窗口" in text and ID_NUMBER not in text


def test_an_agent_of_the_case_collects_and_another_result_is_mailed(
    pickup: PickupPanel,
    printer: PrintService,  # noqa: F811
    results: ResultsService,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
) -> None:
    by_agent, mailed = accept(intake, clerk, agent=True), accept(intake, clerk)
    sync.approve(by_agent.case_id)
    sync.approve(mailed.case_id)
    pickup.refresh()
    dialog = _dialog(pickup, by_agent.case_number)
    dialog.recipient_name.setText("李四")
    dialog.id_number.setText(AGENT_ID)
    dialog.submit()
    agent = results.handover_of(by_agent.case_id)
    assert agent is not None and agent.on_behalf
    dialog = _dialog(pickup, mailed.case_number)
    dialog.mail.setChecked(True)
    assert dialog.mail_box.isVisibleTo(dialog) and not dialog.pickup_box.isVisibleTo(dialog)
    assert dialog.courier.currentText() == "中国邮政EMS"  # the default courier
    dialog.submit()
    assert dialog.status.text() == "Enter the courier and the tracking number."
    assert results.handover_of(mailed.case_id) is None
    dialog.tracking_no.setText("1234567890123")
    dialog.submit()
    sent = results.handover_of(mailed.case_id)
    assert sent is not None and sent.method is HandoverMethod.MAIL
    assert pickup.status.text() == (
        f"{mailed.case_number}: mailed, recorded. The handover record is printed."
    )
    [record] = printer.jobs(owner=handover_owner_key(mailed.case_number))
    text = pdfium_text(printer.archived_pdf(record.id))
    assert "出件方式邮寄送达" in text and "运单号1234567890123" in text
    [agents] = printer.jobs(owner=handover_owner_key(by_agent.case_number))
    text = pdfium_text(printer.archived_pdf(agents.id))
    assert "窗口领取（代领）" in text and "证件号码440524********0014" in text
    pickup.print_handover()  # the last one again: a copy of the archived paper
    assert printer.jobs(owner=handover_owner_key(mailed.case_number))[0].is_copy


def test_refused_handovers_are_shown_and_change_nothing(
    db: Database,
    pickup: PickupPanel,
    results: ResultsService,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
) -> None:
    case, deferred = accept(intake, clerk), accept(intake, clerk, deferred=True)
    sync.approve(case.case_id)
    sync.approve(deferred.case_id)
    pickup.refresh()
    before = _snapshot(db)

    dialog = _dialog(pickup, case.case_number)
    dialog.id_number.setText("110105194912310021")  # a wrong check character
    dialog.submit()
    assert dialog.status.text() == (
        "The ID number is not a valid resident ID number. Check it and type it again."
    )
    dialog.id_number.setText(AGENT_ID)  # a real ID, but nobody of this case
    dialog.submit()
    assert dialog.status.text().startswith("This ID number is neither the applicant's")
    assert dialog.isVisible() and dialog.record_button.isEnabled()
    dialog.reject()

    dialog = _dialog(pickup, deferred.case_number)
    dialog.id_number.setText(ID_NUMBER)
    dialog.submit()
    assert dialog.status.text().startswith("A deferred material has not arrived yet (M03).")
    dialog.reject()
    assert _snapshot(db) == before

    dialog = _dialog(pickup, case.case_number)  # opened on the list as it was
    results.hand_over(
        HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER)), clerk
    )  # meanwhile handed over at another window
    handed = _snapshot(db)
    dialog.id_number.setText(ID_NUMBER)
    dialog.submit()
    assert dialog.status.text() == (
        "This certificate has already been handed over; it cannot be handed over twice."
    )
    assert _snapshot(db) == handed


def test_refusals_are_translated(
    chinese: None,
    pickup: PickupPanel,
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    pickup.refresh()
    assert pickup.model.entry(0).state is CaseState.APPROVED
    dialog = _dialog(pickup, case.case_number)
    dialog.id_number.setText("110105194912310021")
    dialog.submit()
    assert "身份证" in dialog.status.text()


def test_the_clerk_window_has_a_pickup_tab_that_lists_on_opening(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
    auth: AuthService,
    deps: IntakeDeps,
    results: ResultsService,  # noqa: F811
    papers: ResultPapers,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    with_pickup = dataclasses.replace(deps, results=ResultsDeps(results, papers))
    window = ClerkWindow(
        queue, runner, clerk_session, watcher, auth=auth, idle_lock_minutes=5, intake=with_pickup
    )
    qtbot.addWidget(window)
    assert window.pickup is not None
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())][-1] == "&Pickup"
    window.tabs.setCurrentWidget(window.pickup)
    assert window.pickup.model.entry(0).case_number == case.case_number
