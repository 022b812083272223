"""From 1 November in the hall's time zone, supervisors are warned while next year's
arrangement is missing: in ``config check`` and in the figures' deadline alerts (both
databases, an injected clock; the UI side is tests/ui/test_calendar_warning.py)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from clerk_app.accounts.authz import HostOperator
from clerk_app.calendars.live import hall_calendar
from clerk_app.calendars.service import CalendarService
from clerk_app.config_check import Severity, calendar_problems
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import Alert, AlertKind
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.calendars.helpers import YEAR_2027

SHANGHAI = ZoneInfo("Asia/Shanghai")
LAST_OF_OCTOBER = dt.datetime(2026, 10, 31, 23, 30, tzinfo=SHANGHAI)
# Half past midnight on 1 November in the hall: still 31 October in UTC.
FIRST_OF_NOVEMBER = dt.datetime(2026, 11, 1, 0, 30, tzinfo=SHANGHAI)


def test_config_check_warns_from_1_november_hall_time(db: Database) -> None:
    assert calendar_problems(db.url, "Asia/Shanghai", FixedClock(LAST_OF_OCTOBER)) == []
    assert FIRST_OF_NOVEMBER.astimezone(dt.UTC).date() == dt.date(2026, 10, 31)
    [problem] = calendar_problems(db.url, "Asia/Shanghai", FixedClock(FIRST_OF_NOVEMBER))
    assert problem.severity is Severity.WARNING
    assert problem.message.startswith("the hall calendar has no 2027 holiday arrangement")
    assert "clerk-app calendar import FILE" in problem.message
    clock = FixedClock(FIRST_OF_NOVEMBER)
    CalendarService(db, clock).import_text(YEAR_2027, by=HostOperator("test"))
    assert calendar_problems(db.url, "Asia/Shanghai", clock) == []


def test_config_check_says_nothing_without_a_hall_database(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/none.sqlite3"
    assert calendar_problems(url, "Asia/Shanghai", FixedClock(FIRST_OF_NOVEMBER)) == []


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (LAST_OF_OCTOBER, []),
        (
            FIRST_OF_NOVEMBER,
            [Alert(AlertKind.CALENDAR_MISSING, None, "2027", dt.date(2027, 1, 1), 61)],
        ),
    ],
)
def test_the_supervisors_alerts_warn_from_1_november(
    db: Database, now: dt.datetime, expected: list[Alert]
) -> None:
    clock = FixedClock(now)
    figures = FiguresService(db, hall_code="CC01", calendar=hall_calendar(db), clock=clock)
    assert figures.alerts() == expected
