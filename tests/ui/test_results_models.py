"""The pickup, figures and deadline-alert table models, alone (no database)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from clerk_app.figures.types import Alert, AlertKind, FigureRow
from clerk_app.intake.types import CaseState
from clerk_app.results.types import PickupEntry
from ui.results.pickup_model import (
    CERTIFICATE,
    DECISION,
    DEFERRED,
    NUMBER,
    WAITING,
    PickupModel,
)
from ui.supervisor.figures_models import (
    ONE_VISIT,
    P90_DAYS,
    SATISFIED,
    DeadlineAlertsModel,
    FiguresModel,
)
from ui.tables import ROW_ROLE

DISPLAY = Qt.ItemDataRole.DisplayRole


def _entry(waiting: int, state: CaseState = CaseState.APPROVED) -> PickupEntry:
    return PickupEntry(
        1, "CC01-W03-20261124-0001", state, "个体工商户注册登记", "Registration", "张𠮷",
        "110105********002X", dt.date(2026, 11, 27), 0, waiting, "证字〔2026〕第000123号", 1, 1,
    )  # fmt: skip


def test_the_pickup_model_shows_each_entry_and_marks_long_waits() -> None:
    model = PickupModel()
    model.set_entries([_entry(2), _entry(12, CaseState.SUPPLEMENT_REQUESTED)])
    assert (model.rowCount(), model.columnCount()) == (2, 8)
    first = model.index(0, NUMBER)
    assert model.data(first) == "CC01-W03-20261124-0001"
    assert model.data(first, ROW_ROLE) == _entry(2)
    assert model.data(model.index(0, DECISION)) == "Approved"
    assert model.data(model.index(1, DECISION)) == "Supplement requested"
    assert model.data(model.index(0, CERTIFICATE)) == "证字〔2026〕第000123号"
    assert model.data(model.index(0, WAITING)) == "2 days"
    assert model.data(model.index(0, DEFERRED)) == "1"
    assert model.data(first, Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(1, NUMBER), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.headerData(NUMBER, Qt.Orientation.Horizontal) == "Case number"


def test_the_figures_model_shows_shares_and_days() -> None:
    row = FigureRow("2026-11", "*", "", accepted=10, completed=4, completed_one_visit=3)
    row.ratings = 2
    row.satisfaction["overall"]["5"] = 1
    row.days_to_decision_p90 = 2.5
    model = FiguresModel()
    model.set_rows([row])
    assert model.data(model.index(0, ONE_VISIT), DISPLAY) == "75%"
    assert model.data(model.index(0, SATISFIED), DISPLAY) == "50%"
    assert model.data(model.index(0, P90_DAYS), DISPLAY) == "2.5"
    empty = FigureRow("2026-11", "*", "")
    model.set_rows([empty])
    assert model.data(model.index(0, ONE_VISIT), DISPLAY) == "—"


def test_the_alerts_model_names_each_alert_and_colours_the_overdue() -> None:
    model = DeadlineAlertsModel()
    due = dt.date(2026, 11, 27)
    model.set_alerts(
        [
            Alert(AlertKind.DUE_SOON, "CC01-1", "个体工商户注册登记", due, 1),
            Alert(AlertKind.DEFERRED_OVERDUE, "CC01-2", "M03", due, -3),
        ]
    )
    assert model.data(model.index(0, 0), DISPLAY) == "Promised date within two working days"
    assert model.data(model.index(1, 2), DISPLAY) == "M03"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
