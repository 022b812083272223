"""The hall figures and the deadline alerts, read in a handful of grouped queries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Operator, Permission, actor_of, open_to_clerks, requires
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.calendars.warning import next_year_missing
from clerk_app.db.models import Hall
from clerk_app.figures import queries
from clerk_app.figures.alerts import DeadlineAlerts, Periods
from clerk_app.figures.assistance import assistance_figures
from clerk_app.figures.export import save_csv, save_xlsx
from clerk_app.figures.fees import fee_sums
from clerk_app.figures.once_mode import once_mode_shares, period_ends
from clerk_app.figures.types import (
    INDICATORS,
    LEVELS,
    Alert,
    AlertKind,
    AssistanceFigure,
    CatalogueShare,
    Dimension,
    FigureRow,
    Figures,
    OnceModeShare,
    Period,
)
from clerk_app.intake.workdays import HallCalendar
from onewindow_base.clock import Clock, SystemClock, to_datetime
from onewindow_base.db.engine import Database
from printing.documents import HallBranding

_DECISION_FIELDS = {"accept": ("accepted",), "deferral": ("accepted", "deferrals")}
_DECISION_FIELDS |= {"one_time_notice": ("notices",), "refuse": ("refusals",)}
SORT_MEMORY_MB = 64


class FiguresService:
    def __init__(
        self,
        db: Database,
        *,
        hall_code: str | None,
        calendar: HallCalendar,
        clock: Clock | None = None,
        periods: Periods | None = None,
    ) -> None:
        self._db = db
        self._calendar = calendar
        self._clock = clock or SystemClock()
        self._periods = periods or Periods()
        self._hall_code = hall_code
        query = select(Hall.id, Hall.timezone, Hall.name_zh).order_by(Hall.id).limit(1)
        if hall_code is not None:
            query = query.where(Hall.code == hall_code)
        hall = db.run_read(lambda s: s.execute(query).first())
        if hall is None:
            raise LookupError(f"no hall {hall_code!r}")
        self._zone = ZoneInfo(hall.timezone)
        self._hall_id: int = hall.id
        self.hall_name: str = hall.name_zh

    def _gate(self) -> Gate:
        return Gate(AuditService(self._db, self._clock), self._db)

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    @open_to_clerks
    def now_ms(self) -> int:
        return self._clock.now_ms()

    @open_to_clerks
    def today(self) -> dt.date:
        return to_datetime(self._clock.now_ms(), self._zone).date()

    @requires(Permission.DATA_EXPORT)
    def export(self, figures: Figures, path: Path, *, by: Operator) -> None:
        """Write the figures to ``path`` (``.xlsx``, else CSV): supervisors and administrators
        only; the export is an audit record."""
        audit = AuditService(self._db, self._clock)
        kind = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
        (save_xlsx if kind == "xlsx" else save_csv)(figures, path)
        audit.record(
            AuditAction.EXPORT,
            actor_of(by),
            target_kind="figures",
            target=path.name[:120],
            detail={"format": kind, "from": str(figures.date_from), "to": str(figures.date_to)},
        )

    @requires(Permission.DATA_EXPORT)
    def export_report(
        self,
        date_from: dt.date,
        date_to: dt.date,
        path: Path,
        branding: HallBranding,
        *,
        by: Operator,
    ) -> None:
        """The daily (one day) or monthly report PDF of the figures to ``path``: supervisors
        and administrators only; the export is an audit record."""
        # The PDF renderer loads with the first report, not with the service.
        from clerk_app.figures.report import figures_report, save_pdf  # noqa: PLC0415

        audit = AuditService(self._db, self._clock)
        save_pdf(figures_report(self, date_from, date_to, now_ms=self.now_ms()), branding, path)
        audit.record(
            AuditAction.EXPORT,
            actor_of(by),
            target_kind="figures",
            target=path.name[:120],
            detail={"format": "pdf", "from": str(date_from), "to": str(date_to)},
        )

    # ------------------------------------------------------------ the measures
    @open_to_clerks
    def figures(
        self,
        date_from: dt.date,
        date_to: dt.date,
        *,
        period: Period = Period.DAY,
        dimension: Dimension = Dimension.HALL,
    ) -> Figures:
        if date_to < date_from:
            raise ValueError(f"the period ends ({date_to}) before it starts ({date_from})")
        window = self._window(date_from, date_to, period)
        ends = period_ends(date_from, date_to, period, self._zone)
        now_ms = self._clock.now_ms()

        def read(session: Session) -> Figures:
            _room_to_sort(session)
            figures = _collect(session, window, date_from, date_to, period, dimension)
            once_mode = once_mode_shares(session, ends, now_ms)
            fees = fee_sums(session, self._hall_id, window.start_ms, window.end_ms)
            helped = assistance_figures(session, self._hall_id, window.start_ms, window.end_ms)
            return dataclasses.replace(figures, once_mode=once_mode, fees=fees, assistance=helped)

        return self._db.run_read(read)

    @open_to_clerks
    def once_mode_trend(self, last_day: dt.date, months: int = 12) -> tuple[OnceModeShare, ...]:
        """The share of items in "once and for all" mode for each of the ``months`` months up
        to ``last_day``'s, each from the catalogue version in force at the month's end."""
        first = last_day.replace(day=1)
        for _ in range(months - 1):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        ends = period_ends(first, last_day, Period.MONTH, self._zone)
        now_ms = self._clock.now_ms()
        return self._db.run_read(lambda s: once_mode_shares(s, ends, now_ms))

    @open_to_clerks
    def assistance(self, date_from: dt.date, date_to: dt.date) -> tuple[AssistanceFigure, ...]:
        """帮办代办 per helper and kind, the days ``date_from``…``date_to`` (hall time)."""
        window = self._window(date_from, date_to, Period.DAY)
        return self._db.run_read(
            lambda s: assistance_figures(s, self._hall_id, window.start_ms, window.end_ms)
        )

    def _window(self, date_from: dt.date, date_to: dt.date, period: Period) -> queries.Window:
        start = dt.datetime.combine(date_from, dt.time(), self._zone)
        end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), self._zone)
        offset = start.utcoffset() or dt.timedelta()
        months: list[int] = []
        month = date_from.replace(day=1)
        while period is Period.MONTH:
            month = (month + dt.timedelta(days=32)).replace(day=1)
            if month > date_to:
                break
            months.append(int(dt.datetime.combine(month, dt.time(), self._zone).timestamp() * 1000))
        return queries.Window(
            int(start.timestamp() * 1000),
            int(end.timestamp() * 1000),
            int(offset / dt.timedelta(milliseconds=1)),
            tuple(months),
        )

    # ------------------------------------------------------------ deadline alerts
    @open_to_clerks
    def alerts(self) -> list[Alert]:
        """Cases and follow-ups needing attention now: from 1 November a missing next year's
        holiday calendar first, then flagged ones (waiting for a calendar year), then the most
        urgent."""
        today = self.today()
        reader = DeadlineAlerts(self._calendar, self._zone, today, self._periods)
        alerts = self._db.run_read(lambda s: reader.read(s, self._hall_code))
        missing = next_year_missing(self._calendar, today)
        if missing is not None:
            new_year = dt.date(missing, 1, 1)
            days = (new_year - today).days
            alerts.insert(0, Alert(AlertKind.CALENDAR_MISSING, None, str(missing), new_year, days))
        return alerts


def _room_to_sort(session: Session) -> None:
    """PostgreSQL: a year of cases is grouped in memory, not in sort files on disk (the
    default ``work_mem`` of 4 MB spills); for this read transaction only."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL work_mem = '{SORT_MEMORY_MB}MB'"))


