"""What the status bar and the tables say: times in the hall's zone on a PC that runs in UTC,
and a message too long for its place shortened where a line may break, never mid-word."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

import ui.hall_time
from clerk_app.intake.types import CaseState, CaseSummary
from clerk_app.sync.status import Link, SyncSnapshot
from ui.elide import ELLIPSIS, ElidedLabel, break_positions, elide_at_break
from ui.hall_time import set_hall_zone
from ui.i18n import locked_until_text
from ui.intake.case_model import CaseResultsModel
from ui.sync.indicator import SyncIndicator

SHANGHAI = ZoneInfo("Asia/Shanghai")
# 01:30 UTC is 09:30 in the hall: a PC left in UTC would show the former.
AT = dt.datetime(2026, 12, 7, 1, 30, tzinfo=dt.UTC)
AT_MS = int(AT.timestamp() * 1000)
LONG = (
    "New catalogue version 2026.12 received from the central server; it is in use now, "
    "and every window works with it from the next case on."
)


@pytest.fixture(autouse=True)
def pc_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """The PC's own zone is UTC (as on this test machine); the hall's is Shanghai."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setattr(ui.hall_time, "_zone", ui.hall_time.DEFAULT_ZONE)
    set_hall_zone(SHANGHAI)


def snapshot(last_success_ms: int) -> SyncSnapshot:
    return SyncSnapshot(
        link=Link.ONLINE,
        server_url="https://central.example",
        pending=0,
        failed=0,
        attention=0,
        last_success_ms=last_success_ms,
        last_error=None,
        skew_ms=0,
        backoff_until_ms=0,
    )


def test_the_status_bar_shows_the_last_sync_in_hall_time(qtbot: QtBot) -> None:
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    indicator.show_snapshot(snapshot(AT_MS))
    assert "last sync 12-07 09:30" in indicator.text()
    set_hall_zone(ZoneInfo("Asia/Urumqi"))  # a hall two hours west keeps its own clock
    indicator.show_snapshot(snapshot(AT_MS))
    assert "last sync 12-07 07:30" in indicator.text()


def test_the_case_table_and_the_lockout_end_are_in_hall_time() -> None:
    case = CaseSummary(
        case_id=1,
        case_number="CC01-W03-20261207-0001",
        state=CaseState.ACCEPTED,
        item_code="X",
        item_name_zh="事项",
        item_name_en="Item",
        applicant_name="张伟",
        applicant_id_masked="220102********1235",
        visits=1,
        promised_due=None,
        created_ms=AT_MS,
        updated_ms=AT_MS,
    )
    model = CaseResultsModel()
    model.set_cases([case])
    assert model.index(0, model.columnCount() - 1).data() == "2026-12-07 09:30"
    assert "9:30" in locked_until_text(AT_MS)


def test_a_long_message_is_shortened_between_words(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    label = ElidedLabel(LONG)
    window.statusBar().addWidget(label, 1)
    window.resize(420, 200)
    window.show()
    qtbot.waitExposed(window)
    shown = label.text()
    assert shown != LONG and shown.endswith(ELLIPSIS)
    head = shown.removesuffix(ELLIPSIS)
    assert LONG.startswith(head) and LONG[len(head)] in " ,;"  # ends where a word ends
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.toolTip() == LONG and label.full_text() == LONG
    window.resize(1900, 200)
    qtbot.waitUntil(lambda: label.text() == LONG)  # room again: the whole text


def test_chinese_may_break_between_characters(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    metrics = QFontMetrics(label.font())
    text = "已从中心服务器收到新的事项目录版本2026.12，现已启用"
    width = metrics.horizontalAdvance(text) // 2
    shown = elide_at_break(text, metrics, width)
    head = shown.removesuffix(ELLIPSIS)
    assert shown.endswith(ELLIPSIS) and text.startswith(head) and len(head) >= 4
    assert metrics.horizontalAdvance(shown) <= width
    # "2026.12" is one unit: it is never cut inside.
    assert len(head) in break_positions(text) or text[len(head)] == "，"
    assert not head.endswith(("2", "20", "202", "2026", "2026."))
