"""Table models of the supervisor's hall figures and deadline alerts (the reform's measures).

Named column constants over declared columns (``ui.tables``, whose ``ROW_ROLE`` returns the
row's frozen value).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from clerk_app.figures.types import Alert, AlertKind, FigureRow, OnceModeShare
from ui.tables import Column, RowsModel, numbered

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


def _on_demo(row: FigureRow) -> bool:
    return row.on_the_spot_demo > 0


def _figure_columns() -> tuple[Column[FigureRow], ...]:
    def count(get: Callable[[FigureRow], int]) -> Callable[[FigureRow], str]:
        return lambda row: str(get(row))

    return numbered(
        {
            PERIOD: Column(
                lambda: QCoreApplication.translate("Figures", "Period"), lambda r: r.period
            ),
            KEY: Column(
                lambda: QCoreApplication.translate("Figures", "Item / department / clerk"),
                lambda r: r.label or r.key,
            ),
            ACCEPTED: Column(
                lambda: QCoreApplication.translate("Figures", "Accepted"),
                count(lambda r: r.accepted),
            ),
            NOTICES: Column(
                lambda: QCoreApplication.translate("Figures", "One-time notices"),
                count(lambda r: r.notices),
            ),
            DEFERRALS: Column(
                lambda: QCoreApplication.translate("Figures", "Deferrals"),
                count(lambda r: r.deferrals),
            ),
            REFUSALS: Column(
                lambda: QCoreApplication.translate("Figures", "Refusals"),
                count(lambda r: r.refusals),
            ),
            COMPLETED: Column(
                lambda: QCoreApplication.translate("Figures", "Completed"),
                count(lambda r: r.completed),
            ),
            ONE_VISIT: Column(
                lambda: QCoreApplication.translate("Figures", "At most one visit"),
                lambda r: _share(r.one_visit_share),
            ),
            HANDED_OVER: Column(
                lambda: QCoreApplication.translate("Figures", "Handed over"),
                count(lambda r: r.handed_over),
            ),
            SATISFIED: Column(
                lambda: QCoreApplication.translate("Figures", "Satisfied"),
                lambda r: _share(r.satisfied_share),
            ),
            AVG_DAYS: Column(
                lambda: QCoreApplication.translate("Figures", "Avg days"),
                lambda r: _days(r.days_to_decision_avg),
            ),
            P90_DAYS: Column(
                lambda: QCoreApplication.translate("Figures", "P90 days"),
                lambda r: _days(r.days_to_decision_p90),
            ),
            ON_THE_SPOT: Column(
                lambda: QCoreApplication.translate("Figures", "On the spot"),
                lambda r: _share(r.on_the_spot_share) + ("*" if _on_demo(r) else ""),
                background=lambda r: DEMO if _on_demo(r) else None,
                tooltip=lambda r: (
                    on_the_spot_demo_text(r.on_the_spot_demo) if _on_demo(r) else None
                ),
            ),
            VISITS: Column(
                lambda: QCoreApplication.translate("Figures", "Visits per case"),
                lambda r: _visits(r.visits_per_case),
            ),
        }
    )


class FiguresModel(RowsModel[FigureRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_figure_columns(), parent)


class OnceModeModel(RowsModel[OnceModeShare]):
    """The share of items in "once and for all" mode, month by month, from the catalogue
    version in force at each month's end; a month resting on demo values is marked."""

    PERIOD, VERSION, ITEMS, ONCE, SHARE, DEMO_VALUES = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        def demo_tip(share: OnceModeShare) -> str | None:
            return once_mode_demo_text(share.demo_valued) if share.rests_on_demo_values else None

        def column(
            header: Callable[[], str], text: Callable[[OnceModeShare], str]
        ) -> Column[OnceModeShare]:
            return Column(header, text, tooltip=demo_tip)

        super().__init__(
            (
                column(lambda: QCoreApplication.translate("Figures", "Month"), lambda s: s.period),
                column(
                    lambda: QCoreApplication.translate("Figures", "Catalogue version"),
                    lambda s: s.version_label or "—",
                ),
                column(
                    lambda: QCoreApplication.translate("Figures", "Items"), lambda s: str(s.items)
                ),
                column(
                    lambda: QCoreApplication.translate("Figures", "At most one visit"),
                    lambda s: str(s.once_and_for_all),
                ),
                column(
                    lambda: QCoreApplication.translate("Figures", "Share"),
                    lambda s: _share(s.share),
                ),
                column(
                    lambda: QCoreApplication.translate("Figures", "Items with demo visits"),
                    lambda s: str(s.demo_valued) if s.rests_on_demo_values else "",
                ),
            ),
            parent,
            background=lambda s: DEMO if s.rests_on_demo_values else None,
        )

    def set_shares(self, shares: Sequence[OnceModeShare]) -> None:
        self.set_rows(shares)


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


def _alert_colour(alert: Alert) -> QColor | None:
    if alert.due is None:
        return WAITING
    return OVERDUE if alert.days is not None and alert.days < 0 else None


class DeadlineAlertsModel(RowsModel[Alert]):
    KIND, CASE, SUBJECT, DUE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                Column(
                    lambda: QCoreApplication.translate("Figures", "Alert"),
                    lambda a: alert_text(a.kind),
                ),
                Column(
                    lambda: QCoreApplication.translate("Figures", "Case number"),
                    lambda a: a.case_number or "—",
                ),
                Column(
                    lambda: QCoreApplication.translate("Figures", "Subject"), lambda a: a.subject
                ),
                Column(lambda: QCoreApplication.translate("Figures", "Due"), due_text),
            ),
            parent,
            background=_alert_colour,
        )

    def set_alerts(self, alerts: Sequence[Alert]) -> None:
        self.set_rows(alerts)


def due_text(alert: Alert) -> str:
    """The date, or the year whose holiday calendar it waits for (never a guessed date)."""
    if alert.due is not None:
        return alert.due.isoformat()
    if alert.waits_year is None:
        return "—"
    return QCoreApplication.translate(
        "Figures", "Unknown: load the {year} holiday calendar"
    ).format(year=alert.waits_year)