# ---------------------------------------------------------------------------- aggregation
class _Rows:
    """Rows by (period, key), the raw keys of the queries mapped to the dimension's keys."""

    def __init__(
        self, session: Session, window: queries.Window, period: Period, dim: Dimension
    ) -> None:
        self._window = window
        self._period = period
        self._dim = dim
        self._items = (
            queries.items(session) if dim in (Dimension.ITEM, Dimension.DEPARTMENT) else {}
        )
        self._users = queries.users(session) if dim is Dimension.CLERK else {}
        self.rows: dict[tuple[str, str], FigureRow] = {}
        self._periods: dict[int, str] = {}
        self.hours: dict[tuple[str, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.elapsed_ms: dict[tuple[str, str], int] = defaultdict(int)

    def _key(self, version: int, code: str, user: int | None) -> tuple[str, str]:
        if self._dim is Dimension.HALL:
            return "*", ""
        if self._dim is Dimension.CLERK:
            return self._users.get(user or 0, ("", ""))
        name, department = self._items.get((version, code), ("", ""))
        return (code or "", name) if self._dim is Dimension.ITEM else (department, department)

    def row(self, version: int, code: str, user: int | None, day_number: int) -> FigureRow:
        period = self._periods.get(day_number)
        if period is None:
            day = self._window.date(day_number)
            text = day.isoformat() if self._period is Period.DAY else day.strftime("%Y-%m")
            period = self._periods[day_number] = text
        key, label = self._key(version, code, user)
        found = self.rows.get((period, key))
        if found is None:
            found = self.rows[(period, key)] = FigureRow(period, key, label)
        return found


def _collect(
    session: Session,
    window: queries.Window,
    date_from: dt.date,
    date_to: dt.date,
    period: Period,
    dim: Dimension,
) -> Figures:
    acc = _Rows(session, window, period, dim)
    for version, code, user, day, decision, count in queries.decisions(session, window, dim):
        row = acc.row(version, code, user, day)
        for name in _DECISION_FIELDS.get(decision, ()):
            setattr(row, name, getattr(row, name) + int(count))
    for version, code, user, day, hours, count, one_visit, elapsed in queries.completions(
        session, window, dim
    ):
        row = acc.row(version, code, user, day)
        row.completed += int(count)
        row.completed_one_visit += int(one_visit or 0)
        if hours is not None:
            acc.hours[(row.period, row.key)][int(hours)] += int(count)
            acc.elapsed_ms[(row.period, row.key)] += int(elapsed)
    _add_on_the_spot(session, window, dim, acc)
    for version, code, user, day, cases, visits, pickups in queries.trips(session, window, dim):
        row = acc.row(version, code, user, day)
        row.visit_cases += int(cases)
        row.visit_trips += int(visits or 0) + int(pickups or 0)
    for version, code, user, day, count in queries.handovers(session, window, dim):
        acc.row(version, code, user, day).handed_over += int(count)
    for version, code, user, day, count, *levels in queries.ratings(session, window, dim):
        row = acc.row(version, code, user, day)
        row.ratings += int(count)
        _add_levels(row, [int(n or 0) for n in levels])
    all_hours: dict[int, int] = defaultdict(int)
    for where, histogram in acc.hours.items():
        _set_durations(acc.rows[where], histogram, acc.elapsed_ms[where])
        for hours, n in histogram.items():
            all_hours[hours] += n
    rows = tuple(sorted(acc.rows.values(), key=lambda r: (r.period, r.key)))
    totals = _sum(rows, f"{date_from.isoformat()}..{date_to.isoformat()}")
    _set_durations(totals, all_hours, sum(acc.elapsed_ms.values()))
    shares = tuple(
        CatalogueShare(str(k or ""), str(label or ""), int(n), int(once or 0), int(demo or 0))
        for k, label, n, once, demo in queries.catalogue(session, dim)
    )
    catalogue_total = CatalogueShare(
        "*",
        "",
        sum(c.items for c in shares),
        sum(c.once_and_for_all for c in shares),
        sum(c.demo_valued for c in shares),
    )
    return Figures(date_from, date_to, period, dim, rows, totals, shares, catalogue_total)


def _add_on_the_spot(session: Session, window: queries.Window, dim: Dimension, acc: _Rows) -> None:
    """Accepted cases of 即办件 items finished on the spot, and accepted cases of items whose
    handling is a demo value; only the decisions of such items are read."""
    handling = queries.handling(session)
    codes = sorted({code for (_, code), (spot, demo) in handling.items() if spot or demo})
    if not codes:
        return
    for version, code, user, day, plain, accepted in queries.accepts_by_item(
        session, window, dim, codes
    ):
        on_the_spot, demo = handling.get((version, code), (False, False))
        row = acc.row(version, code, user, day)
        row.on_the_spot += int(plain) if on_the_spot else 0
        row.on_the_spot_demo += int(accepted) if demo else 0


def _add_levels(row: FigureRow, counts: list[int]) -> None:
    position = 0
    for indicator in INDICATORS:
        for level in LEVELS:
            row.satisfaction[indicator][str(level)] += counts[position]
            position += 1


def _sum(rows: Iterable[FigureRow], period: str) -> FigureRow:
    total = FigureRow(period, "*", "")
    counted = (
        *("accepted", "notices", "deferrals", "refusals", "completed"),
        *("completed_one_visit", "handed_over", "ratings"),
        *("on_the_spot", "on_the_spot_demo", "visit_cases", "visit_trips"),
    )
    for row in rows:
        for name in counted:
            setattr(total, name, getattr(total, name) + getattr(row, name))
        for indicator, levels in row.satisfaction.items():
            for level, n in levels.items():
                total.satisfaction[indicator][level] += n
    return total


def _set_durations(row: FigureRow, histogram: dict[int, int], elapsed_ms: int) -> None:
    """The exact average, and the p90 (nearest rank) to a tenth of a day, in days."""
    cases = sum(histogram.values())
    if not cases:
        return
    row.days_to_decision_avg = round(elapsed_ms / queries.DAY_MS / cases, 2)
    rank, seen = max(1, math.ceil(0.9 * cases)), 0
    for hours in sorted(histogram):
        seen += histogram[hours]
        if seen >= rank:
            row.days_to_decision_p90 = round(hours / 10, 1)
            return
