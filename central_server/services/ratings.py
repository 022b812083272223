"""好差评 upward: the ratings the counters pushed, summed per hall, department or item over a
period, and the bad ratings whose follow-up deadline passed with no follow-up recorded.

Days are the halls' (``ServerSettings.timezone``; the server keeps no zone per hall): a period
``from``..``to`` is every rating given from ``from`` 00:00 to the end of ``to``, both inclusive.
A bad rating (差评) is one with 2 or 1 on the overall level or any indicator (the counter's rule
for opening a follow-up); the satisfaction share is the share of ratings that are not bad. The
counting is SQL (``count(*) FILTER``, both databases); only the top three reasons of each group
are picked in Python from the SQL counts.

A bad rating is overdue when its follow-up deadline (the counter's, on the hall calendar) is
before today and no ``rating.follow_up`` arrived. A bad rating without a deadline (the counter
could not date it yet, or is older than ``rating.submit`` version 2) cannot be judged: the list
says how many there are instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, exists, func, null, select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Rating, RatingFollowUp, RatingReason
from central_server.services.common import ms_to_datetime
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.wire.ops import BadReason
from onewindow_protocol.wire.ratings import (
    GroupBy,
    LevelCounts,
    OverdueHall,
    OverdueList,
    OverdueRating,
    RatingGroup,
    RatingSummary,
    ReasonCount,
)

BAD = 2  # the worst level of a bad rating
TOP_REASONS = 3
_LEVEL_FIELDS = {
    5: "very_satisfied",
    4: "satisfied",
    3: "basically_satisfied",
    2: "dissatisfied",
    1: "very_dissatisfied",
}
_FIRST_DAY = dt.date(1970, 1, 1)


def _zone(ctx: ServerContext) -> ZoneInfo:
    return ZoneInfo(ctx.settings.timezone)


def today(ctx: ServerContext) -> dt.date:
    return ms_to_datetime(ctx.now_ms()).astimezone(_zone(ctx)).date()


def _day_start_ms(day: dt.date, zone: ZoneInfo) -> int:
    return int(dt.datetime.combine(day, dt.time(), zone).timestamp() * 1000)


def _period(ctx: ServerContext, first: dt.date, last: dt.date) -> ColumnElement[bool]:
    if last < first:
        raise Refused(Refusal.INVALID_REQUEST, "the period ends before it starts")
    zone = _zone(ctx)
    start = _day_start_ms(max(first, _FIRST_DAY), zone)
    conditions = [Rating.rated_at_ms >= start]
    if last < dt.date.max:
        conditions.append(Rating.rated_at_ms < _day_start_ms(last + dt.timedelta(days=1), zone))
    return and_(*conditions)


def _key(by: GroupBy) -> Any:
    return {
        GroupBy.HALL: Rating.hall_code,
        GroupBy.DEPARTMENT: Rating.department,
        GroupBy.ITEM: Rating.item_code,
    }[by]


def _counts(session: Session, key: Any | None, where: ColumnElement[bool]) -> list[Any]:
    """One row per key; with no key, one row for everything (counts 0 when nothing matched)."""
    query = select(
        (null() if key is None else key).label("key"),
        func.count().label("ratings"),
        *(func.count().filter(Rating.level == level).label(f"l{level}") for level in _LEVEL_FIELDS),
        func.count().filter(Rating.worst <= BAD).label("bad"),
    ).where(where)
    return list(session.execute(query if key is None else query.group_by(key)))


def _reasons(
    session: Session, key: Any | None, where: ColumnElement[bool]
) -> dict[Any, list[ReasonCount]]:
    keys = () if key is None else (key,)
    query = (
        select((null() if key is None else key).label("key"), RatingReason.reason, func.count())
        .select_from(Rating)
        .join(RatingReason, RatingReason.rating_id == Rating.id)
        .where(where, Rating.worst <= BAD)
        .group_by(*keys, RatingReason.reason)
    )
    order = {r.value: i for i, r in enumerate(BadReason)}
    found: dict[Any, list[tuple[str, int]]] = defaultdict(list)
    for group, reason, count in session.execute(query):
        if reason in order:
            found[group].append((reason, int(count)))
    return {
        group: [
            ReasonCount(reason=BadReason(r), count=c)
            for r, c in sorted(pairs, key=lambda p: (-p[1], order[p[0]]))[:TOP_REASONS]
        ]
        for group, pairs in found.items()
    }


def _group(row: Any, reasons: list[ReasonCount]) -> RatingGroup:
    ratings, bad = int(row.ratings), int(row.bad)
    levels = LevelCounts(
        **{name: int(getattr(row, f"l{level}")) for level, name in _LEVEL_FIELDS.items()}
    )
    share = round((ratings - bad) / ratings, 4) if ratings else None
    return RatingGroup(
        key=row.key,
        ratings=ratings,
        levels=levels,
        bad=bad,
        satisfaction=share,
        top_reasons=reasons,
    )


def summary(
    ctx: ServerContext,
    first: dt.date,
    last: dt.date,
    by: GroupBy = GroupBy.HALL,
    hall_code: str | None = None,
) -> RatingSummary:
    where = _period(ctx, first, last)
    if hall_code is not None:
        where = and_(where, Rating.hall_code == hall_code)
    key = _key(by)
    with ctx.db.read() as session:
        rows = _counts(session, key, where)
        reasons = _reasons(session, key, where)
        [all_rows] = _counts(session, None, where)
        all_reasons = _reasons(session, None, where)
    groups = sorted(
        (_group(r, reasons.get(r.key, [])) for r in rows),
        key=lambda g: (g.key is None, -g.ratings, g.key or ""),
    )
    total = _group(all_rows, all_reasons.get(None, []))
    return RatingSummary(
        date_from=first,
        date_to=last,
        timezone=ctx.settings.timezone,
        by=by,
        hall_code=hall_code,
        total=total,
        groups=groups,
    )


def overdue(ctx: ServerContext, hall_code: str | None = None) -> OverdueList:
    day = today(ctx)
    followed = exists().where(RatingFollowUp.rating_id == Rating.id)
    open_bad = and_(Rating.worst <= BAD, ~followed)
    if hall_code is not None:
        open_bad = and_(open_bad, Rating.hall_code == hall_code)
    query = (
        select(Rating)
        .where(open_bad, Rating.follow_up_due < day)
        .order_by(Rating.hall_code, Rating.follow_up_due, Rating.rated_at_ms, Rating.id)
    )
    with ctx.db.read() as session:
        rows = list(session.scalars(query))
        reasons: dict[str, list[str]] = defaultdict(list)
        if rows:
            ids = [r.id for r in rows]
            for rid, reason in session.execute(
                select(RatingReason.rating_id, RatingReason.reason).where(
                    RatingReason.rating_id.in_(ids)
                )
            ):
                reasons[rid].append(reason)
        undated = session.scalar(
            select(func.count()).select_from(Rating).where(open_bad, Rating.follow_up_due.is_(None))
        )
    order = {r.value: i for i, r in enumerate(BadReason)}
    halls: dict[str, list[OverdueRating]] = defaultdict(list)
    for r in rows:
        assert r.follow_up_due is not None  # the query's condition
        halls[r.hall_code].append(
            OverdueRating(
                rating_id=uuid.UUID(r.id),
                window_code=r.window_code,
                clerk=r.clerk,
                case_no=r.case_no,
                item_code=r.item_code,
                department=r.department,
                worst_level=r.worst,
                reasons=[
                    BadReason(x) for x in sorted(reasons[r.id], key=lambda x: order.get(x, 99))
                ],
                reason_text=r.reason_text,
                rated_at=ms_to_datetime(r.rated_at_ms),
                follow_up_due=r.follow_up_due,
                days_overdue=(day - r.follow_up_due).days,
            )
        )
    return OverdueList(
        as_of=day,
        timezone=ctx.settings.timezone,
        halls=[OverdueHall(hall_code=h, overdue=items) for h, items in halls.items()],
        undated=int(undated or 0),
    )
