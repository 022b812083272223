"""The share of items in "once and for all" mode per period, from the catalogue version in
force then: the version activated last by the period's end (``catalogue_activation``)."""

from __future__ import annotations

import bisect
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from clerk_app.figures import queries
from clerk_app.figures.types import OnceModeShare, Period


def period_ends(
    date_from: dt.date, date_to: dt.date, period: Period, zone: ZoneInfo
) -> list[tuple[str, int]]:
    """(the period as the figures' rows name it, its last instant in epoch ms) for each period
    of ``date_from``..``date_to``; a month cut by the range ends where the range does."""
    ends: list[tuple[str, int]] = []
    day = date_from
    while day <= date_to:
        if period is Period.DAY:
            label, after = day.isoformat(), day + dt.timedelta(days=1)
        else:
            label = day.strftime("%Y-%m")
            after = min(
                (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1),
                date_to + dt.timedelta(days=1),
            )
        start_after = dt.datetime.combine(after, dt.time(), zone)
        ends.append((label, int(start_after.timestamp() * 1000) - 1))
        day = after
    return ends


def once_mode_shares(
    session: Session, ends: list[tuple[str, int]], now_ms: int
) -> tuple[OnceModeShare, ...]:
    """Each period's share from the version in force at its end (at ``now_ms`` for a period not
    over yet): the last one activated by then. A period before any activation has none."""
    history = queries.activations(session)
    times = [at for at, _, _ in history]
    in_force: list[tuple[str, tuple[int, str] | None]] = []
    for label, end_ms in ends:
        position = bisect.bisect_right(times, min(end_ms, now_ms))
        found = history[position - 1] if position else None
        in_force.append((label, (found[1], found[2]) if found else None))
    counts = queries.version_counts(session, (v[0] for _, v in in_force if v is not None))
    shares = []
    for label, version in in_force:
        if version is None:
            shares.append(OnceModeShare(label, None, 0, 0, 0))
            continue
        items, once, demo = counts.get(version[0], (0, 0, 0))
        shares.append(OnceModeShare(label, version[1], items, once, demo))
    return tuple(shares)
