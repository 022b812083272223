"""Table models of the supervisor's hall figures and deadline alerts (the reform's measures).

Named column constants; :data:`ROW_ROLE` returns the row's frozen value.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.figures.types import Alert, AlertKind, FigureRow, OnceModeShare
from ui.tables import RowsModel

_Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#ffcdd2")
WAITING = QColor("#ffe0b2")  # a deadline no calendar can date yet
(
    PERIOD,
    KEY,
    ACCEPTED,
    NOTICES,
    DEFERRALS,
    REFUSALS,
    COMPLETED,
    ONE_VISIT,
    HANDED_OVER,
    SATISFIED,
    AVG_DAYS,
    P90_DAYS,
    ON_THE_SPOT,
    VISITS,
) = range(14)
DEMO = QColor("#fff3cd")  # a figure that rests on demo catalogue values


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _visits(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def on_the_spot_demo_text(cases: int) -> str:
    return QCoreApplication.translate(
        "Figures",
        "Rests on demo values: for {n} of the accepted cases the item's handling "
        "(on the spot or promised) is a demo value, not a published one.",
    ).format(n=cases)


def once_mode_demo_text(items: int) -> str:
    return QCoreApplication.translate(
        "Figures",
        "Rests on demo values: the visits needed of {n} items are demo values, not published ones.",
    ).format(n=items)


class FiguresModel(RowsModel):
    def _headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("Figures", "Period"),
            QCoreApplication.translate("Figures", "Item / department / clerk"),
            QCoreApplication.translate("Figures", "Accepted"),
            QCoreApplication.translate("Figures", "One-time notices"),
            QCoreApplication.translate("Figures", "Deferrals"),
            QCoreApplication.translate("Figures", "Refusals"),
            QCoreApplication.translate("Figures", "Completed"),
            QCoreApplication.translate("Figures", "At most one visit"),
            QCoreApplication.translate("Figures", "Handed over"),
            QCoreApplication.translate("Figures", "Satisfied"),
            QCoreApplication.translate("Figures", "Avg days"),
            QCoreApplication.translate("Figures", "P90 days"),
            QCoreApplication.translate("Figures", "On the spot"),
            QCoreApplication.translate("Figures", "Visits per case"),
        )

    def set_rows(self, rows: Sequence[FigureRow]) -> None:
        self._set(rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        assert isinstance(row, FigureRow)
        if role == ROW_ROLE:
            return row
        column = index.column()
        on_demo = column == ON_THE_SPOT and row.on_the_spot_demo > 0
        if role == Qt.ItemDataRole.BackgroundRole and on_demo:
            return QBrush(DEMO)
        if role == Qt.ItemDataRole.ToolTipRole and on_demo:
            return on_the_spot_demo_text(row.on_the_spot_demo)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = {
            PERIOD: row.period,
            KEY: row.label or row.key,
            ACCEPTED: str(row.accepted),
            NOTICES: str(row.notices),
            DEFERRALS: str(row.deferrals),
            REFUSALS: str(row.refusals),
            COMPLETED: str(row.completed),
            ONE_VISIT: _share(row.one_visit_share),
            HANDED_OVER: str(row.handed_over),
            SATISFIED: _share(row.satisfied_share),
            AVG_DAYS: _days(row.days_to_decision_avg),
            P90_DAYS: _days(row.days_to_decision_p90),
            ON_THE_SPOT: _share(row.on_the_spot_share) + ("*" if on_demo else ""),
            VISITS: _visits(row.visits_per_case),
        }
        return texts[column]


class OnceModeModel(RowsModel):
    """The share of items in "once and for all" mode, month by month, from the catalogue
    version in force at each month's end; a month resting on demo values is marked."""

    PERIOD, VERSION, ITEMS, ONCE, SHARE, DEMO_VALUES = range(6)

    def _headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("Figures", "Month"),
            QCoreApplication.translate("Figures", "Catalogue version"),
            QCoreApplication.translate("Figures", "Items"),
            QCoreApplication.translate("Figures", "At most one visit"),
            QCoreApplication.translate("Figures", "Share"),
            QCoreApplication.translate("Figures", "Items with demo visits"),
        )

    def set_shares(self, shares: Sequence[OnceModeShare]) -> None:
        self._set(shares)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        share = self._rows[index.row()]
        assert isinstance(share, OnceModeShare)
        if role == ROW_ROLE:
            return share
        if role == Qt.ItemDataRole.BackgroundRole and share.rests_on_demo_values:
            return QBrush(DEMO)
        if role == Qt.ItemDataRole.ToolTipRole and share.rests_on_demo_values:
            return once_mode_demo_text(share.demo_valued)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        demo = str(share.demo_valued) if share.rests_on_demo_values else ""
        return (
            share.period,
            share.version_label or "—",
            str(share.items),
            str(share.once_and_for_all),
            _share(share.share),
            demo,
        )[index.column()]


def alert_text(kind: AlertKind) -> str:
    return {
        AlertKind.DUE_SOON: QCoreApplication.translate(
            "Figures", "Promised date within two working days"
        ),
        AlertKind.DEFERRED_OVERDUE: QCoreApplication.translate(
            "Figures", "Deferred material overdue"
        ),
        AlertKind.PROMISE_WAITING: QCoreApplication.translate(
            "Figures", "Promised date waits for the holiday calendar"
        ),
        AlertKind.NOTICE_LATE: QCoreApplication.translate(
            "Figures", "Supplement notice later than five working days after receipt"
        ),
        AlertKind.ISSUE_DUE: QCoreApplication.translate(
            "Figures", "Licence to issue within ten working days of approval"
        ),
        AlertKind.FOLLOW_UP_OVERDUE: QCoreApplication.translate(
            "Figures", "Bad rating not followed up in time"
        ),
        AlertKind.CALENDAR_MISSING: QCoreApplication.translate(
            "Figures",
            "Next year's holiday calendar is missing: import it (clerk-app calendar import) "
            "or receive it by sync",
        ),
        AlertKind.POST_CHECK_DUE: QCoreApplication.translate(
            "Figures", "Notify-and-commit: post-check due"
        ),
        AlertKind.POST_CHECK_UNDATED: QCoreApplication.translate(
            "Figures", "Notify-and-commit: post-check date waits for the holiday calendar"
        ),
    }[kind]


class DeadlineAlertsModel(RowsModel):
    KIND, CASE, SUBJECT, DUE = range(4)

    def _headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("Figures", "Alert"),
            QCoreApplication.translate("Figures", "Case number"),
            QCoreApplication.translate("Figures", "Subject"),
            QCoreApplication.translate("Figures", "Due"),
        )

    def set_alerts(self, alerts: Sequence[Alert]) -> None:
        self._set(alerts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        alert = self._rows[index.row()]
        assert isinstance(alert, Alert)
        if role == ROW_ROLE:
            return alert
        if role == Qt.ItemDataRole.BackgroundRole:
            if alert.due is None:
                return QBrush(WAITING)
            return QBrush(OVERDUE) if alert.days is not None and alert.days < 0 else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None

        return (
            alert_text(alert.kind),
            alert.case_number or "—",
            alert.subject,
            due_text(alert),
        )[index.column()]


def due_text(alert: Alert) -> str:
    """The date, or the year whose holiday calendar it waits for (never a guessed date)."""
    if alert.due is not None:
        return alert.due.isoformat()
    if alert.waits_year is None:
        return "—"
    return QCoreApplication.translate(
        "Figures", "Unknown: load the {year} holiday calendar"
    ).format(year=alert.waits_year)
