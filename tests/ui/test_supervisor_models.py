"""The dashboard's table models alone, on hand-made readings (no database, no widgets)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from clerk_app.queue import TicketState, WindowState
from clerk_app.queue.alerts import Alert, AlertKind
from clerk_app.queue.oversight import Dashboard, ServiceRow, WindowRow
from ui.supervisor.models import (
    A_DETAIL,
    A_KIND,
    A_SUBJECT,
    S_ESTIMATE,
    S_LONGEST,
    S_SERVICE,
    S_WAITING,
    W_AVERAGE,
    W_SINCE,
    W_STATE,
    W_TICKET,
    AlertTableModel,
    ServiceTableModel,
    WindowTableModel,
)
from ui.tables import ROW_ROLE

TZ = ZoneInfo("Asia/Shanghai")
NOW = 1_795_000_000_000  # 2026-11-18 19:06:40 in Shanghai


def window(number: int, state: WindowState, **kw: object) -> WindowRow:
    values: dict[str, object] = {
        "number": number,
        "name_zh": f"{number}号窗口",
        "name_en": f"Window {number}",
        "state": state,
        "pause_reason": None,
        "clerk": None,
        "current_number": None,
        "current_state": None,
        "since_ms": NOW - 12 * 60_000,
        "served_today": 0,
        "average_service_s": None,
        "service_codes": ("BIZ",),
    }
    values.update(kw)
    return WindowRow(**values)  # type: ignore[arg-type]


def service(code: str, waiting: int, **kw: object) -> ServiceRow:
    values: dict[str, object] = {
        "code": code,
        "name_zh": "企业开办",
        "name_en": "Business start-up",
        "prefix": "A",
        "waiting": waiting,
        "longest_wait_s": 600,
        "average_wait_s": 300.0,
        "estimated_wait_min": 15,
        "open_windows": 1,
        "wait_alert_min": 30,
    }
    values.update(kw)
    return ServiceRow(**values)  # type: ignore[arg-type]


def board(*windows: WindowRow, services: tuple[ServiceRow, ...] = ()) -> Dashboard:
    return Dashboard("CC01", NOW, windows, services)


def test_window_rows_show_state_ticket_since_and_average(qtbot: QtBot) -> None:
    model = WindowTableModel(TZ)
    busy = window(
        1,
        WindowState.SERVING,
        current_number="A012",
        current_state=TicketState.SERVING,
        average_service_s=430.0,
    )
    paused = window(2, WindowState.PAUSED, pause_reason="other: 培训")
    model.set_dashboard(board(busy, paused), set())
    assert model.rowCount() == 2
    assert model.columnCount() == 7
    assert model.index(0, W_TICKET).data() == "A012"
    assert model.index(0, W_STATE).data() == "Serving"
    assert model.index(0, W_AVERAGE).data() == "7 min"
    assert model.index(0, W_SINCE).data() == "18:54 (12 min)"
    assert model.index(1, W_STATE).data() == "Paused: 培训"
    assert model.index(1, 0).data(ROW_ROLE) == paused
    assert model.headerData(W_TICKET, Qt.Orientation.Horizontal) == "Ticket"


def test_a_flagged_window_is_painted_and_an_unchanged_reading_keeps_the_rows(
    qtbot: QtBot,
) -> None:
    model = WindowTableModel(TZ)
    rows = board(window(1, WindowState.OPEN), window(2, WindowState.PAUSED))
    model.set_dashboard(rows, {2})
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.dataChanged):
        model.set_dashboard(rows, {2})
    changed = board(window(1, WindowState.CALLING), window(2, WindowState.PAUSED))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_dashboard(changed, {2})  # same rows, new values: the selection survives


def test_service_rows(qtbot: QtBot) -> None:
    model = ServiceTableModel()
    model.set_dashboard(
        board(services=(service("BIZ", 3), service("PICKUP", 0, estimated_wait_min=None))),
        {"BIZ"},
    )
    assert model.index(0, S_SERVICE).data() == "A Business start-up"
    assert model.index(0, S_WAITING).data() == "3"
    assert model.index(0, S_LONGEST).data() == "10 min"
    assert model.index(1, S_LONGEST).data() == "—"  # nobody waiting: no longest wait
    assert model.index(1, S_ESTIMATE).data() == "no open window"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert model.data(QModelIndex()) is None


def test_alert_rows_name_the_service_or_window(qtbot: QtBot) -> None:
    model = AlertTableModel()
    alerts = (
        Alert(AlertKind.CROWDED, "BIZ", 12, 10),
        Alert(AlertKind.LONG_PAUSE, "2", 25, 20),
    )
    model.set_alerts(alerts, board(window(2, WindowState.PAUSED), services=(service("BIZ", 12),)))
    assert [model.index(r, A_KIND).data() for r in range(2)] == ["Crowded", "Long pause"]
    assert model.index(0, A_SUBJECT).data() == "A Business start-up"
    assert model.index(1, A_SUBJECT).data() == "Window 2"
    assert model.index(0, A_DETAIL).data() == "12 waiting (limit 10)"
    assert model.index(1, A_DETAIL).data() == "paused for 25 min (limit 20 min)"
    assert model.alerts() == alerts


def test_every_alert_kind_has_chinese_words(qtbot: QtBot, chinese: None) -> None:
    from ui.supervisor.models import alert_detail, alert_kind_name  # noqa: PLC0415

    for kind in AlertKind:
        for text in (alert_kind_name(kind), alert_detail(Alert(kind, "BIZ", 3, 2))):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
