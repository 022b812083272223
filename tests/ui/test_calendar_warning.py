"""The supervisor's figures tab, on a real panel over the real services (both databases):
from 1 November the deadline alerts carry the warning that next year's holiday calendar is
missing, and a follow-up waiting for it shows "waiting for the calendar" until it is loaded."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from clerk_app.accounts.authz import HostOperator
from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.live import hall_calendar
from clerk_app.calendars.service import CalendarService
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import AlertKind
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import Indicator, RatingInput
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.calendars.helpers import YEAR_2027
from tests.printing import literals as samples
from tests.results.conftest import clerk, pad, supervisor  # noqa: F401 - fixtures
from tests.results.test_ratings import WAIT, served
from tests.ui.helpers import alert_at, cell
from ui.supervisor import figures_models
from ui.supervisor.figures_panel import FiguresDeps, FiguresPanel
from ui.tasks import TaskRunner

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _alert_rows(panel: FiguresPanel) -> list[tuple[AlertKind, str, str]]:
    model = panel.alerts_model
    rows = []
    for r in range(model.rowCount()):
        alert = alert_at(model, r)
        text = str(model.data(model.index(r, figures_models.DeadlineAlertsModel.KIND)))
        subject = str(model.data(model.index(r, figures_models.DeadlineAlertsModel.SUBJECT)))
        rows.append((alert.kind, text, subject))
    return rows


def test_the_missing_year_warning_and_a_waiting_follow_up_on_the_figures_tab(
    qtbot: QtBot,
    db: Database,
    runner: TaskRunner,
    protector: PersonalDataCipher,
    queue: QueueService,
    clerk: UserInfo,  # noqa: F811
    pad: UserInfo,  # noqa: F811
    supervisor: UserInfo,  # noqa: F811
) -> None:
    clock = FixedClock(dt.datetime(2026, 10, 31, 18, 0, tzinfo=SHANGHAI))
    calendar = hall_calendar(db)
    figures = FiguresService(db, hall_code="CC01", calendar=calendar, clock=clock)
    ratings = RatingService(db, protector, hall_code="CC01", calendar=calendar, clock=clock)
    panel = FiguresPanel(FiguresDeps(figures, ratings, samples.BRANDING), runner, supervisor)
    qtbot.addWidget(panel)
    panel.refresh()
    assert _alert_rows(panel) == []  # 31 October: no warning yet

    clock.set(dt.datetime(2026, 11, 1, 8, 0, tzinfo=SHANGHAI))
    panel.refresh()
    assert _alert_rows(panel) == [
        (
            AlertKind.CALENDAR_MISSING,
            (
                "Next year's holiday calendar is missing: import it (clerk-app calendar import) "
                "or receive it by sync"
            ),
            "2027",
        )
    ]

    clock.set(dt.datetime(2026, 12, 28, 10, 0, tzinfo=SHANGHAI))
    ratings.submit(
        RatingInput(served(queue, clerk), dict.fromkeys(Indicator, 1), reasons=WAIT), pad
    )
    panel.refresh()
    assert panel.follow_ups.rowCount() == 1
    assert cell(panel.follow_ups, 0, 0).text() == "waiting for the calendar"

    CalendarService(db, clock).import_text(YEAR_2027, by=HostOperator("test"))
    panel.refresh()
    assert _alert_rows(panel) == []
    assert cell(panel.follow_ups, 0, 0).text() == "2027-01-05"
