"""A failed e-licence verification on screen, driven by a real one: a number typed at intake
(待核验) that the real central server's registry does not confirm on the next sync (through the
fault proxy of tests/sync, both databases). The clerk sees it on the sync indicator and in the
sync panel's E-licences tab (case, material, holder masked, why) and opens the case from there;
the supervisor sees it on the dashboard, with the alert sound, and acknowledges it (audited);
a clerk cannot."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.checklist import MaterialRecord, MaterialStatus
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperSettings
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType
from clerk_app.licences.checks import LicenceFailures
from clerk_app.printjobs.service import PrintService
from clerk_app.queue.alerts import AlertThresholds
from clerk_app.queue.oversight import Oversight
from clerk_app.queue.service import QueueService
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from clerk_app.scans.store import PageIntake
from clerk_app.settings import PrintingSettings
from clerk_app.sync.status import SyncMonitor
from printing.config import FilePrinterConfig, PrintRoutes
from tests.central_server.conftest import central_templates  # noqa: F401 - fixture
from tests.sync.conftest import World, any_world  # noqa: F401 - fixture
from tests.sync.test_licences import (
    GOT,
    HOLDER,
    ITEM,
    SITUATION,
    _accept,
    _id_card,
    _import,
    _intake,
)
from ui.clerk.main_window import ClerkWindow
from ui.intake.panel import IntakeDeps
from ui.intake.paper_bar import PaperSources
from ui.login import ClerkSession
from ui.supervisor.dashboard import SupervisorDashboard
from ui.sync.controller import SyncController
from ui.sync.licence_failures import L_CASE, L_HOLDER, L_LICENCE, L_MATERIAL, L_REASON
from ui.sync.status_bar import SyncStatusBar
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

pytestmark = [
    pytest.mark.qt_log_ignore(
        "This plugin does not support propagateSizeHints", "This plugin does not support raise"
    ),
    pytest.mark.allow_log_warnings,  # the failed verification is logged as a warning (no ID)
]


def _user(w: World, name: str) -> UserInfo:
    return next(u for u in AuthService(w.db).list_users() if u.username == name)


def _failed_case(w: World, tmp_path: Path) -> str:
    """A case whose typed resident ID number the registry holds revoked, synced."""
    _import(w, tmp_path, _id_card(revoked=True))
    case = _accept(w, MaterialRecord(elicence_number=HOLDER))
    report = w.sync()
    assert report.ok and report.licences_failed == 1, report
    return case


@pytest.fixture
def controller(any_world: World, runner: TaskRunner) -> Iterator[SyncController]:  # noqa: F811
    engine = any_world.engine()
    hall_id = QueueService(any_world.db).rules.hall_id
    ctl = SyncController(engine, SyncMonitor(any_world.db, hall_id=hall_id), runner)
    yield ctl
    ctl.shutdown()
    engine.close()


def test_the_clerk_sees_the_failure_and_opens_the_case(
    qtbot: QtBot,
    any_world: World,  # noqa: F811
    controller: SyncController,
    tmp_path: Path,
) -> None:
    case = _failed_case(any_world, tmp_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = SyncStatusBar(window, controller, _user(any_world, "clerk3"))
    controller.refresh()
    assert "1 e-licences not confirmed" in bar.indicator.text()
    panel = bar.open_panel()
    assert panel.tabs.tabText(3) == "&E-licences not confirmed (1)"
    model = panel.licence_model
    assert model.rowCount() == 1
    cells = [model.index(0, c).data() for c in (L_CASE, L_MATERIAL, L_LICENCE, L_HOLDER)]
    # An ID card's licence number is the holder's ID: masked like the holder.
    assert cells == [
        case,
        "M02 Operator's proof of identity",
        "440524********0014",
        "440524********0014",
    ]
    assert model.index(0, L_REASON).data() == "revoked by its issuer"
    assert HOLDER not in json.dumps([model.index(0, c).data() for c in range(6)])
    panel.tabs.setCurrentIndex(3)
    with qtbot.waitSignal(bar.open_case_requested) as opened:
        panel.open_case_button.click()
    assert opened.args == [case]


def _noticed_case(w: World, tmp_path: Path) -> str:
    """A one-time notice (M01 missing) with a typed number the registry holds revoked, synced:
    the case takes another visit."""
    _import(w, tmp_path, _id_card(revoked=True))
    clerk = AuthService(w.db).authenticate("clerk3", "clerk3-demo")
    applicant = ApplicantInput(ApplicantKind.PERSON, "李四", IdType.RESIDENT_ID, HOLDER)
    records = {"M02": MaterialRecord(elicence_number=HOLDER), "M03": GOT, "M04": GOT}
    draft = CaseDraft(applicant, ITEM, SITUATION, records)
    case = _intake(w).decide(draft, Decision.ONE_TIME_NOTICE, clerk, window=3).case_number
    assert w.sync().licences_failed == 1
    return case


@pytest.mark.parametrize("continued", [True, False], ids=["notice", "accepted"])
def test_open_case_shows_it_and_continues_one_that_takes_a_visit(
    qtbot: QtBot,
    any_world: World,  # noqa: F811
    controller: SyncController,
    runner: TaskRunner,
    tmp_path: Path,
    continued: bool,
) -> None:
    """The clerk's window as the app wires it (ui.flow): Open case in the sync panel shows the
    case's detail; a case with a notice is continued from there on the Intake tab, the
    material no longer replaced; an accepted one is not continued (it is followed up)."""
    w = any_world
    case = _noticed_case(w, tmp_path) if continued else _failed_case(w, tmp_path)
    queue = QueueService(w.db, clock=w.clock)
    clerk = _user(w, "clerk3")
    window = ClerkWindow(
        queue,
        runner,
        ClerkSession(clerk, 3),
        HallWatcher(w.db, queue.rules.hall_id),  # not started: nothing here waits on it
        auth=AuthService(w.db),
        idle_lock_minutes=10,
        intake=_intake_deps(w, tmp_path),
    )
    qtbot.addWidget(window)
    bar = SyncStatusBar(window, controller, clerk)
    bar.open_case_requested.connect(window.show_case)  # as ui.flow attaches it
    panel = bar.open_panel()
    panel.licence_view.doubleClicked.emit(panel.licence_model.index(0, L_CASE))
    found = window.lookup_dialog
    assert found is not None and found.detail_dialog is not None
    detail = found.detail_dialog
    assert case in detail.windowTitle()
    assert detail.continue_button.isEnabled() is continued
    if not continued:
        return
    detail.continue_button.click()
    intake = window.intake
    assert intake is not None and window.tabs.currentWidget() is intake
    assert case in intake.case_label.text()
    assert intake.checklist.record("M02").elicence_check == "failed"
    assert intake.assessment is not None
    m02 = next(m for m in intake.assessment.materials if m.key == "M02")
    assert m02.status is MaterialStatus.MISSING


def _intake_deps(w: World, tmp_path: Path) -> IntakeDeps:
    catalogue = CatalogueService(w.db)
    intake = IntakeService(
        w.db,
        catalogue,
        w.cipher,
        hall_code="CC01",
        calendar=shipped_calendar(),
        clock=w.clock,
        branding=DEMO_BRANDING,
    )
    settings = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(tmp_path / "printed")),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    printer = PrintService(w.db, settings, w.store, role="window", clock=w.clock)
    papers = PaperSources(
        intake, CaseLookup(w.db, w.cipher, hall_code="CC01"), printer, PaperSettings(DEMO_BRANDING)
    )
    return IntakeDeps(papers=papers, catalogue=catalogue, pages=PageIntake(w.store))


def test_the_supervisor_is_alerted_and_acknowledges(
    qtbot: QtBot,
    any_world: World,  # noqa: F811
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    w = any_world
    case = _failed_case(w, tmp_path)
    queue = QueueService(w.db, clock=w.clock)
    boss, clerk = _user(w, "supervisor"), _user(w, "clerk3")
    failures = LicenceFailures(
        w.db, AuditService(w.db, w.clock), w.clock, hall_id=queue.rules.hall_id
    )
    sounds: list[str] = []

    def dashboard(user: UserInfo) -> SupervisorDashboard:
        widget = SupervisorDashboard(
            Oversight(queue),
            SupervisorDesk(queue, Supervisor(user.user_id, user.display_name)),
            queue,
            runner,
            HallWatcher(w.db, queue.rules.hall_id),  # not started: refreshed by hand
            AlertThresholds(),
            alert_sound=lambda: sounds.append("beep"),
            licences=(failures, user),
        )
        qtbot.addWidget(widget)
        return widget

    # A clerk's hands cannot clear it (an admin's dashboard with a clerk signed in).
    wrong = dashboard(clerk)
    wrong.licence_view.selectRow(0)
    wrong.acknowledge_selected()
    assert [f.case_number for f in failures.failures()] == [case]
    assert wrong.status_line.text() == "Only a supervisor can acknowledge it."

    board = dashboard(boss)
    assert sounds and board.licence_failures.rowCount() == 1
    assert board.licence_label.text().endswith("(1)")
    assert board.licence_failures.index(0, L_CASE).data() == case
    board.licence_view.selectRow(0)
    board.acknowledge_button.click()
    assert failures.failures() == []
    assert board.licence_failures.rowCount() == 0  # the dashboard read again
    assert not board.acknowledge_button.isEnabled()
    acks = [
        (e.actor_id, e.target, json.loads(e.detail))
        for e in AuditService(w.db).entries(0, 2**62)
        if e.action == "licence.failed" and json.loads(e.detail).get("acknowledged")
    ]
    assert len(acks) == 1 and acks[0][:2] == (boss.user_id, case)
    board.refresh()
    assert board.licence_failures.rowCount() == 0  # acknowledged once, gone for good
