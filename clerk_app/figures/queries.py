"""The measures in SQL: one grouped query per source table, whatever the period and key.

Each query groups by the day and by the raw key of the dimension (nothing for the hall, the
catalogue version and item code for items and departments, the user id for clerks); the few
raw keys are mapped to item names, departments and clerk names in Python, which spares every
row a join. Days are counted in the hall's zone by shifting the epoch milliseconds by the
zone's UTC offset and dividing by a day, which both databases do on plain integers (China keeps
no daylight saving time, so one offset holds all year). Days from acceptance to decision are
read as a histogram in tenths of a day, so the p90 is exact to a tenth of a day. By month,
each month is one range read of the time index with its first day as a constant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from clerk_app.catalogue.types import Handling
from clerk_app.db.catalogue_models import (
    CatalogueActivation,
    CatalogueItem,
    CatalogueVersion,
    CatalogueVersionItem,
)
from clerk_app.db.intake_models import CaseDecision, IntakeCase
from clerk_app.db.models import User
from clerk_app.db.results_models import CaseHandover, ServiceRating
from clerk_app.figures.types import INDICATORS, LEVELS, Dimension
from clerk_app.results.types import HandoverMethod

DAY_MS = 86_400_000
TENTH_MS = DAY_MS // 10  # p90 days are exact to a tenth of a day
ACCEPTING = ("accept", "deferral")


@dataclass(frozen=True)
class Window:
    """The period asked for, as epoch milliseconds and the zone's offset."""

    start_ms: int
    end_ms: int  # exclusive
    offset_ms: int
    month_starts: tuple[int, ...] = ()  # by month: each month's first instant after the first

    def spans(self, column: Any) -> Iterator[tuple[ColumnElement[int], ColumnElement[bool]]]:
        """(the period of a row as the day number of its first day, the rows of the span).

        By day, one span and the day computed per row. By month, one span per month with its
        first day as a constant: each month is read from the time index on its own, which
        costs less than deciding every row's month with a CASE over the boundaries.
        """
        if not self.month_starts:
            day = (column + self.offset_ms) // DAY_MS
            yield day, (column >= self.start_ms) & (column < self.end_ms)
            return
        bounds = (self.start_ms, *self.month_starts, self.end_ms)
        for low, high in pairwise(bounds):
            yield literal((low + self.offset_ms) // DAY_MS), (column >= low) & (column < high)

    def date(self, day_number: int) -> dt.date:
        return dt.date(1970, 1, 1) + dt.timedelta(days=int(day_number))


def _raw_key(
    dim: Dimension, user_column: Any, item: tuple[Any, Any] | None = None
) -> tuple[Any, Any, Any]:
    """(catalogue version, item code, user id) columns; literals where the key needs none."""
    if dim in (Dimension.ITEM, Dimension.DEPARTMENT):
        version, code = item or (IntakeCase.catalogue_version_id, IntakeCase.item_code)
        return version, code, literal(0)
    if dim is Dimension.CLERK:
        return literal(0), literal(""), user_column
    return literal(0), literal(""), literal(0)


def _grouped(query: Select[Any], keys: tuple[Any, ...], *more: Any) -> Select[Any]:
    columns = [k for k in keys if not isinstance(k, BindParameter)]  # constants: no group
    return query.group_by(*columns, *more)


def decisions(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(version, item, user, day, decision, count) for the counter's decisions."""
    item = (CaseDecision.catalogue_version_id, CaseDecision.item_code)
    keys = _raw_key(dim, CaseDecision.user_id, item)
    for day, rows in w.spans(CaseDecision.at_ms):
        query = select(*keys, day, CaseDecision.decision, func.count()).where(rows)
        yield from session.execute(_grouped(query, keys, day, CaseDecision.decision))


def completions(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(version, item, user, day, tenths of days from acceptance to decision, cases, with one
    visit, their exact milliseconds summed) per case decided by the back office."""
    elapsed = IntakeCase.decided_ms - IntakeCase.accepted_ms
    tenths = elapsed // TENTH_MS
    keys = _raw_key(dim, IntakeCase.accepted_by)
    for day, rows in w.spans(IntakeCase.decided_ms):
        query = select(
            *keys,
            day,
            tenths,
            func.count(),
            func.count().filter(IntakeCase.visits <= 1),
            func.sum(elapsed),
        ).where(rows)
        yield from session.execute(_grouped(query, keys, day, tenths))


def accepts_by_item(
    session: Session, w: Window, dim: Dimension, codes: Sequence[str]
) -> Iterator[Any]:
    """(version, item, user, day, accepted without a deferral, accepted) of the items ``codes``
    with the item version always in the key, read from the decisions' covering index without
    a join: the caller looks each item's handling up in :func:`handling`."""
    item = (CaseDecision.catalogue_version_id, CaseDecision.item_code)
    user: Any = CaseDecision.user_id if dim is Dimension.CLERK else literal(0)
    keys: tuple[Any, ...] = (*item, user)
    plain = func.count().filter(CaseDecision.decision == "accept")
    for day, rows in w.spans(CaseDecision.at_ms):
        query = select(*keys, day, plain, func.count()).where(
            rows, CaseDecision.decision.in_(ACCEPTING), CaseDecision.item_code.in_(codes)
        )
        yield from session.execute(_grouped(query, keys, day))


def handling(session: Session) -> dict[tuple[int, str], tuple[bool, bool]]:
    """(catalogue version, item code) -> (a 即办件, its handling is a demo value), for every
    version."""
    query = select(
        CatalogueVersionItem.version_id,
        CatalogueItem.code,
        CatalogueItem.handling == Handling.ON_THE_SPOT.value,
        demo("handling"),
    ).join(CatalogueItem, CatalogueItem.id == CatalogueVersionItem.item_id)
    return {(v, code): (bool(spot), bool(shown)) for v, code, spot, shown in session.execute(query)}


def trips(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(version, item, user, day, cases first accepted, their visits to the counter, results
    picked up at the window) by the day of first acceptance: a notice then an acceptance is
    two trips, a pickup one more, a mailed result none."""
    keys = _raw_key(dim, IntakeCase.accepted_by)
    pickups = func.count(CaseHandover.id).filter(CaseHandover.method == HandoverMethod.PICKUP)
    for day, rows in w.spans(IntakeCase.accepted_ms):
        query = (
            select(*keys, day, func.count(), func.sum(IntakeCase.visits), pickups)
            .select_from(IntakeCase)
            .outerjoin(CaseHandover, CaseHandover.case_id == IntakeCase.id)
            .where(rows)
        )
        yield from session.execute(_grouped(query, keys, day))


def demo(field: str) -> ColumnElement[bool]:
    """The item's ``field`` holds a demo value (it is listed in the space-separated
    ``demo_fields``), not one a published service guide states."""
    padded = literal(" ") + CatalogueItem.demo_fields + literal(" ")
    return padded.like(f"% {field} %")


def handovers(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(version, item, user, day, count) of results handed over."""
    item = (CaseHandover.catalogue_version_id, CaseHandover.item_code)
    keys = _raw_key(dim, CaseHandover.user_id, item)
    for day, rows in w.spans(CaseHandover.handed_ms):
        query = select(*keys, day, func.count()).where(rows)
        yield from session.execute(_grouped(query, keys, day))


RATING_COLUMNS = {
    "overall": ServiceRating.level,
    "efficiency": ServiceRating.efficiency,
    "competence": ServiceRating.competence,
    "attitude": ServiceRating.attitude,
}


def ratings(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(version, item, user, day, count, then a count per indicator and level in
    INDICATORS × LEVELS)."""
    keys = _raw_key(
        dim, ServiceRating.clerk_id, (ServiceRating.catalogue_version_id, ServiceRating.item_code)
    )
    # count(*) FILTER (...) costs SQLite about half of sum(CASE ...), and PostgreSQL no more.
    counts = [
        func.count().filter(RATING_COLUMNS[i] == level) for i in INDICATORS for level in LEVELS
    ]
    for day, rows in w.spans(ServiceRating.rated_ms):
        query = select(*keys, day, func.count(), *counts).where(rows)
        yield from session.execute(_grouped(query, keys, day))


def items(session: Session) -> dict[tuple[int, str], tuple[str, str]]:
    """(catalogue version, item code) -> (item name, department), for every version."""
    query = select(
        CatalogueVersionItem.version_id,
        CatalogueItem.code,
        CatalogueItem.name_zh,
        CatalogueItem.department_zh,
    ).join(CatalogueItem, CatalogueItem.id == CatalogueVersionItem.item_id)
    return {(v, code): (name, dept) for v, code, name, dept in session.execute(query)}


def users(session: Session) -> dict[int, tuple[str, str]]:
    """user id -> (username, display name)."""
    query = select(User.id, User.username, User.display_name)
    return {uid: (name, shown) for uid, name, shown in session.execute(query)}


def catalogue(session: Session, dim: Dimension) -> Iterator[Any]:
    """(key, label, items, items in "once and for all" mode, items whose visits are a demo
    value) in the active catalogue."""
    if dim is Dimension.ITEM:
        key: Any = CatalogueItem.code
        label: Any = func.max(CatalogueItem.name_zh)
    elif dim is Dimension.DEPARTMENT:
        key, label = CatalogueItem.department_zh, func.max(CatalogueItem.department_zh)
    else:  # a clerk offers every item: the hall's share
        key, label = literal("*"), literal("")
    query = (
        select(
            key,
            label,
            func.count(),
            func.sum(case((CatalogueItem.visits <= 1, 1), else_=0)),
            func.count().filter(demo("visits")),
        )
        .join(CatalogueVersionItem, CatalogueVersionItem.item_id == CatalogueItem.id)
        .join(CatalogueVersion, CatalogueVersion.id == CatalogueVersionItem.version_id)
        .where(CatalogueVersion.active.is_(True))
        .group_by(key)
    )
    yield from session.execute(query)


def activations(session: Session) -> list[tuple[int, int, str]]:
    """(activated at, version id, label) of every activation, oldest first."""
    query = (
        select(CatalogueActivation.activated_ms, CatalogueVersion.id, CatalogueVersion.label)
        .join(CatalogueVersion, CatalogueVersion.id == CatalogueActivation.version_id)
        .order_by(CatalogueActivation.activated_ms, CatalogueActivation.id)
    )
    return [(int(at), int(v), str(label)) for at, v, label in session.execute(query)]


def version_counts(session: Session, versions: Iterable[int]) -> dict[int, tuple[int, int, int]]:
    """version id -> (items, items needing at most one visit, items whose visits are a demo
    value)."""
    wanted = sorted(set(versions))
    if not wanted:
        return {}
    query = (
        select(
            CatalogueVersionItem.version_id,
            func.count(),
            func.count().filter(CatalogueItem.visits <= 1),
            func.count().filter(demo("visits")),
        )
        .join(CatalogueItem, CatalogueItem.id == CatalogueVersionItem.item_id)
        .where(CatalogueVersionItem.version_id.in_(wanted))
        .group_by(CatalogueVersionItem.version_id)
    )
    return {int(v): (int(n), int(once), int(d)) for v, n, once, d in session.execute(query)}
