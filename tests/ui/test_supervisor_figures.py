"""The supervisor's figures tab around the real figures and ratings services on both databases:
the measures per day / clerk, the deadline alerts and overdue follow-ups (closed from the tab),
the daily and monthly report PDF and the XLSX export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.demo import DEMO_BRANDING
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import AlertKind, Dimension, Period
from clerk_app.intake.service import IntakeService
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.settings import Settings
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.printing.helpers import pdf_text
from tests.results.conftest import (  # noqa: F401 - fixtures
    FakeSync,
    audit,
    clerk,
    intake,
    pad,
    supervisor,
    sync,
)
from tests.results.test_figures import DAY, _busy_day, figures  # noqa: F401 - fixtures
from tests.ui.helpers import alert_at, cell
from ui.supervisor import figures_models
from ui.supervisor.figures_panel import FiguresDeps, FiguresPanel
from ui.supervisor.main_window import supervisor_window
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def ratings(db: Database, protector: PersonalDataCipher, clock: FixedClock) -> RatingService:
    return RatingService(db, protector, hall_code="CC01", calendar=shipped_calendar(), clock=clock)


@pytest.fixture
def panel(
    qtbot: QtBot,
    db: Database,
    figures: FiguresService,  # noqa: F811
    ratings: RatingService,
    runner: TaskRunner,
    supervisor: UserInfo,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    pad: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
    clock: FixedClock,
    protector: PersonalDataCipher,
    queue: QueueService,
) -> FiguresPanel:
    """A busy Tuesday (see tests/results/test_figures.py), looked at on that Tuesday."""
    _busy_day(db, intake, clerk, pad, sync, clock, protector, queue)
    widget = FiguresPanel(FiguresDeps(figures, ratings, DEMO_BRANDING), runner, supervisor)
    qtbot.addWidget(widget)
    widget.date_from.setDate(widget.date_from.date().fromString("2026-11-24", "yyyy-MM-dd"))
    widget.date_to.setDate(widget.date_to.date().fromString("2026-11-24", "yyyy-MM-dd"))
    return widget


def _cell(panel: FiguresPanel, row: int, column: int) -> str:
    return str(panel.model.data(panel.model.index(row, column)))


def test_the_days_figures_per_hall_and_per_clerk(
    panel: FiguresPanel,
    figures: FiguresService,  # noqa: F811
) -> None:
    panel.refresh()
    totals = figures.figures(DAY, DAY).totals
    assert panel.model.rowCount() == 2  # the day, and the totals
    assert _cell(panel, 0, figures_models.PERIOD) == "2026-11-24"
    assert _cell(panel, 0, figures_models.ACCEPTED) == str(totals.accepted) == "3"
    assert _cell(panel, 0, figures_models.NOTICES) == "1"
    assert _cell(panel, 0, figures_models.SATISFIED) == "100%"  # overall 5 and 4
    assert "of 43" in panel.share.text()
    panel.dimension.setCurrentIndex(panel.dimension.findData(Dimension.CLERK))
    panel.period.setCurrentIndex(panel.period.findData(Period.MONTH))
    panel.refresh()
    assert _cell(panel, 0, figures_models.KEY) == "窗口3办事员"
    assert _cell(panel, 0, figures_models.PERIOD) == "2026-11"
    panel.date_to.setDate(panel.date_to.date().addDays(-1))
    panel.refresh()
    assert panel.status.text() == "The period ends before it starts."


def test_overdue_follow_ups_show_as_alerts_and_are_closed_from_the_tab(
    panel: FiguresPanel,
    clock: FixedClock,
    ratings: RatingService,
) -> None:
    clock.set(dt.datetime(2026, 12, 3, 9, 0, tzinfo=SHANGHAI))  # past the 5 working days
    panel.refresh()
    kinds = [alert_at(panel.alerts_model, r).kind for r in range(panel.alerts_model.rowCount())]
    assert AlertKind.FOLLOW_UP_OVERDUE in kinds
    assert panel.follow_ups.rowCount() == 1
    assert cell(panel.follow_ups, 0, 3).text() == "4"  # overall 4, attitude 2
    # The reasons the applicant ticked, in the pad's order, then their words.
    assert cell(panel.follow_ups, 0, 5).text() == "Long wait, Unfriendly attitude: “等了一个多小时”"
    assert cell(panel.follow_ups, 0, 0).toolTip() == "Overdue"
    panel.close_selected()
    assert panel.status.text() == "Choose a follow-up first."
    panel.follow_ups.selectRow(0)
    panel.note.setText("已电话回访致歉")
    panel.close_selected()
    assert panel.status.text() == "Follow-up of the rating at window 3 closed."
    assert panel.follow_ups.rowCount() == 0
    assert ratings.follow_ups() == []
    [closed] = ratings.follow_ups(open_only=False)
    assert closed.note == "已电话回访致歉"
    assert AlertKind.FOLLOW_UP_OVERDUE not in {
        alert_at(panel.alerts_model, r).kind for r in range(panel.alerts_model.rowCount())
    }


def test_reports_and_the_workbook_are_saved_from_the_tab(
    panel: FiguresPanel, tmp_path: Path
) -> None:
    daily, monthly, book = tmp_path / "d.pdf", tmp_path / "m.pdf", tmp_path / "f.xlsx"
    panel.export(daily, "pdf-day")
    assert panel.status.text() == f"Saved to {daily}."
    assert "日报" in pdf_text(daily.read_bytes())
    panel.export(monthly, "pdf-month")
    text = pdf_text(monthly.read_bytes())
    assert "月报" in text and "2026年11月" in text
    panel.export(book, "xlsx")
    sheet = load_workbook(book)["figures"]
    assert sheet.cell(3, 1).value == "2026-11-24"
    panel.export(tmp_path / "missing" / "x.pdf", "pdf-day")
    assert panel.status.text().startswith("The file could not be saved")


def test_the_supervisor_window_has_a_figures_tab_that_reads_on_opening(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    watcher: HallWatcher,
    supervisor: UserInfo,  # noqa: F811
    figures: FiguresService,  # noqa: F811
    ratings: RatingService,
) -> None:
    deps = FiguresDeps(figures, ratings, DEMO_BRANDING)
    window = supervisor_window(queue, runner, watcher, supervisor, Settings(), deps)
    qtbot.addWidget(window)
    assert window.figures is not None
    assert window.tabs.tabText(1) == "&Figures and ratings"
    window.tabs.setCurrentWidget(window.figures)
    assert window.figures.model.rowCount() >= 1  # at least the totals
    assert window.figures.share.text().startswith("Items in")
