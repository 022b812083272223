"""The supervisor's hall figures (the reform's measures), deadline alerts and bad-rating
follow-ups, with the daily / monthly report PDF and the XLSX export.

Every read and every file goes through the task runner; a report is written beside its name and
moved into place, so a half-written file never carries the chosen name.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.accounts.authz import Permission, PermissionDenied
from clerk_app.accounts.roles import UserInfo
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import (
    TREND_MONTHS,
    Alert,
    AlertKind,
    AssistanceFigure,
    Dimension,
    Figures,
    OnceModeShare,
    Period,
)
from clerk_app.intake.post_check import (
    PostCheckOutcome,
    PostCheckRecord,
    PostCheckRefused,
    PostCheckService,
)
from clerk_app.intake.types import AssistanceKind
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import FollowUpAction, FollowUpView, RatingRefusal, RatingRefused
from printing.documents import HallBranding
from ui.assistance_text import kind_name
from ui.rating_reasons import reasons_line
from ui.supervisor.figures_models import (
    OVERDUE,
    DeadlineAlertsModel,
    FiguresModel,
    OnceModeModel,
    on_the_spot_demo_text,
    once_mode_demo_text,
)
from ui.tables import ROW_ROLE, RowsModel, fit_columns
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)
ERROR_STYLE = "color: #b00020;"
DEMO_STYLE = "background: #fff3cd; color: #5c4400; padding: 4px;"


@dataclass(frozen=True, slots=True)
class FiguresDeps:
    figures: FiguresService
    ratings: RatingService | None  # None without the hall key: no follow-ups to close
    branding: HallBranding
    post_checks: PostCheckService | None = None  # 告知承诺: record a case's post-check


POST_CHECKS = (AlertKind.POST_CHECK_DUE, AlertKind.POST_CHECK_UNDATED)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    return first, after - dt.timedelta(days=1)


class FiguresPanel(QWidget):
    def __init__(
        self,
        deps: FiguresDeps,
        runner: TaskRunner,
        supervisor: UserInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._deps, self._runner, self._supervisor = deps, runner, supervisor
        self._follow_ups: list[FollowUpView] = []
        today = deps.figures.today()
        self.date_from = QDateEdit(_qdate(today.replace(day=1)))
        self.date_to = QDateEdit(_qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period = QComboBox()
        self.period.addItem(self.tr("Per day"), Period.DAY)
        self.period.addItem(self.tr("Per month"), Period.MONTH)
        self.dimension = QComboBox()
        for text, dim in (
            (self.tr("Whole hall"), Dimension.HALL),
            (self.tr("Per item"), Dimension.ITEM),
            (self.tr("Per department"), Dimension.DEPARTMENT),
            (self.tr("Per clerk"), Dimension.CLERK),
        ):
            self.dimension.addItem(text, dim)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.clicked.connect(self.refresh)
        self.daily_button = QPushButton(self.tr("&Daily report PDF…"))
        self.daily_button.clicked.connect(lambda: self._ask_path("pdf-day"))
        self.monthly_button = QPushButton(self.tr("&Monthly report PDF…"))
        self.monthly_button.clicked.connect(lambda: self._ask_path("pdf-month"))
        self.xlsx_button = QPushButton(self.tr("E&xport XLSX…"))
        self.xlsx_button.clicked.connect(lambda: self._ask_path("xlsx"))
        self.share = QLabel()
        self.demo_note = QLabel()  # which figures rest on demo catalogue values
        self.demo_note.setWordWrap(True)
        self.demo_note.setStyleSheet(DEMO_STYLE)
        self.demo_note.hide()
        self._notes: dict[str, list[str]] = {"figures": [], "trend": []}
        self.model = FiguresModel(self)
        self.table = self._view(self.model)
        self.trend_model = OnceModeModel(self)
        self.trend = self._view(self.trend_model)
        self.alerts_model = DeadlineAlertsModel(self)
        self.alerts = self._view(self.alerts_model)
        self.waiting = QLabel()  # deadlines waiting for a holiday calendar year
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        self.follow_ups = self._follow_ups_table()
        self.action = QComboBox()
        self.action.addItem(self.tr("Revisit"), FollowUpAction.REVISIT)
        self.action.addItem(self.tr("Rectify"), FollowUpAction.RECTIFY)
        self.action.addItem(self.tr("Appeal for review"), FollowUpAction.APPEAL)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What was done"))
        self.close_button = QPushButton(self.tr("&Close follow-up"))
        self.close_button.clicked.connect(self.close_selected)
        self.close_button.setEnabled(deps.ratings is not None)
        self.check_outcome, self.check_button = self._post_check_controls(deps)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._layout()

    def _follow_ups_table(self) -> QTableWidget:
        table = QTableWidget(0, 7)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Due"),
                self.tr("Window"),
                self.tr("Clerk"),
                self.tr("Level"),
                self.tr("Case number"),
                self.tr("Reasons"),
                self.tr("Comment"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _assistance_table(self) -> QTableWidget:
        """帮办代办 in the period: per helper and kind."""
        table = QTableWidget(0, 5)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Helper"),
                self.tr("Kind"),
                self.tr("Cases"),
                self.tr("Sittings"),
                self.tr("Minutes"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _post_check_controls(self, deps: FiguresDeps) -> tuple[QComboBox, QPushButton]:
        """告知承诺: what a post-check found, and the button that records it."""
        outcome = QComboBox()
        outcome.addItem(self.tr("Commitment true"), PostCheckOutcome.VERIFIED)
        outcome.addItem(
            self.tr("False commitment (revoke, bad credit)"), PostCheckOutcome.FALSE_COMMITMENT
        )
        button = QPushButton(self.tr("Record &post-check"))
        button.clicked.connect(self.record_post_check)
        button.setEnabled(deps.post_checks is not None)
        return outcome, button

    @staticmethod
    def _view(model: RowsModel[Any]) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setStretchLastSection(True)
        fit_columns(view)
        return view

    def _layout(self) -> None:
        query = QHBoxLayout()
        from_label, to_label = QLabel(self.tr("&From")), QLabel(self.tr("&To"))
        from_label.setBuddy(self.date_from)
        to_label.setBuddy(self.date_to)
        for widget in (from_label, self.date_from, to_label, self.date_to):
            query.addWidget(widget)
        query.addWidget(self.period)
        query.addWidget(self.dimension)
        query.addWidget(self.show_button)
        query.addStretch(1)
        exports = QHBoxLayout()
        exports.addWidget(self.share, 1)
        for button in (self.daily_button, self.monthly_button, self.xlsx_button):
            exports.addWidget(button)
        alerts_box = QGroupBox(self.tr("Deadline alerts"))
        alerts_layout = QVBoxLayout(alerts_box)
        alerts_layout.addWidget(self.waiting)
        alerts_layout.addWidget(self.alerts)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_outcome, 1)
        check_row.addWidget(self.check_button)
        alerts_layout.addLayout(check_row)
        follow_box = QGroupBox(self.tr("Bad ratings to follow up"))
        follow = QVBoxLayout(follow_box)
        follow.addWidget(self.follow_ups)
        close_row = QHBoxLayout()
        close_row.addWidget(self.action)
        close_row.addWidget(self.note, 1)
        close_row.addWidget(self.close_button)
        follow.addLayout(close_row)
        trend_box = QGroupBox(self.tr("Items in “once and for all” mode, month by month"))
        QVBoxLayout(trend_box).addWidget(self.trend)
        self.assistance = self._assistance_table()
        assistance_box = QGroupBox(self.tr("Assistance (帮办代办)"))
        QVBoxLayout(assistance_box).addWidget(self.assistance)
        lower = QHBoxLayout()
        lower.addWidget(trend_box, 1)
        lower.addWidget(alerts_box, 1)
        lower.addWidget(follow_box, 1)
        lower.addWidget(assistance_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(query)
        layout.addLayout(exports)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.table, 2)
        layout.addLayout(lower, 1)
        layout.addWidget(self.status)

    # ------------------------------------------------------------------ reading
    def dates(self) -> tuple[dt.date, dt.date]:
        first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        assert isinstance(first, dt.date)
        assert isinstance(last, dt.date)
        return first, last

    def _period_and_dimension(self) -> tuple[Period, Dimension]:
        """The choices as enums (a combo box hands back a str-enum's value as a plain str)."""
        return Period(self.period.currentData()), Dimension(self.dimension.currentData())

    def refresh(self) -> None:
        first, last = self.dates()
        if last < first:
            self.say(self.tr("The period ends before it starts."))
            return
        figures = self._deps.figures
        period, dim = self._period_and_dimension()
        self._runner.run(
            lambda: figures.figures(first, last, period=period, dimension=dim),
            self._show_figures,
            self._failed,
            owner=self,
        )
        self._runner.run(
            lambda: figures.once_mode_trend(last, TREND_MONTHS),
            self._show_trend,
            self._failed,
            owner=self,
        )
        self._runner.run(figures.alerts, self._show_alerts, self._failed, owner=self)
        self._runner.run(
            lambda: figures.assistance(first, last), self._show_assistance, self._failed, owner=self
        )
        self.refresh_follow_ups()

    def refresh_follow_ups(self) -> None:
        ratings = self._deps.ratings
        if ratings is not None:
            self._runner.run(ratings.follow_ups, self._show_follow_ups, self._failed, owner=self)

    def _show_figures(self, figures: Figures) -> None:
        self.model.set_rows([*figures.rows, figures.totals])
        share = figures.catalogue_total
        self.share.setText(
            self.tr("Items in “once and for all” mode: {share} ({n} of {items})").format(
                share="—" if share.share is None else f"{share.share:.0%}",
                n=share.once_and_for_all,
                items=share.items,
            )
            + ("*" if share.demo_valued else "")
        )
        notes = []
        if share.demo_valued:
            notes.append(
                self.tr("“Once and for all” share of the active catalogue: {note}").format(
                    note=once_mode_demo_text(share.demo_valued)
                )
            )
        if figures.totals.on_the_spot_demo:
            notes.append(
                self.tr("On-the-spot share: {note}").format(
                    note=on_the_spot_demo_text(figures.totals.on_the_spot_demo)
                )
            )
        self._set_notes("figures", notes)
        self.say(
            self.tr("Figures for {first} to {last}.").format(
                first=figures.date_from.isoformat(), last=figures.date_to.isoformat()
            ),
            error=False,
        )

    def _show_assistance(self, rows: tuple[AssistanceFigure, ...]) -> None:
        self.assistance.setRowCount(len(rows))
        for n, r in enumerate(rows):
            kind = kind_name(AssistanceKind(r.kind))
            texts = (r.helper_name, kind, str(r.cases), str(r.sittings), str(r.minutes))
            for column, text in enumerate(texts):
                self.assistance.setItem(n, column, QTableWidgetItem(text))

    def _show_trend(self, trend: tuple[OnceModeShare, ...]) -> None:
        self.trend_model.set_shares(trend)
        demo = [s for s in trend if s.rests_on_demo_values]
        notes = (
            [
                self.tr("Monthly trend, {months}: {note}").format(
                    months=", ".join(s.period for s in demo),
                    note=once_mode_demo_text(max(s.demo_valued for s in demo)),
                )
            ]
            if demo
            else []
        )
        self._set_notes("trend", notes)

    def _set_notes(self, part: str, notes: list[str]) -> None:
        """Say, above the figures, which of them rest on demo catalogue values."""
        self._notes[part] = notes
        shown = [*self._notes["figures"], *self._notes["trend"]]
        self.demo_note.setText("\n".join(f"* {n}" for n in shown))
        self.demo_note.setVisible(bool(shown))

    def _show_alerts(self, alerts: list[Alert]) -> None:
        self.alerts_model.set_alerts(alerts)
        waiting = {a.case_number for a in alerts if a.due is None}
        years = sorted({a.waits_year for a in alerts if a.waits_year is not None})
        self.waiting.setVisible(bool(waiting))
        self.waiting.setText(
            self.tr(
                "Deadlines of %n case(s) cannot be dated: the holiday calendar of {years} is "
                "not loaded. Once it is, their dates are computed.",
                "",
                len(waiting),
            ).format(years=", ".join(map(str, years)))
        )

    def _show_follow_ups(self, follow_ups: list[FollowUpView]) -> None:
        self._follow_ups = follow_ups
        self.follow_ups.setRowCount(len(follow_ups))
        for row, f in enumerate(follow_ups):
            cells = (
                self.tr("waiting for the calendar") if f.due is None else f.due.isoformat(),
                str(f.window_number),
                f.clerk_name,
                str(int(f.level)),
                f.case_number or "—",
                reasons_line(f.reasons, f.reason_text) or "—",
                f.comment,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if f.overdue:
                    item.setBackground(QBrush(OVERDUE))
                    item.setToolTip(self.tr("Overdue"))
                self.follow_ups.setItem(row, column, item)

    # ------------------------------------------------------------------ follow-ups
    def close_selected(self) -> None:
        ratings = self._deps.ratings
        rows = self.follow_ups.selectionModel().selectedRows()
        if ratings is None or not rows:
            self.say(self.tr("Choose a follow-up first."))
            return
        chosen = self._follow_ups[rows[0].row()]
        action = FollowUpAction(self.action.currentData())
        note, supervisor = self.note.text().strip(), self._supervisor
        self._runner.run(
            lambda: ratings.close_follow_up(chosen.follow_up_id, action, note, supervisor),
            self._closed,
            self._failed,
            owner=self,
        )

    def _closed(self, view: FollowUpView) -> None:
        self.note.clear()
        self.say(
            self.tr("Follow-up of the rating at window {window} closed.").format(
                window=view.window_number
            ),
            error=False,
        )
        self.refresh_follow_ups()
        self._runner.run(self._deps.figures.alerts, self._show_alerts, self._failed, owner=self)

    # ------------------------------------------------------------------ post-checks
    def record_post_check(self) -> None:
        """告知承诺: record what the post-check of the selected alert's case found."""
        service = self._deps.post_checks
        rows = self.alerts.selectionModel().selectedRows()
        alert = self.alerts_model.data(rows[0], ROW_ROLE) if rows else None
        if service is None or not isinstance(alert, Alert) or alert.kind not in POST_CHECKS:
            self.say(self.tr("Choose a notify-and-commit post-check alert first."))
            return
        number, outcome = (
            alert.case_number or "",
            PostCheckOutcome(self.check_outcome.currentData()),
        )
        supervisor = self._supervisor
        self._runner.run(
            lambda: service.record(number, outcome, by=supervisor),
            self._post_check_recorded,
            self._failed,
            owner=self,
        )

    def _post_check_recorded(self, done: PostCheckRecord) -> None:
        self.say(
            self.tr("Post-check of case {case} recorded.").format(case=done.case_number),
            error=False,
        )
        self._runner.run(self._deps.figures.alerts, self._show_alerts, self._failed, owner=self)

    # ------------------------------------------------------------------ exports
    def _ask_path(self, kind: str) -> None:
        dialog = QFileDialog(self, self.tr("Save the figures"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        is_pdf = kind.startswith("pdf")
        dialog.setDefaultSuffix("pdf" if is_pdf else "xlsx")
        dialog.setNameFilter(
            self.tr("PDF documents (*.pdf)") if is_pdf else self.tr("Excel workbooks (*.xlsx)")
        )
        names = {"pdf-day": "daily-figures.pdf", "pdf-month": "monthly-figures.pdf"}
        dialog.selectFile(names.get(kind, "figures.xlsx"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export(Path(path), kind))
        dialog.open()

    def export(self, path: Path, kind: str) -> None:
        """``pdf-day``: the daily report of the last day; ``pdf-month``: the monthly report of
        its month; ``xlsx``: the figures shown, as a workbook."""
        first, last = self.dates()
        figures, branding, supervisor = self._deps.figures, self._deps.branding, self._supervisor
        if kind == "xlsx":
            period, dim = self._period_and_dimension()

            def work() -> None:
                shown = figures.figures(first, last, period=period, dimension=dim)
                figures.export(shown, path, by=supervisor)

        else:
            start, end = (last, last) if kind == "pdf-day" else _month_of(last)

            def work() -> None:
                figures.export_report(start, end, path, branding, by=supervisor)

        self.say(self.tr("Saving…"), error=False)
        self._runner.run(
            work,
            lambda _: self.say(self.tr("Saved to {path}.").format(path=path), error=False),
            self._failed,
            owner=self,
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, RatingRefused):
            texts = {
                RatingRefusal.FOLLOW_UP_CLOSED: self.tr("This follow-up is already closed."),
                RatingRefusal.NOT_SUPERVISOR: self.tr("Only a supervisor closes a follow-up."),
            }
            self.say(texts.get(exc.code, self.tr("The follow-up could not be closed.")))
            return
        if isinstance(exc, PostCheckRefused):
            self.say(self.tr("This case's post-check cannot be recorded (already recorded?)."))
            return
        if isinstance(exc, PermissionDenied) and exc.action == Permission.POST_CHECK.value:
            self.say(self.tr("Only a supervisor records a post-check."))
            return
        if isinstance(exc, OSError):
            self.say(self.tr("The file could not be saved: {error}").format(error=exc.strerror))
            return
        if isinstance(exc, PermissionDenied):
            self.say(self.tr("Your role may not export the hall's figures."))
            return
        log.error("figures action failed", exc_info=exc)
        self.say(self.tr("The operation failed. Please try again."))

    def say(self, text: str, *, error: bool = True) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
