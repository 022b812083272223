"""The supervisor dashboard around a real queue on both databases."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QItemSelectionModel
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.authz import HostOperator
from clerk_app.accounts.roles import Role
from clerk_app.accounts.users import UserAdmin
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.queue import WindowState
from clerk_app.queue.alerts import AlertKind, AlertThresholds
from clerk_app.queue.oversight import Oversight
from clerk_app.queue.service import QueueService
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from clerk_app.queue.types import PriorityClass
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.conftest import START
from ui.supervisor.dashboard import ERROR_STYLE, SupervisorDashboard
from ui.supervisor.models import S_WAITING, W_STATE, W_TICKET
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

START_MINUS_WEEK = START - dt.timedelta(days=7)


@pytest.fixture
def supervisor(auth: AuthService) -> Supervisor:
    user = next(u for u in auth.list_users() if u.username == "supervisor")
    return Supervisor(user.user_id, user.display_name)


@pytest.fixture
def sounds() -> list[str]:
    return []


@pytest.fixture
def dashboard(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    watcher: HallWatcher,
    supervisor: Supervisor,
    sounds: list[str],
) -> SupervisorDashboard:
    widget = SupervisorDashboard(
        Oversight(queue),
        SupervisorDesk(queue, supervisor),
        queue,
        runner,
        watcher,
        AlertThresholds(pause_min=10, crowd=3),
        alert_sound=lambda: sounds.append("beep"),
    )
    widget.resize(1600, 1000)
    qtbot.addWidget(widget)
    return widget


def select_window(dashboard: SupervisorDashboard, number: int) -> None:
    row = next(
        r
        for r in range(dashboard.windows.rowCount())
        if dashboard.windows.row_value(r).number == number
    )
    dashboard.window_view.selectionModel().select(
        dashboard.windows.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_the_tables_follow_the_hall(dashboard: SupervisorDashboard, queue: QueueService) -> None:
    assert dashboard.windows.rowCount() == 8
    assert dashboard.services.rowCount() == 6
    queue.open_window(1, user_id=1)
    queue.issue("BIZ")
    queue.issue("BIZ")
    queue.call_next(1, user_id=1)
    dashboard.refresh()
    assert dashboard.windows.index(0, W_STATE).data() == "Calling"
    assert dashboard.windows.index(0, W_TICKET).data() == "A001"
    assert dashboard.services.index(0, S_WAITING).data() == "1"


def test_window_actions_open_close_and_change_services(
    dashboard: SupervisorDashboard, queue: QueueService
) -> None:
    select_window(dashboard, 7)
    dashboard.open_button.click()
    assert next(w for w in queue.status().windows if w.number == 7).state is WindowState.OPEN
    select_window(dashboard, 7)
    dashboard.set_window_services(7, ["PICKUP"])
    assert next(w for w in queue.status().windows if w.number == 7).service_codes == ("PICKUP",)
    select_window(dashboard, 7)
    dashboard.close_button.click()
    assert next(w for w in queue.status().windows if w.number == 7).state is WindowState.CLOSED


def test_a_window_action_without_a_selection_asks_for_one(dashboard: SupervisorDashboard) -> None:
    dashboard.window_view.clearSelection()
    dashboard.close_button.click()
    assert dashboard.status_line.text() == "Select a window first."


def test_ticket_actions_prioritise_transfer_and_cancel(
    dashboard: SupervisorDashboard, queue: QueueService
) -> None:
    queue.issue("BIZ")
    queue.issue("BIZ")
    dashboard.ticket_number.setText("a002")
    dashboard.prioritise_button.click()
    assert dashboard.status_line.text() == "A002 moved to the priority class."
    dashboard.transfer_to("A001", "SOCIAL", None)
    dashboard.ticket_number.setText("A002")
    dashboard.cancel_button.click()
    queue.open_window(1)
    called = queue.call_next(1)
    assert called is not None
    assert (called.number, called.service_code) == ("A001", "SOCIAL")
    assert called.priority_class is PriorityClass.NORMAL
    cancelled = Oversight(queue).supervisor_actions(queue.rules.day(queue.now_ms()))
    assert [a.kind for a in cancelled] == ["prioritise", "transfer", "cancel"]
    assert {a.supervisor for a in cancelled} == {"大厅值班长"}


def test_a_refused_action_is_explained(dashboard: SupervisorDashboard) -> None:
    dashboard.ticket_number.setText("Z999")
    dashboard.cancel_button.click()
    assert dashboard.status_line.text() == "There is no ticket with this number today."


def test_a_supervisor_demoted_meanwhile_sees_the_refusal_and_nothing_changes(
    dashboard: SupervisorDashboard, queue: QueueService, auth: AuthService, db: Database
) -> None:
    """The role is read at each action: the dashboard of a supervisor made a clerk while it
    was open shows the service's refusal as a message, audited, the ticket as it was."""
    number = queue.issue("BIZ").ticket.number
    UserAdmin(db, auth).change_role("supervisor", Role.CLERK, by=HostOperator("admin-desk"))
    dashboard.ticket_number.setText(number)
    dashboard.cancel_button.click()
    assert dashboard.status_line.text() == "Only a supervisor or administrator may do this."
    assert dashboard.status_line.styleSheet() == ERROR_STYLE
    day = queue.rules.day(queue.now_ms())
    assert Oversight(queue).supervisor_actions(day) == []
    denied = [e for e in AuditService(db).entries(0, 2**62) if e.action == "auth.access_denied"]
    assert [(e.actor, e.outcome) for e in denied] == [("大厅值班长", "denied")]
    waiting = next(s for s in queue.status().services if s.code == "BIZ")
    assert waiting.waiting == 1


