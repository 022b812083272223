"""Table models of the supervisor dashboard: windows, services and alerts.

Named column constants over declared columns (``ui.tables.RowsModel``, whose ``ROW_ROLE``
returns the row's frozen value). A new reading with as many rows only signals
``dataChanged``, so a selection survives the refresh that every queue change brings.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QColor

from clerk_app.queue import WindowState
from clerk_app.queue.alerts import Alert, AlertKind
from clerk_app.queue.oversight import Dashboard, ServiceRow, WindowRow
from ui.i18n import describe_pause_reason, pick_name, window_state_name
from ui.tables import Column, RowsModel

ALERT_COLOUR = QColor("#ffcdd2")


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return QCoreApplication.translate("Supervisor", "{m} min").format(m=round(seconds / 60))


def _alert_colour(flagged: bool) -> QColor | None:
    return ALERT_COLOUR if flagged else None


(
    W_WINDOW,
    W_STATE,
    W_CLERK,
    W_TICKET,
    W_SINCE,
    W_SERVED,
    W_AVERAGE,
) = range(7)


class WindowTableModel(RowsModel[WindowRow]):
    def __init__(self, tz: dt.tzinfo, parent: QObject | None = None) -> None:
        self._tz = tz
        self._now_ms = 0
        self.flagged_windows: set[int] = set()
        super().__init__(
            (
                Column(
                    lambda: QCoreApplication.translate("WindowTableModel", "Window"),
                    lambda w: pick_name(QLocale(), w.name_zh, w.name_en),
                ),
                Column(lambda: QCoreApplication.translate("WindowTableModel", "State"), _state),
                Column(
                    lambda: QCoreApplication.translate("WindowTableModel", "Clerk"),
                    lambda w: w.clerk or "",
                ),
                Column(
                    lambda: QCoreApplication.translate("WindowTableModel", "Ticket"),
                    lambda w: w.current_number or "",
                ),
                Column(
                    lambda: QCoreApplication.translate("WindowTableModel", "Since"), self._since
                ),
                Column(
                    lambda: QCoreApplication.translate("WindowTableModel", "Served today"),
                    lambda w: str(w.served_today),
                ),
                Column(
                    lambda: QCoreApplication.translate("WindowTableModel", "Avg service"),
                    lambda w: minutes(w.average_service_s),
                ),
            ),
            parent,
            background=lambda w: _alert_colour(w.number in self.flagged_windows),
        )

    def set_dashboard(self, board: Dashboard, flagged: set[int]) -> None:
        repaint = (flagged, board.now_ms) != (self.flagged_windows, self._now_ms)
        self.flagged_windows, self._now_ms = flagged, board.now_ms
        if board.windows != self.rows:
            self.set_rows(board.windows)
        elif repaint:  # the same rows, other flags or another minute: "since" and the colours
            self.repaint()

    def row_value(self, row: int) -> WindowRow:
        return self.row(row)

    def _since(self, w: WindowRow) -> str:
        at = dt.datetime.fromtimestamp(w.since_ms / 1000, self._tz).strftime("%H:%M")
        return f"{at} ({minutes(max(0, self._now_ms - w.since_ms) / 1000)})"


def _state(w: WindowRow) -> str:
    state = window_state_name(w.state)
    if w.state is WindowState.PAUSED and w.pause_reason:
        return f"{state}: {describe_pause_reason(w.pause_reason)}"
    return state


S_SERVICE, S_WAITING, S_LONGEST, S_AVERAGE, S_ESTIMATE, S_WINDOWS = range(6)


class ServiceTableModel(RowsModel[ServiceRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        self._now_ms = 0
        self.flagged_services: set[str] = set()
        super().__init__(
            (
                Column(
                    lambda: QCoreApplication.translate("ServiceTableModel", "Service"),
                    lambda s: f"{s.prefix} {pick_name(QLocale(), s.name_zh, s.name_en)}",
                ),
                Column(
                    lambda: QCoreApplication.translate("ServiceTableModel", "Waiting"),
                    lambda s: str(s.waiting),
                ),
                Column(
                    lambda: QCoreApplication.translate("ServiceTableModel", "Longest wait"),
                    lambda s: minutes(s.longest_wait_s if s.waiting else None),
                ),
                Column(
                    lambda: QCoreApplication.translate("ServiceTableModel", "Avg wait today"),
                    lambda s: minutes(s.average_wait_s),
                ),
                Column(
                    lambda: QCoreApplication.translate("ServiceTableModel", "Estimated wait"),
                    _estimate,
                ),
                Column(
                    lambda: QCoreApplication.translate("ServiceTableModel", "Open windows"),
                    lambda s: str(s.open_windows),
                ),
            ),
            parent,
            background=lambda s: _alert_colour(s.code in self.flagged_services),
        )

    def set_dashboard(self, board: Dashboard, flagged: set[str]) -> None:
        repaint = (flagged, board.now_ms) != (self.flagged_services, self._now_ms)
        self.flagged_services, self._now_ms = flagged, board.now_ms
        if board.services != self.rows:
            self.set_rows(board.services)
        elif repaint:
            self.repaint()


def _estimate(s: ServiceRow) -> str:
    if s.estimated_wait_min is None:
        return QCoreApplication.translate("ServiceTableModel", "no open window")
    return minutes(s.estimated_wait_min * 60)


A_KIND, A_SUBJECT, A_DETAIL = range(3)


def alert_kind_name(kind: AlertKind) -> str:
    texts = {
        AlertKind.LONG_WAIT: QCoreApplication.translate("AlertKind", "Long wait"),
        AlertKind.LONG_PAUSE: QCoreApplication.translate("AlertKind", "Long pause"),
        AlertKind.UNSERVED: QCoreApplication.translate("AlertKind", "No open window"),
        AlertKind.CROWDED: QCoreApplication.translate("AlertKind", "Crowded"),
    }
    return texts[kind]


def alert_detail(alert: Alert) -> str:
    texts = {
        AlertKind.LONG_WAIT: QCoreApplication.translate(
            "AlertKind", "longest wait {value} min (limit {limit} min)"
        ),
        AlertKind.LONG_PAUSE: QCoreApplication.translate(
            "AlertKind", "paused for {value} min (limit {limit} min)"
        ),
        AlertKind.UNSERVED: QCoreApplication.translate(
            "AlertKind", "{value} waiting, no open window serves this service"
        ),
        AlertKind.CROWDED: QCoreApplication.translate(
            "AlertKind", "{value} waiting (limit {limit})"
        ),
    }
    return texts[alert.kind].format(value=alert.value, limit=alert.limit)


class AlertTableModel(RowsModel[Alert]):
    def __init__(self, parent: QObject | None = None) -> None:
        self._names: dict[str, str] = {}
        super().__init__(
            (
                Column(
                    lambda: QCoreApplication.translate("AlertTableModel", "Alert"),
                    lambda a: alert_kind_name(a.kind),
                ),
                Column(
                    lambda: QCoreApplication.translate("AlertTableModel", "Where"),
                    lambda a: self._names.get(a.subject, a.subject),
                ),
                Column(
                    lambda: QCoreApplication.translate("AlertTableModel", "Detail"), alert_detail
                ),
            ),
            parent,
            background=lambda _a: ALERT_COLOUR,
        )

    def set_alerts(self, alerts: tuple[Alert, ...], board: Dashboard) -> None:
        locale = QLocale()
        self._names = {s.code: f"{s.prefix} {pick_name(locale, s.name_zh, s.name_en)}"
                       for s in board.services}  # fmt: skip
        self._names |= {str(w.number): pick_name(locale, w.name_zh, w.name_en)
                        for w in board.windows}  # fmt: skip
        self.set_rows(alerts)

    def alerts(self) -> tuple[Alert, ...]:
        return self.rows
