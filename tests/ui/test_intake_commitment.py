"""告知承诺 at the counter on both databases: the clerk ticks "committed" where the catalogue
allows it, the decision bar says so, and accepting prints the receipt and the commitment
letter; the post-check alert reads as such on the supervisor's screen."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.db.intake_models import IntakeCase
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import Alert, AlertKind
from clerk_app.intake.checklist import MaterialRecord, MaterialStatus
from clerk_app.intake.post_check import PostCheckOutcome, PostCheckService
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import requirements_of
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    CaseState,
    IdType,
    PageRef,
)
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.documents import HallBranding
from tests.ui.helpers import alert_at
from ui.intake import checklist_edits as ce
from ui.intake.panel import IntakeDeps
from ui.login import ClerkSession
from ui.supervisor.figures_models import DeadlineAlertsModel
from ui.supervisor.figures_panel import FiguresDeps, FiguresPanel
from ui.tasks import TaskRunner

from .intake_fixtures import ID_NUMBER, pdf_texts, squeeze
from .test_intake_flow import attach_scans, fill_applicant, make_panel, tick

FOOD = "22010001000600000006"  # 食品经营许可证（销售类）登记 v2: M03 M05 M06 committable
COMMITTED = ("M03", "M05", "M06")
HANDED_IN = ("M01", "M02", "M04", "M07")


def test_committed_materials_accept_the_case_and_print_the_letter(
    qtbot: QtBot,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    fill_applicant(qtbot, panel)
    panel.picker.choose(FOOD)
    qtbot.waitUntil(lambda: panel.checklist.rowCount() == 8, timeout=10_000)
    model = panel.checklist
    # Only the materials the catalogue lets a commitment stand in for can be ticked.
    for req in model.requirements:
        flags = model.flags(model.index(model.row_of(req.key), ce.COMMITTED))
        assert bool(flags & Qt.ItemFlag.ItemIsUserCheckable) == (req.key in COMMITTED)
    for key in HANDED_IN:
        tick(qtbot, panel, key, ce.RECEIVED)
        if model.requirements[model.row_of(key)].original_check:
            tick(qtbot, panel, key, ce.ORIGINAL)
    attach_scans(panel, tmp_path, list(HANDED_IN))
    accept = panel.decision_bar.buttons[Decision.ACCEPT]
    assert not accept.isEnabled()  # M03 M05 M06 neither handed in nor committed to
    for key in COMMITTED:
        tick(qtbot, panel, key, ce.COMMITTED)
        assert model.record(key).committed
    assert accept.isEnabled() and panel.decision_bar.recommended is Decision.ACCEPT
    assert "Notify-and-commit: 3 material(s)" in panel.decision_bar.reasons.text()
    assert "replaced by the applicant's signed commitment" in (
        model.index(model.row_of("M03"), ce.MATERIAL).data(Qt.ItemDataRole.ToolTipRole) or ""
    )
    # Ticking "received" on a committed material clears the commitment (one or the other).
    tick(qtbot, panel, "M03", ce.RECEIVED)
    assert not model.record("M03").committed
    tick(qtbot, panel, "M03", ce.COMMITTED)
    assert not model.record("M03").received

    with qtbot.waitSignals([panel.paper.printed, panel.paper.printed], timeout=10_000):
        accept.click()
    result = panel.last_result
    assert result.state is CaseState.ACCEPTED
    assert {m.key for m in result.assessment.materials if m.status is MaterialStatus.COMMITTED} == (
        set(COMMITTED)
    )
    receipt, letter = (squeeze(t) for t in pdf_texts(out_dir))
    assert "受理通知书" in receipt
    assert "告知承诺书" in letter and result.case_number in letter
    assert "自受理之日起20个工作日内（2026年12月22日前）" in letter
    assert "申请人（签字或盖章）" in letter


def test_the_alerts_table_names_post_checks_and_shows_no_guessed_date(qtbot: QtBot) -> None:
    model = DeadlineAlertsModel()
    model.set_alerts(
        [
            Alert(
                AlertKind.POST_CHECK_DUE,
                "CC01-W03-20261124-0001",
                "食品经营许可",
                dt.date(2026, 12, 22),
                1,
            ),
            Alert(
                AlertKind.POST_CHECK_UNDATED,
                "CC01-W03-20261210-0001",
                "食品经营许可",
                None,
                None,
                2027,
            ),
        ]
    )
    due = [model.index(0, c).data() for c in range(4)]
    undated = [model.index(1, c).data() for c in range(4)]
    assert due[0] == "Notify-and-commit: post-check due" and due[3] == "2026-12-22"
    assert re.search("waits for the holiday calendar", undated[0])
    assert undated[3] == "Unknown: load the 2027 holiday calendar"  # never a guessed date


def test_the_supervisor_records_a_post_check_from_the_alerts(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clock: FixedClock,
) -> None:
    auth = AuthService(db)
    clerk = auth.authenticate("clerk3", "clerk3-demo")
    supervisor = auth.authenticate("supervisor", "supervisor-demo")
    intake = deps.papers.intake
    item = intake.item(FOOD)
    records = {
        r.key: MaterialRecord(committed=True)
        if r.key in COMMITTED
        else MaterialRecord(received=True, original_checked=True, copies=9)
        for r in requirements_of(item, "01")
        if r.key in COMMITTED or r.key in HANDED_IN
    }
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(HANDED_IN, start=1)
    )
    applicant = ApplicantInput(ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, ID_NUMBER)
    case = intake.decide(
        CaseDraft(applicant, FOOD, "01", records, pages), Decision.ACCEPT, clerk, 3
    )
    clock.set(dt.datetime(2026, 12, 21, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    figures = FiguresService(db, hall_code="CC01", calendar=shipped_calendar(), clock=clock)
    panel = FiguresPanel(
        FiguresDeps(figures, None, HallBranding(), PostCheckService(db, clock)), runner, supervisor
    )
    qtbot.addWidget(panel)
    panel.refresh()
    kinds = [alert_at(panel.alerts_model, r).kind for r in range(panel.alerts_model.rowCount())]
    row = kinds.index(AlertKind.POST_CHECK_DUE)
    panel.alerts.selectRow(row)
    panel.check_outcome.setCurrentIndex(panel.check_outcome.findData(PostCheckOutcome.VERIFIED))
    panel.check_button.click()
    assert panel.status.text() == f"Post-check of case {case.case_number} recorded."
    remaining = [alert_at(panel.alerts_model, r).kind for r in range(panel.alerts_model.rowCount())]
    assert AlertKind.POST_CHECK_DUE not in remaining
    with db.read() as session:
        saved = session.scalars(select(IntakeCase)).one()
        assert (saved.post_check_outcome, saved.post_check_done_ms is not None) == (
            "verified",
            True,
        )
    panel.alerts.clearSelection()
    panel.check_button.click()
    assert panel.status.text() == "Choose a notify-and-commit post-check alert first."
