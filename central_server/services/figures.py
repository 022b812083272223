"""The province's figures: per hall, department or item, per day or month, counted in SQL over
the server's own cases and ratings (docs/figures.md, "The province's figures", where each
measure is defined once, for the hall and the province alike).

Each measure is one grouped query over a covering index (migration c0011), so a year of 200
halls is read without touching the case rows: the cases accepted at the counter by the day of
that decision (with their on-the-spot acceptances, counter visits and pickups), the cases the
back office decided by the day of its decision, the ratings by the day given. Days are the
halls' (``ServerSettings.timezone``): an instant's day is its epoch milliseconds shifted by the
zone's UTC offset and divided by a day, on plain integers in both databases (China keeps no
daylight saving time, so one offset holds all year). Per month, each month is one range read
with its first day as a constant. The catalogue's measures come from the release in force at
each period's end (:mod:`central_server.services.figures_catalogue`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, literal, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from central_server.context import ServerContext
from central_server.models import ACCEPTED_CASES, Case, Hall, Rating
from central_server.services.errors import Refusal, Refused
from central_server.services.figures_catalogue import CatalogueCounts, Releases
from onewindow_protocol.wire.figures import FigureRow, OnceModeMonth, Per, ProvinceFigures
from onewindow_protocol.wire.ratings import GroupBy

DAY_MS = 86_400_000
ON_THE_SPOT = "on_the_spot"  # 即办件
PICKUP = "pickup"
SATISFIED = 4  # 满意 or 非常满意 overall
TREND_MONTHS = 12
SORT_MEMORY_MB = 64
MAX_DAYS = 3 * 366  # per day, at most three years in one answer
MAX_MONTH_DAYS = 10 * 366  # per month, ten
EARLIEST, LATEST = dt.date(1970, 1, 1), dt.date(9998, 12, 31)  # epoch milliseconds, and room


@dataclass(frozen=True)
class Window:
    """The period asked for, as epoch milliseconds and the zone's offset."""

    start_ms: int
    end_ms: int  # exclusive
    offset_ms: int
    month_starts: tuple[int, ...]  # per month: each month's first instant after the first
    per_month: bool

    def spans(self, column: Any) -> Iterator[tuple[ColumnElement[int], ColumnElement[bool]]]:
        """(a row's period as the day number of its first day, the rows of the span)."""
        if not self.per_month:
            day = (column + self.offset_ms) // DAY_MS
            yield day, (column >= self.start_ms) & (column < self.end_ms)
            return
        bounds = (self.start_ms, *self.month_starts, self.end_ms)
        for low, high in pairwise(bounds):
            yield literal((low + self.offset_ms) // DAY_MS), (column >= low) & (column < high)


@dataclass(slots=True)
class Tally:
    """The additive counts behind one row's measures."""

    accepted: int = 0
    on_the_spot: int = 0
    visit_cases: int = 0
    visits: int = 0
    completed: int = 0
    elapsed_ms: int = 0
    ratings: int = 0
    satisfied: int = 0

    def add(self, other: Tally) -> None:
        self.accepted += other.accepted
        self.on_the_spot += other.on_the_spot
        self.visit_cases += other.visit_cases
        self.visits += other.visits
        self.completed += other.completed
        self.elapsed_ms += other.elapsed_ms
        self.ratings += other.ratings
        self.satisfied += other.satisfied


def _share(part: int, whole: int, digits: int = 4) -> float | None:
    return round(part / whole, digits) if whole else None


def _row(
    period: str | None,
    key: str | None,
    t: Tally,
    release: int | None,
    cat: CatalogueCounts,
    label: str | None = None,
) -> FigureRow:
    # Built from counted values, so without validating them again (a year per day by hall is
    # 73,000 rows; the wire model checks what a client sends, not what the server counts).
    return FigureRow.model_construct(
        period=period,
        key=key,
        label=label,
        catalogue_release=release,
        items=cat.items,
        items_networked=cat.networked,
        items_once=cat.once,
        networked_share=_share(cat.networked, cat.items),
        once_share=_share(cat.once, cat.items),
        accepted=t.accepted,
        on_the_spot=t.on_the_spot,
        on_the_spot_share=_share(t.on_the_spot, t.accepted),
        completed=t.completed,
        days_to_decision_avg=round(t.elapsed_ms / DAY_MS / t.completed, 2) if t.completed else None,
        visit_cases=t.visit_cases,
        visits=t.visits,
        visits_per_case=_share(t.visits, t.visit_cases, 2),
        ratings=t.ratings,
        satisfied=t.satisfied,
        satisfied_share=_share(t.satisfied, t.ratings),
    )


def _keys(by: GroupBy) -> tuple[Any, Any]:
    """The grouping column of the cases and of the ratings."""
    if by is GroupBy.HALL:
        return Case.hall_code, Rating.hall_code
    if by is GroupBy.DEPARTMENT:
        return Case.department, Rating.department
    return Case.item_code, Rating.item_code


def _grouped(session: Session, key: Any, day: ColumnElement[int], query: Any) -> Iterator[Any]:
    columns = [key] if isinstance(day, BindParameter) else [key, day]  # constants: no group
    yield from session.execute(query.group_by(*columns))


def _accepted(session: Session, w: Window, key: Any) -> Iterator[tuple[Any, int, Tally]]:
    """By the day of the accepting decision: accepted, on the spot, counter visits, pickups."""
    spot = (Case.counter_decision == "accept") & (Case.handling == ON_THE_SPOT)
    for day, rows in w.spans(Case.taken_at_ms):
        query = select(
            key,
            day,
            func.count(),
            func.count().filter(spot),
            func.sum(Case.counter_visits),
            func.count().filter(Case.handover_method == PICKUP),
        ).where(rows, text(ACCEPTED_CASES))
        for k, d, n, on_spot, visits, pickups in _grouped(session, key, day, query):
            trips = int(visits or 0) + int(pickups)
            yield k, int(d), Tally(int(n), int(on_spot), int(n), trips)


def _completed(session: Session, w: Window, key: Any) -> Iterator[tuple[Any, int, Tally]]:
    """By the day of the back office's decision: the cases, their time from acceptance."""
    for day, rows in w.spans(Case.decided_ms):
        query = select(key, day, func.count(), func.sum(Case.decided_ms - Case.taken_at_ms))
        for k, d, n, elapsed in _grouped(session, key, day, query.where(rows)):
            yield k, int(d), Tally(completed=int(n), elapsed_ms=int(elapsed or 0))


def _rated(session: Session, w: Window, key: Any) -> Iterator[tuple[Any, int, Tally]]:
    for day, rows in w.spans(Rating.rated_at_ms):
        query = select(key, day, func.count(), func.count().filter(Rating.level >= SATISFIED))
        for k, d, n, good in _grouped(session, key, day, query.where(rows)):
            yield k, int(d), Tally(ratings=int(n), satisfied=int(good))


class Figures:
    """One answer: the window, the periods' labels and ends, the catalogue's releases."""

    def __init__(self, ctx: ServerContext, first: dt.date, last: dt.date, per: Per) -> None:
        if last < first:
            raise Refused(Refusal.INVALID_REQUEST, "the period ends before it starts")
        if first < EARLIEST or last > LATEST:
            raise Refused(Refusal.INVALID_REQUEST, f"the days are from {EARLIEST} to {LATEST}")
        if (last - first).days >= (MAX_DAYS if per is Per.DAY else MAX_MONTH_DAYS):
            limit = "three years per day" if per is Per.DAY else "ten years per month"
            raise Refused(Refusal.INVALID_REQUEST, f"at most {limit} at once")
        self.zone = ZoneInfo(ctx.settings.timezone)
        self.first, self.last, self.per = first, last, per
        self.now_ms = ctx.now_ms()
        self._labels: dict[int, str] = {}
        start = self.day_start_ms(first)
        offset = dt.datetime.combine(first, dt.time(), self.zone).utcoffset() or dt.timedelta()
        months: list[int] = []
        month = _next_month(first)
        while per is Per.MONTH and month <= last:
            months.append(self.day_start_ms(month))
            month = _next_month(month)
        self.window = Window(
            start_ms=start,
            end_ms=self.day_start_ms(last + dt.timedelta(days=1)),
            offset_ms=int(offset.total_seconds() * 1000),
            month_starts=tuple(months),
            per_month=per is Per.MONTH,
        )

    def day_start_ms(self, day: dt.date) -> int:
        return int(dt.datetime.combine(day, dt.time(), self.zone).timestamp() * 1000)

    def label(self, day_number: int) -> str:
        found = self._labels.get(day_number)
        if found is None:
            day = dt.date(1970, 1, 1) + dt.timedelta(days=day_number)
            found = day.isoformat() if self.per is Per.DAY else day.strftime("%Y-%m")
            self._labels[day_number] = found
        return found

    def end_of(self, label: str) -> int:
        """The last instant of a period (capped by the range and by now)."""
        day = dt.date.fromisoformat(label if self.per is Per.DAY else f"{label}-01")
        after = day + dt.timedelta(days=1) if self.per is Per.DAY else _next_month(day)
        after = min(after, self.last + dt.timedelta(days=1))
        return min(self.day_start_ms(after) - 1, self.now_ms)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _tune_for_grouping(session: Session) -> None:
    """PostgreSQL, for this read transaction only: group a year in memory, not in sort files
    (the default 4 MB ``work_mem`` spills), and no JIT compilation, which costs more than the
    grouping it would speed up (a query over a year passes ``jit_above_cost``)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"SET LOCAL work_mem = '{SORT_MEMORY_MB}MB'"))
        session.execute(text("SET LOCAL jit = off"))


def province_figures(
    ctx: ServerContext,
    first: dt.date,
    last: dt.date,
    by: GroupBy = GroupBy.HALL,
    per: Per = Per.MONTH,
) -> ProvinceFigures:
    f = Figures(ctx, first, last, per)
    case_key, rating_key = _keys(by)
    tallies: dict[tuple[str, str | None], Tally] = {}
    with ctx.db.read() as session:
        _tune_for_grouping(session)
        for source in (
            _accepted(session, f.window, case_key),
            _completed(session, f.window, case_key),
            _rated(session, f.window, rating_key),
        ):
            for key, day, tally in source:
                tallies.setdefault((f.label(day), key), Tally()).add(tally)
        releases = Releases.read(session)
        halls = list(session.scalars(select(Hall.code).order_by(Hall.code)))
        return _assemble(f, by, tallies, releases, halls)


def _assemble(
    f: Figures,
    by: GroupBy,
    tallies: dict[tuple[str, str | None], Tally],
    releases: Releases,
    halls: list[str],
) -> ProvinceFigures:
    end_release = releases.in_force(min(f.window.end_ms - 1, f.now_ms))
    end_counts = releases.counts(end_release, by)
    names = {i.code: i.name for i in releases.items(end_release)} if end_release else {}

    def catalogue(key: str | None, counts: dict[str | None, CatalogueCounts]) -> CatalogueCounts:
        """A hall offers the whole release (key None); an unknown department or item none."""
        if by is not GroupBy.HALL and key is None:
            return CatalogueCounts()
        return counts.get(None if by is GroupBy.HALL else key, CatalogueCounts())

    def label(key: str | None) -> str | None:
        return names.get(key or "") if by is GroupBy.ITEM else None

    rows = []
    per_key: dict[str | None, Tally] = {}
    in_force: dict[str, int | None] = {}
    for (period, key), tally in sorted(tallies.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if period not in in_force:
            in_force[period] = releases.in_force(f.end_of(period))
        release = in_force[period]
        counts = releases.counts(release, by)
        rows.append(_row(period, key, tally, release, catalogue(key, counts), label(key)))
        per_key.setdefault(key, Tally()).add(tally)
    keys = set(per_key) | (set(halls) if by is GroupBy.HALL else set(end_counts) - {None})
    groups = [
        _row(
            None,
            key,
            per_key.get(key, Tally()),
            end_release,
            catalogue(key, end_counts),
            label(key),
        )
        for key in sorted(keys, key=lambda k: (k is None, k or ""))
    ]
    total = Tally()
    for tally in per_key.values():
        total.add(tally)
    return ProvinceFigures(
        date_from=f.first,
        date_to=f.last,
        timezone=str(f.zone),
        by=by,
        per=f.per,
        total=_row(None, None, total, end_release, end_counts.get(None, CatalogueCounts())),
        groups=groups,
        rows=rows,
        once_mode_trend=_trend(f, releases),
    )


def _trend(f: Figures, releases: Releases) -> list[OnceModeMonth]:
    """Each of the 12 months up to the last day's: the release in force at its end."""
    month = f.last.replace(day=1)
    months = [month]
    for _ in range(TREND_MONTHS - 1):
        month = (month - dt.timedelta(days=1)).replace(day=1)
        months.insert(0, month)
    trend = []
    for first in months:
        end = min(_next_month(first), f.last + dt.timedelta(days=1))
        release = releases.in_force(min(f.day_start_ms(end) - 1, f.now_ms))
        whole = releases.counts(release, GroupBy.HALL).get(None, CatalogueCounts())
        trend.append(
            OnceModeMonth(
                month=first.strftime("%Y-%m"),
                catalogue_release=release,
                items=whole.items,
                items_once=whole.once,
                once_share=_share(whole.once, whole.items),
            )
        )
    return trend
