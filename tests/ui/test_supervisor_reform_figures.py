"""The reform's figures on the supervisor's tab and the demo-value flags on screen, around the real
services on both databases: the on-the-spot share and visits per case, the once-mode share
month by month from the catalogue in force, and which figures rest on demo catalogue values."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.accounts.roles import UserInfo
from clerk_app.catalogue.service import CatalogueService
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import TREND_MONTHS
from clerk_app.intake.service import IntakeService
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.printing import literals as samples
from tests.results.conftest import (  # noqa: F401 - fixtures
    ITEM,
    FakeSync,
    audit,
    clerk,
    intake,
    supervisor,
    sync,
)
from tests.results.test_figures_reform import (  # noqa: F401 - fixtures
    DAY,
    DEMO_VISITS_DEMO,
    ON_THE_SPOT_ITEM,
    _hall_day,
    at,
    figures,
    history,
)
from ui.intake.item_picker import ItemPicker
from ui.supervisor import figures_models as fm
from ui.supervisor.figures_panel import FiguresDeps, FiguresPanel
from ui.tasks import TaskRunner


@pytest.fixture
def panel(
    qtbot: QtBot,
    db: Database,
    figures: FiguresService,  # noqa: F811
    runner: TaskRunner,
    supervisor: UserInfo,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
    history: FixedClock,  # noqa: F811
    protector: PersonalDataCipher,
) -> FiguresPanel:
    """The Tuesday of tests/results/test_figures_reform.py, with the catalogue history there."""
    history.set(at(DAY, 9))
    _hall_day(intake, clerk, sync, history, protector, db)
    widget = FiguresPanel(FiguresDeps(figures, None, samples.BRANDING), runner, supervisor)
    qtbot.addWidget(widget)
    widget.date_from.setDate(widget.date_from.date().fromString("2026-11-24", "yyyy-MM-dd"))
    widget.date_to.setDate(widget.date_to.date().fromString("2026-11-24", "yyyy-MM-dd"))
    return widget


def test_the_tab_shows_the_reform_figures_and_flags_the_demo_values(panel: FiguresPanel) -> None:
    panel.refresh()
    model = panel.model
    day = model.index(0, fm.ON_THE_SPOT)
    assert model.headerData(fm.ON_THE_SPOT, Qt.Orientation.Horizontal) == "On the spot"
    assert day.data() == "25%*"  # 1 of 4 accepted, resting on demo values
    assert "for 3 of the accepted cases" in day.data(Qt.ItemDataRole.ToolTipRole)
    assert day.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, fm.VISITS).data() == "1.50"  # 6 trips for 4 cases
    assert model.index(1, fm.VISITS).data() == "1.50"  # the totals

    trend = panel.trend_model
    assert trend.rowCount() == TREND_MONTHS
    rows = [
        [trend.index(r, c).data() for c in range(trend.columnCount())]
        for r in range(TREND_MONTHS - 3, TREND_MONTHS)
    ]
    assert rows == [
        ["2026-09", "hall-2026.09", "43", "30", "70%", ""],
        ["2026-10", "demo-2026.12", "43", "38", "88%", str(DEMO_VISITS_DEMO)],
        ["2026-11", "hall-2026.09", "43", "30", "70%", ""],
    ]
    october = trend.index(TREND_MONTHS - 2, fm.OnceModeModel.SHARE)
    assert "visits needed of 41 items are demo values" in october.data(Qt.ItemDataRole.ToolTipRole)

    assert not panel.demo_note.isHidden()
    note = panel.demo_note.text()
    assert "On-the-spot share: Rests on demo values" in note
    assert "Monthly trend, 2026-10: Rests on demo values" in note
    assert not panel.share.text().endswith("*")  # the active catalogue's visits are published


@pytest.mark.usefixtures("chinese")
def test_the_demo_flags_speak_chinese(panel: FiguresPanel) -> None:
    panel.refresh()
    assert panel.model.headerData(fm.VISITS, Qt.Orientation.Horizontal) == "每件跑动次数"
    assert "演示值" in panel.demo_note.text()
    assert "演示值" in panel.model.index(0, fm.ON_THE_SPOT).data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Demo values, not from the published service guide: implementation code, "),
        ("zh_CN", "演示值（服务指南未公布）：实施编码、"),
    ],
)
def test_the_item_picker_says_which_fields_are_demo_values(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    db: Database,
    runner: TaskRunner,
    language: str,
    expected: str,
) -> None:
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    catalogue = CatalogueService(db)
    picker = ItemPicker(catalogue, runner)
    qtbot.addWidget(picker)
    picker.show_item(catalogue.item_by_code(ITEM), None)
    note = picker.demo_note.text()
    assert not picker.demo_note.isHidden() and note.startswith(expected)
    assert ("visits needed" if language == "en" else "到现场次数") in note
    spot = catalogue.item_by_code(ON_THE_SPOT_ITEM)
    picker.show_item(spot, None)
    assert ("on the spot or promised" if language == "en" else "办件类型") not in (
        picker.demo_note.text()
    )  # this item's handling is published
    picker.reset()
    assert picker.demo_note.isHidden()


def test_a_day_before_any_catalogue_history_has_no_once_mode_figure(
    panel: FiguresPanel,
) -> None:
    panel.refresh()
    first = panel.trend_model.index(0, fm.OnceModeModel.VERSION)
    assert first.data() == "—"
    assert panel.trend_model.index(0, fm.OnceModeModel.SHARE).data() == "—"
    assert dt.date(2025, 12, 1).strftime("%Y-%m") == panel.trend_model.index(0, 0).data()
