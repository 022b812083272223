"""Queue statistics for a date range, per service and per window."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.db.models import Service, Ticket, Window
from clerk_app.queue.hall import HallRules
from clerk_app.queue.types import DurationFigures, QueueStats, StatsRow


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (the value at or below which q of the samples fall)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def durations(values: list[float]) -> DurationFigures:
    if not values:
        return DurationFigures(0, None, None)
    return DurationFigures(len(values), sum(values) / len(values), percentile(values, 0.9))


class _Acc:
    def __init__(self) -> None:
        self.issued = 0
        self.served = 0
        self.no_shows = 0
        self.cancelled = 0
        self.waits: list[float] = []
        self.services: list[float] = []

    def add(
        self,
        state: str,
        issued_ms: int,
        first_called: int | None,
        started: int | None,
        finished: int | None,
    ) -> None:
        self.issued += 1
        self.served += state == "done"
        self.no_shows += state == "no_show"
        self.cancelled += state == "cancelled"
        if first_called is not None:
            self.waits.append((first_called - issued_ms) / 1000)
        if state == "done" and started is not None and finished is not None:
            self.services.append((finished - started) / 1000)

    def row(self, key: str) -> StatsRow:
        return StatsRow(
            key=key,
            issued=self.issued,
            served=self.served,
            no_shows=self.no_shows,
            cancelled=self.cancelled,
            wait=durations(self.waits),
            service_time=durations(self.services),
        )


def _rows(accs: dict[str, _Acc], keys: Iterable[str]) -> tuple[StatsRow, ...]:
    return tuple(accs[k].row(k) for k in keys if k in accs)


def collect_stats(
    session: Session, rules: HallRules, date_from: dt.date, date_to: dt.date
) -> QueueStats:
    services = {
        row.id: row.code
        for row in session.execute(
            select(Service.id, Service.code).where(Service.hall_id == rules.hall_id)
        )
    }
    windows = {
        row.id: row.number
        for row in session.execute(
            select(Window.id, Window.number).where(Window.hall_id == rules.hall_id)
        )
    }
    by_service: dict[str, _Acc] = defaultdict(_Acc)
    by_window: dict[str, _Acc] = defaultdict(_Acc)
    total = _Acc()
    rows = session.execute(
        select(
            Ticket.service_id,
            Ticket.window_id,
            Ticket.state,
            Ticket.issued_ms,
            Ticket.first_called_ms,
            Ticket.started_ms,
            Ticket.finished_ms,
        ).where(Ticket.hall_id == rules.hall_id, Ticket.day.between(date_from, date_to))
    )
    for service_id, window_id, state, issued, first_called, started, finished in rows:
        values = (state, issued, first_called, started, finished)
        by_service[services[service_id]].add(*values)
        total.add(*values)
        if window_id is not None:
            by_window[str(windows[window_id])].add(*values)
    return QueueStats(
        date_from=date_from,
        date_to=date_to,
        services=_rows(by_service, sorted(services.values())),
        windows=_rows(by_window, [str(n) for n in sorted(windows.values())]),
        total=total.row("total"),
    )
