"""Table models of the supervisor dashboard: windows, services and alerts.

Named column constants; :data:`ROW_ROLE` returns the row's frozen value. A new reading with
the same rows in the same order only signals ``dataChanged``, so a selection survives the
refresh that every queue change brings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from clerk_app.queue import WindowState
from clerk_app.queue.alerts import Alert, AlertKind
from clerk_app.queue.oversight import Dashboard, ServiceRow, WindowRow
from ui.i18n import describe_pause_reason, pick_name, window_state_name

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ALERT_COLOUR = QColor("#ffcdd2")


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return QCoreApplication.translate("Supervisor", "{m} min").format(m=round(seconds / 60))


class _Table(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Any, ...] = ()
        self._now_ms = 0

    def _set(self, rows: tuple[Any, ...], now_ms: int = 0) -> None:
        same_shape = len(rows) == len(self._rows)
        if rows == self._rows and now_ms == self._now_ms:
            return
        self._now_ms = now_ms
        if same_shape and rows:
            self._rows = rows
            last = self.index(len(rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_value(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers())

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()]
        if role == ROW_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(value, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and self._flagged(value):
            return QBrush(ALERT_COLOUR)
        return None

    def _text(self, value: Any, column: int) -> str:
        raise NotImplementedError

    def _flagged(self, _value: Any) -> bool:
        return False


(
    W_WINDOW,
    W_STATE,
    W_CLERK,
    W_TICKET,
    W_SINCE,
    W_SERVED,
    W_AVERAGE,
) = range(7)


class WindowTableModel(_Table):
    def __init__(self, tz: dt.tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.flagged_windows: set[int] = set()

    def set_dashboard(self, board: Dashboard, flagged: set[int]) -> None:
        changed = flagged != self.flagged_windows
        self.flagged_windows = flagged
        if changed:
            self._rows = ()  # force a full repaint of the flags
        self._set(board.windows, board.now_ms)

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Window"),
            self.tr("State"),
            self.tr("Clerk"),
            self.tr("Ticket"),
            self.tr("Since"),
            self.tr("Served today"),
            self.tr("Avg service"),
        )

    def _text(self, w: WindowRow, column: int) -> str:
        texts: tuple[Callable[[], str], ...] = (
            lambda: pick_name(QLocale(), w.name_zh, w.name_en),
            lambda: self._state(w),
            lambda: w.clerk or "",
            lambda: w.current_number or "",
            lambda: self._since(w),
            lambda: str(w.served_today),
            lambda: minutes(w.average_service_s),
        )
        return texts[column]()

    @staticmethod
    def _state(w: WindowRow) -> str:
        state = window_state_name(w.state)
        if w.state is WindowState.PAUSED and w.pause_reason:
            return f"{state}: {describe_pause_reason(w.pause_reason)}"
        return state

    def _since(self, w: WindowRow) -> str:
        at = dt.datetime.fromtimestamp(w.since_ms / 1000, self._tz).strftime("%H:%M")
        return f"{at} ({minutes(max(0, self._now_ms - w.since_ms) / 1000)})"

    def _flagged(self, w: WindowRow) -> bool:
        return w.number in self.flagged_windows


S_SERVICE, S_WAITING, S_LONGEST, S_AVERAGE, S_ESTIMATE, S_WINDOWS = range(6)


class ServiceTableModel(_Table):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flagged_services: set[str] = set()

    def set_dashboard(self, board: Dashboard, flagged: set[str]) -> None:
        if flagged != self.flagged_services:
            self.flagged_services = flagged
            self._rows = ()
        self._set(board.services, board.now_ms)

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Service"),
            self.tr("Waiting"),
            self.tr("Longest wait"),
            self.tr("Avg wait today"),
            self.tr("Estimated wait"),
            self.tr("Open windows"),
        )

    def _text(self, s: ServiceRow, column: int) -> str:
        texts: tuple[Callable[[], str], ...] = (
            lambda: f"{s.prefix} {pick_name(QLocale(), s.name_zh, s.name_en)}",
            lambda: str(s.waiting),
            lambda: minutes(s.longest_wait_s if s.waiting else None),
            lambda: minutes(s.average_wait_s),
            lambda: self._estimate(s),
            lambda: str(s.open_windows),
        )
        return texts[column]()

    def _estimate(self, s: ServiceRow) -> str:
        if s.estimated_wait_min is None:
            return self.tr("no open window")
        return minutes(s.estimated_wait_min * 60)

    def _flagged(self, s: ServiceRow) -> bool:
        return s.code in self.flagged_services


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


class AlertTableModel(_Table):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}

    def set_alerts(self, alerts: tuple[Alert, ...], board: Dashboard) -> None:
        locale = QLocale()
        self._names = {s.code: f"{s.prefix} {pick_name(locale, s.name_zh, s.name_en)}"
                       for s in board.services}  # fmt: skip
        self._names |= {str(w.number): pick_name(locale, w.name_zh, w.name_en)
                        for w in board.windows}  # fmt: skip
        self._set(alerts)

    def alerts(self) -> tuple[Alert, ...]:
        return self._rows

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Alert"), self.tr("Where"), self.tr("Detail"))

    def _text(self, a: Alert, column: int) -> str:
        if column == A_KIND:
            return alert_kind_name(a.kind)
        if column == A_SUBJECT:
            return self._names.get(a.subject, a.subject)
        return alert_detail(a)

    def _flagged(self, _alert: Alert) -> bool:
        return True
