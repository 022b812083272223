"""The intake screen end to end on both databases: receipt, one-time notice, second visit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from clerk_app.accounts.auth import AuthService
from clerk_app.audit.service import AuditService
from clerk_app.db.intake_models import Applicant, IntakeCase
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import CaseState
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import JobState
from clerk_app.queue.service import QueueService
from clerk_app.settings import PrintingSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.db.engine import Database
from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob
from printing.config import PrintRoutes, SystemPrinterConfig
from tests.blob_ring import TEST_RING
from ui.clerk.main_window import ClerkWindow
from ui.intake import checklist_edits as ce
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

from .helpers import show_active
from .intake_fixtures import (
    ID_NUMBER,
    ITEM,
    MASKED_ID,
    pdf_texts,
    scan_files,
    squeeze,
    wait_until,
)


def make_panel(
    qtbot: QtBot, deps: IntakeDeps, runner: TaskRunner, session: ClerkSession
) -> IntakePanel:
    panel = IntakePanel(deps, runner, session)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    show_active(qtbot, panel)  # focus moves (and fields are checked) only in a shown window
    return panel


def fill_applicant(qtbot: QtBot, panel: IntakePanel) -> None:
    form = panel.applicant
    form.id_number.setFocus()
    qtbot.keyClicks(form.id_number, ID_NUMBER.lower())
    qtbot.keyClick(form.id_number, Qt.Key.Key_Tab)
    form.name.setText("张伟")
    form.phone.setText("13812345678")
    form.address.setText("长春市南关区人民大街1号")


def pick_item(qtbot: QtBot, panel: IntakePanel) -> None:
    search = panel.picker.search
    search.setFocus()
    qtbot.keyClicks(search, "gtgshzcdj")
    assert panel.picker.hits.count() >= 1
    # Down into the ranked hits, Enter on the first (as a person does: slower than a scanner).
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert panel.picker.hits.hasFocus()
    qtbot.keyClick(panel.picker.hits, Qt.Key.Key_Return)
    assert panel.picker.item is not None and panel.picker.item.code == ITEM
    assert panel.checklist.rowCount() == 4


def tick(qtbot: QtBot, panel: IntakePanel, key: str, column: int) -> None:
    """Keyboard only: put the cursor on the cell and press Space."""
    index = panel.checklist.index(panel.checklist.row_of(key), column)
    panel.table.setFocus()
    panel.table.setCurrentIndex(index)
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def receive(qtbot: QtBot, panel: IntakePanel, *keys: str) -> None:
    for key in keys:
        tick(qtbot, panel, key, ce.RECEIVED)
        if key in ("M02", "M03"):  # shown as originals, kept as copies
            tick(qtbot, panel, key, ce.ORIGINAL)


def attach_scans(panel: IntakePanel, tmp_path: Path, keys: list[str]) -> None:
    scans = panel.scans
    before = scans.model.rowCount()
    scans.import_files(scan_files(tmp_path, keys))
    assert scans.model.rowCount() == before + len(keys)
    for offset, key in enumerate(keys):
        scans.select_row(before + offset)
        scans.material.setCurrentIndex(scans.material.findData(key))
        scans.assign_button.click()
    for key in keys:
        assert panel.checklist.record(key).scans == 1


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_complete_application_prints_a_receipt_with_the_received_materials(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    fill_applicant(qtbot, panel)
    assert not panel.applicant.errors["id_value"].isVisibleTo(panel)
    pick_item(qtbot, panel)
    accept = panel.decision_bar.buttons[Decision.ACCEPT]
    assert not accept.isEnabled()
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    assert not accept.isEnabled()  # the scans are still to come
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    assert accept.isEnabled() and accept.isDefault()
    assert panel.decision_bar.recommended is Decision.ACCEPT

    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        accept.click()
    result = panel.last_result
    assert (result.state, result.visit) == (CaseState.ACCEPTED, 1)
    [receipt] = pdf_texts(out_dir)
    flat = squeeze(receipt)
    assert result.case_number in flat
    assert MASKED_ID in flat and ID_NUMBER not in flat
    for name in ("个体工商户开业登记申请书", "经营者身份证明", "经营场所使用证明"):
        assert name in flat
    assert count(db, IntakeCase) == 1


def test_a_malformed_id_number_is_explained_and_nothing_is_saved(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    form = panel.applicant
    form.id_number.setFocus()
    qtbot.keyClicks(form.id_number, "110105194912310021")  # the check digit should be X
    qtbot.keyClick(form.id_number, Qt.Key.Key_Tab)
    error = form.errors["id_value"]
    assert error.isVisibleTo(panel)
    assert error.text() == "The 18th character (check digit) should be X"
    form.name.setText("张伟")
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01")
    attach_scans(panel, tmp_path, ["M01"])
    panel.decision_bar.buttons[Decision.ONE_TIME_NOTICE].click()
    assert panel.message.text() == "The 18th character (check digit) should be X"
    assert error.isVisibleTo(panel)
    assert count(db, IntakeCase) == 0 and count(db, Applicant) == 0
    assert pdf_texts(out_dir) == []


def test_a_one_time_notice_then_a_scanned_case_number_completes_the_case(
    qtbot: QtBot,
    db: Database,
    queue: QueueService,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
    auth: AuthService,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    window = ClerkWindow(
        queue, runner, clerk_session, watcher, auth=auth, idle_lock_minutes=5, intake=deps
    )
    qtbot.addWidget(window)
    panel = window.intake
    assert panel is not None
    window.tabs.setCurrentWidget(panel)
    show_active(qtbot, window)
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01")
    attach_scans(panel, tmp_path, ["M01"])
    notice = panel.decision_bar.buttons[Decision.ONE_TIME_NOTICE]
    assert notice.isEnabled() and not panel.decision_bar.buttons[Decision.ACCEPT].isEnabled()
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        notice.click()
    first = panel.last_result
    assert first.state is CaseState.NOTICE_ISSUED
    assert not panel.has_unsaved_work()  # saved: signing out now loses nothing
    [notice_text] = pdf_texts(out_dir)
    flat = squeeze(notice_text)
    for name in ("经营者身份证明", "经营场所使用证明", "有关批准文件"):
        assert name in flat
    assert "个体工商户开业登记申请书" not in flat and ID_NUMBER not in flat

    # The applicant comes back: a fresh screen, and the notice's case number is scanned.
    panel.new_case()
    panel.applicant.name.setFocus()
    target = QApplication.focusWidget()
    assert target is not None
    for char in first.case_number:
        QCoreApplication.postEvent(
            target,
            QKeyEvent(QEvent.Type.KeyPress, _key_of(char), Qt.KeyboardModifier.NoModifier, char),
        )
    QCoreApplication.postEvent(
        target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    )
    qtbot.waitUntil(lambda: panel.checklist.rowCount() == 4, timeout=10_000)
    assert panel.applicant.name.text() == "张伟"  # the scan went to the case, not the field
    assert panel.applicant.id_number.text() == MASKED_ID
    assert panel.applicant.id_number.isReadOnly()
    assert panel.checklist.record("M01").received and panel.checklist.record("M01").scans == 1
    receive(qtbot, panel, "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M02", "M03", "M04"])
    accept = panel.decision_bar.buttons[Decision.ACCEPT]
    assert accept.isEnabled()
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        accept.click()
    second = panel.last_result
    assert second.case_number == first.case_number
    assert (second.state, second.visit) == (CaseState.ACCEPTED, 2)
    assert count(db, IntakeCase) == 1
    receipt = squeeze(pdf_texts(out_dir)[-1])
    assert first.case_number in receipt and "有关批准文件" in receipt
    window.hide()


def _key_of(char: str) -> Qt.Key:
    return Qt.Key(QTest.asciiToKey(ord(char))) if char.isascii() else Qt.Key.Key_unknown


def test_field_problems_read_in_chinese(
    qtbot: QtBot,
    chinese: None,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    form = panel.applicant
    form.id_number.setFocus()
    qtbot.keyClicks(form.id_number, "110105194912310021")
    qtbot.keyClick(form.id_number, Qt.Key.Key_Tab)
    assert form.errors["id_value"].text() == "第 18 位校验码应为 X"
    assert not form.id_number.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert panel.decision_bar.buttons[Decision.DEFERRAL].text() == "容缺受理"


def test_a_refusal_asks_for_its_ground_and_prints_the_relief_rights(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    out_dir: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    refuse = panel.decision_bar.buttons[Decision.REFUSE]
    assert not refuse.isEnabled()
    assert "No ground for refusal" in refuse.toolTip()
    panel.decision_bar.refusal_button.click()
    dialog = panel.decision_bar.refusal_dialog
    assert dialog is not None
    dialog.explanation.setPlainText("燃气经营许可由省住房和城乡建设厅实施")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not refuse.isEnabled()  # outside the remit: the competent agency is still missing
    assert "name the competent agency" in refuse.toolTip()
    panel.decision_bar.refusal_button.click()
    dialog = panel.decision_bar.refusal_dialog
    assert dialog is not None
    dialog.explanation.setPlainText("燃气经营许可由省住房和城乡建设厅实施")
    dialog.agency.setText("吉林省住房和城乡建设厅")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert refuse.isEnabled() and panel.decision_bar.recommended is Decision.REFUSE
    assert not panel.decision_bar.buttons[Decision.ONE_TIME_NOTICE].isEnabled()
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        refuse.click()
    assert panel.last_result.state is CaseState.REFUSED
    text = squeeze(pdf_texts(out_dir)[0])
    assert "吉林省住房和城乡建设厅" in text and "燃气经营许可由省住房和城乡建设厅实施" in text


def test_a_failed_print_keeps_the_decision_and_reprint_sends_it_again(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    out_dir.write_text("a file where the printer's folder should be")  # the printer fails
    panel = make_panel(qtbot, deps, runner, clerk_session)
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01")
    attach_scans(panel, tmp_path, ["M01"])
    with qtbot.waitSignal(panel.paper.print_failed, timeout=10_000):
        panel.decision_bar.buttons[Decision.ONE_TIME_NOTICE].click()
    assert count(db, IntakeCase) == 1
    assert "the decision is saved" in panel.paper.status.text()
    assert panel.paper.reprint_button.isEnabled()
    out_dir.unlink()  # the printer is back
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.paper.reprint_button.click()
    assert "经营者身份证明" in squeeze(pdf_texts(out_dir)[0])
    jobs = deps.papers.printer.jobs(owner=panel.last_result.case_number)
    assert [j.state.value for j in jobs] == ["printed", "failed"]


class DroppingPrinter:
    """A system printer whose jobs break off after they started: nobody knows what came out."""

    format = PayloadFormat.PDF
    name = "a4"

    def __init__(self) -> None:
        self.sent: list[PrintJob] = []

    def send(self, job: PrintJob) -> None:
        self.sent.append(job)
        raise PrintError(FailureReason.INTERRUPTED, "printer a4: the job broke off")


def test_a_paper_the_printer_did_not_confirm_asks_the_clerk_to_look_at_it(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
) -> None:
    dropping = DroppingPrinter()
    settings = PrintingSettings(
        printers=(SystemPrinterConfig(name="a4"),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    printer = PrintService(
        db,
        settings,
        BlobStore(tmp_path / "b", TEST_RING),
        role="window",
        system_printer=lambda _: dropping,
    )
    unsure = dataclasses.replace(deps, papers=dataclasses.replace(deps.papers, printer=printer))
    panel = make_panel(qtbot, unsure, runner, clerk_session)
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01")
    attach_scans(panel, tmp_path, ["M01"])
    panel.decision_bar.buttons[Decision.ONE_TIME_NOTICE].click()
    wait_until(qtbot, panel.paper.check.isVisible)
    assert "the connection to the printer broke off" in panel.paper.check.question.text()
    assert "did the whole paper come out?" in panel.paper.check.question.text()
    assert not panel.paper.reprint_button.isEnabled() and len(dropping.sent) == 1
    case = panel.last_result.case_number
    assert [j.state for j in printer.jobs(owner=case)] == [JobState.UNCONFIRMED]
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.paper.check.printed_button.click()
    assert not panel.paper.check.isVisible() and len(dropping.sent) == 1
    assert [j.state for j in printer.jobs(owner=case)] == [JobState.PRINTED]
    [check] = [e for e in AuditService(db).entries(0, 2**62) if e.action == "doc.print_check"]
    assert (check.actor_id, check.target) == (clerk_session.user.user_id, case)


def test_signing_out_with_unsaved_intake_work_asks_first(
    qtbot: QtBot,
    queue: QueueService,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
    auth: AuthService,
) -> None:
    window = ClerkWindow(
        queue, runner, clerk_session, watcher, auth=auth, idle_lock_minutes=5, intake=deps
    )
    qtbot.addWidget(window)
    panel = window.intake
    assert panel is not None
    window.tabs.setCurrentWidget(panel)
    show_active(qtbot, window)
    signed_out: list[bool] = []
    window.signed_out.connect(lambda: signed_out.append(True))
    window.request_sign_out()  # nothing typed: no question
    assert signed_out == [True] and window.sign_out_question is None

    fill_applicant(qtbot, panel)
    assert panel.has_unsaved_work()
    window.request_sign_out()
    box = window.sign_out_question
    assert box is not None and box.isVisible()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc keeps the work
    assert signed_out == [True] and panel.applicant.name.text() == "张伟"

    window.request_sign_out()
    box = window.sign_out_question
    assert box is not None
    box.button(QMessageBox.StandardButton.Discard).click()
    assert signed_out == [True, True]

    panel.new_case()  # a cleared form holds nothing to lose
    assert not panel.has_unsaved_work()
