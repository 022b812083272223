"""A promise into a year no calendar knows, on the real screens (both databases): the clerk is
warned before the receipt prints (in English and in Chinese), the receipt promises working days
instead of a date, and the supervisor's alerts list the case with the year it waits for."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import AlertKind
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import CaseState, CaseSummary
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.printing import literals as samples
from tests.results.conftest import draft
from tests.ui.helpers import alert_at
from ui.intake.lookup_dialog import promise_text
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.supervisor.figures_panel import FiguresDeps, FiguresPanel
from ui.tasks import TaskRunner

from .intake_fixtures import pdf_texts, squeeze
from .test_intake_flow import attach_scans, fill_applicant, make_panel, pick_item, receive

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
LAST_WEEK = dt.datetime(2026, 12, 30, 10, 0, tzinfo=SHANGHAI)  # 3 working days: into 2027


def _ready_to_accept(
    qtbot: QtBot, deps: IntakeDeps, runner: TaskRunner, session: ClerkSession, tmp_path: Path
) -> IntakePanel:
    panel = make_panel(qtbot, deps, runner, session)
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    return panel


def test_the_clerk_is_warned_before_a_receipt_without_a_date_prints(
    qtbot: QtBot,
    clock: FixedClock,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    clock.set(LAST_WEEK)
    panel = _ready_to_accept(qtbot, deps, runner, clerk_session, tmp_path)
    bar = panel.decision_bar
    accept = bar.buttons[Decision.ACCEPT]
    assert accept.isEnabled()
    assert bar.warnings.isVisibleTo(panel)
    warning = bar.warnings.text()
    assert "2027" in warning and "within 3 working days of acceptance" in warning
    assert "2027" in accept.toolTip()
    assert pdf_texts(out_dir) == []  # warned before anything is printed

    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        accept.click()
    assert panel.last_result.promised_due is None
    [receipt] = pdf_texts(out_dir)
    flat = squeeze(receipt)
    assert "自受理之日起3个工作日内作出决定" in flat
    assert "2026年12月30日前" not in flat and "2027年" not in flat
    assert not bar.warnings.isVisibleTo(panel)  # the next case starts without it


@pytest.mark.usefixtures("chinese")
def test_the_warning_is_in_chinese_for_a_chinese_counter(
    qtbot: QtBot,
    clock: FixedClock,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
) -> None:
    clock.set(LAST_WEEK)
    panel = _ready_to_accept(qtbot, deps, runner, clerk_session, tmp_path)
    warning = panel.decision_bar.warnings.text()
    assert "2027年" in warning and "自受理之日起3个工作日内" in warning


def test_the_supervisor_sees_the_cases_waiting_for_next_years_calendar(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    deps: IntakeDeps,
    runner: TaskRunner,
) -> None:
    clock.set(LAST_WEEK)
    clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
    case = deps.papers.intake.decide(draft(), Decision.ACCEPT, clerk, window=3)
    supervisor = AuthService(db).authenticate("supervisor", "supervisor-demo")
    figures = FiguresService(db, hall_code="CC01", calendar=shipped_calendar(), clock=clock)
    panel = FiguresPanel(FiguresDeps(figures, None, samples.BRANDING), runner, supervisor)
    qtbot.addWidget(panel)
    panel.refresh()
    model = panel.alerts_model
    assert model.rowCount() == 2  # the cause first: 2027's arrangement is missing (December)
    assert alert_at(model, 0).kind is AlertKind.CALENDAR_MISSING
    row = [model.data(model.index(1, c)) for c in range(4)]
    assert row == [
        "Promised date waits for the holiday calendar",
        case.case_number,
        "个体工商户注册登记",
        "Unknown: load the 2027 holiday calendar",
    ]
    assert alert_at(model, 1).kind is AlertKind.PROMISE_WAITING
    assert panel.waiting.isVisibleTo(panel)
    assert "1 case" in panel.waiting.text() and "2027" in panel.waiting.text()


def test_the_case_view_states_the_promise_in_working_days_while_its_year_is_unknown() -> None:
    summary = CaseSummary(
        1, "CC01-W03-20261230-0001", CaseState.ACCEPTED, "X", "事项", "item", "张三", "1****", 1,
        None, 0, 0, promised_days=3, due_waits_year=2027,
    )  # fmt: skip
    assert promise_text(summary) == (
        "within 3 working days of acceptance (the 2027 holiday calendar is not loaded)"
    )
    dated = dataclasses.replace(summary, promised_due=dt.date(2027, 1, 5), due_waits_year=None)
    assert promise_text(dated) == "2027-01-05"
    assert promise_text(dataclasses.replace(summary, promised_days=None)) == "—"