def test_alerts_raise_with_a_sound_and_clear_themselves(
    dashboard: SupervisorDashboard, queue: QueueService, clock: FixedClock, sounds: list[str]
) -> None:
    for _ in range(4):
        queue.issue("PICKUP")
    dashboard.refresh()
    kinds = {(a.kind, a.subject) for a in dashboard.alerts.alerts()}
    assert kinds == {(AlertKind.UNSERVED, "PICKUP"), (AlertKind.CROWDED, "PICKUP")}
    assert sounds == ["beep"]
    dashboard.refresh()
    assert sounds == ["beep"]  # the same alerts sound once
    queue.open_window(8)
    for _ in range(4):
        assert queue.call_next(8) is not None
        queue.skip(8)
    dashboard.refresh()
    assert dashboard.alerts.alerts() == ()
    queue.pause_window(8, "meeting")
    clock.advance(minutes=11)
    dashboard.refresh()
    assert [(a.kind, a.subject) for a in dashboard.alerts.alerts()] == [(AlertKind.LONG_PAUSE, "8")]
    assert dashboard.windows.flagged_windows == {8}
    queue.open_window(8)
    dashboard.refresh()
    assert dashboard.alerts.alerts() == ()


def test_charts_show_today_and_last_week(
    dashboard: SupervisorDashboard, queue: QueueService
) -> None:
    week_ago = FixedClock(START_MINUS_WEEK)
    QueueService(queue.db, clock=week_ago).issue("BIZ")
    queue.issue("BIZ")
    queue.issue("BIZ")
    dashboard.tabs.setCurrentIndex(1)
    today, last_week = dashboard.arrivals_chart.today, dashboard.arrivals_chart.last_week
    assert today is not None
    assert last_week is not None
    assert today.hours[9].arrivals == 2
    assert last_week.hours[9].arrivals == 1
    assert dashboard.arrivals_chart.peak() == 2
    assert dashboard.wait_chart.grab().width() > 0


def test_export_csv_and_xlsx(
    dashboard: SupervisorDashboard, queue: QueueService, supervisor: Supervisor, tmp_path: Path
) -> None:
    queue.issue("BIZ")
    day = queue.rules.day(queue.now_ms())
    dashboard.date_from.setDate(QDate(day.year, day.month, day.day))
    dashboard.date_to.setDate(QDate(day.year, day.month, day.day))
    dashboard.export(tmp_path / "stats.csv", "csv")
    dashboard.export(tmp_path / "stats.xlsx", "xlsx")
    with (tmp_path / "stats.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert ["service", "BIZ", "1", "0", "0", "0", "", "", "", ""] in rows
    sheet = openpyxl.load_workbook(tmp_path / "stats.xlsx").active
    assert sheet is not None
    assert [c.value for c in sheet[3]][:3] == ["service", "BIZ", 1]
    assert "Statistics saved to" in dashboard.status_line.text()
    exports = [
        (e.actor_id, e.target_kind, e.target)
        for e in AuditService(queue.db).entries(0, 2**62)
        if e.action == AuditAction.EXPORT.value
    ]
    assert exports == [
        (supervisor.user_id, "queue statistics", "stats.csv"),
        (supervisor.user_id, "queue statistics", "stats.xlsx"),
    ]


def test_the_daily_report_pdf_has_the_days_figures(
    dashboard: SupervisorDashboard, queue: QueueService, clock: FixedClock, tmp_path: Path
) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.issue("PERMIT")
    clock.advance(minutes=12)
    queue.call_next(1)
    queue.start(1)
    clock.advance(minutes=5)
    queue.finish(1)
    day = queue.rules.day(queue.now_ms())
    dashboard.date_to.setDate(QDate(day.year, day.month, day.day))
    dashboard.export(tmp_path / "daily.pdf", "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "daily.pdf").pages)
    assert queue.rules.name_zh in text
    assert day.isoformat() in text or f"{day.year}年{day.month}月{day.day}日" in text
    assert "企业开办" in text and "合计" in text
    assert "Daily report saved to" in dashboard.status_line.text()
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.allow_log_warnings
def test_an_export_to_a_bad_place_says_so(dashboard: SupervisorDashboard, tmp_path: Path) -> None:
    dashboard.export(tmp_path / "missing-folder" / "stats.csv", "csv")
    assert dashboard.status_line.text().startswith("The statistics could not be saved")
    assert not (tmp_path / "missing-folder").exists()
