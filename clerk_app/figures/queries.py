"""The measures in SQL: one grouped query per source table, whatever the period and key.

Days are counted in the hall's zone by shifting the epoch milliseconds by the zone's UTC offset
and dividing by a day, which both databases do on plain integers (China keeps no daylight
saving time, so one offset holds all year). Months and the totals are added up from the days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, select
from sqlalchemy.orm import Session, aliased

from clerk_app.db.catalogue_models import CatalogueItem, CatalogueVersion, CatalogueVersionItem
from clerk_app.db.intake_models import CaseDecision, CaseStatusEvent, IntakeCase
from clerk_app.db.models import User
from clerk_app.db.results_models import CaseHandover, ServiceRating
from clerk_app.figures.types import INDICATORS, LEVELS, Dimension

DAY_MS = 86_400_000
ACCEPTING = ("accept", "deferral")
DECIDED = ("approved", "rejected")


@dataclass(frozen=True)
class Window:
    """The period asked for, as epoch milliseconds and the zone's offset."""

    start_ms: int
    end_ms: int  # exclusive
    offset_ms: int

    def day(self, column: Any) -> ColumnElement[int]:
        return (column + self.offset_ms) // DAY_MS  # type: ignore[no-any-return]

    def date(self, day_number: int) -> dt.date:
        return dt.date(1970, 1, 1) + dt.timedelta(days=int(day_number))


def _keyed(
    query: Select[Any], dimension: Dimension, user_column: Any
) -> tuple[Select[Any], Any, Any]:
    """Add the key and label of ``dimension`` (the query must reach ``IntakeCase``)."""
    if dimension is Dimension.HALL:
        return query, literal("*"), literal("")
    if dimension is Dimension.ITEM:
        return query, IntakeCase.item_code, func.max(IntakeCase.item_name_zh)
    if dimension is Dimension.DEPARTMENT:
        link = aliased(CatalogueVersionItem)
        item = aliased(CatalogueItem)
        query = query.outerjoin(
            link,
            and_(
                link.version_id == IntakeCase.catalogue_version_id,
                link.code == IntakeCase.item_code,
            ),
        ).outerjoin(item, item.id == link.item_id)
        department = func.coalesce(item.department_zh, "")
        return query, department, func.max(department)
    user = aliased(User)
    query = query.outerjoin(user, user.id == user_column)
    return query, func.coalesce(user.username, ""), func.max(func.coalesce(user.display_name, ""))


def decisions(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(key, label, day, decision, count) for the counter's decisions."""
    day = w.day(CaseDecision.at_ms)
    base = select(CaseDecision).join(IntakeCase, IntakeCase.id == CaseDecision.case_id)
    base, key, label = _keyed(base, dim, CaseDecision.user_id)
    query = (
        base.with_only_columns(key, label, day, CaseDecision.decision, func.count())
        .where(CaseDecision.at_ms >= w.start_ms, CaseDecision.at_ms < w.end_ms)
        .group_by(key, day, CaseDecision.decision)
    )
    yield from session.execute(query)


def completions(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(key, label, day, visits, ms from acceptance to decision) per case decided."""
    decided = (
        select(CaseStatusEvent.case_id, func.min(CaseStatusEvent.at_ms).label("at_ms"))
        .where(CaseStatusEvent.status.in_(DECIDED))
        .group_by(CaseStatusEvent.case_id)
        .subquery()
    )
    accepted = (
        select(
            CaseDecision.case_id,
            func.min(CaseDecision.at_ms).label("at_ms"),
            func.max(CaseDecision.user_id).label("user_id"),
        )
        .where(CaseDecision.decision.in_(ACCEPTING))
        .group_by(CaseDecision.case_id)
        .subquery()
    )
    day = w.day(decided.c.at_ms)
    base = (
        select(IntakeCase)
        .join(decided, decided.c.case_id == IntakeCase.id)
        .outerjoin(accepted, accepted.c.case_id == IntakeCase.id)
    )
    base, key, _ = _keyed(base, dim, accepted.c.user_id)
    label = _plain_label(dim)
    query = base.with_only_columns(
        key, label, day, IntakeCase.visits, decided.c.at_ms - accepted.c.at_ms
    ).where(decided.c.at_ms >= w.start_ms, decided.c.at_ms < w.end_ms)
    yield from session.execute(query)


def _plain_label(dim: Dimension) -> Any:
    """The item name without aggregation (rows, not groups); other keys label themselves."""
    return IntakeCase.item_name_zh if dim is Dimension.ITEM else literal("")


def handovers(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(key, label, day, count) of results handed over."""
    day = w.day(CaseHandover.handed_ms)
    base = select(CaseHandover).join(IntakeCase, IntakeCase.id == CaseHandover.case_id)
    base, key, label = _keyed(base, dim, CaseHandover.user_id)
    query = (
        base.with_only_columns(key, label, day, func.count())
        .where(CaseHandover.handed_ms >= w.start_ms, CaseHandover.handed_ms < w.end_ms)
        .group_by(key, day)
    )
    yield from session.execute(query)


RATING_COLUMNS = {
    "overall": ServiceRating.level,
    "efficiency": ServiceRating.efficiency,
    "competence": ServiceRating.competence,
    "attitude": ServiceRating.attitude,
}


def ratings(session: Session, w: Window, dim: Dimension) -> Iterator[Any]:
    """(key, label, day, count, then a count per indicator and level in INDICATORS × LEVELS)."""
    day = w.day(ServiceRating.rated_ms)
    base = select(ServiceRating).outerjoin(
        IntakeCase, IntakeCase.case_number == ServiceRating.case_number
    )
    base, key, label = _keyed(base, dim, ServiceRating.clerk_id)
    counts = [
        func.sum(case((RATING_COLUMNS[i] == level, 1), else_=0))
        for i in INDICATORS
        for level in LEVELS
    ]
    query = (
        base.with_only_columns(key, label, day, func.count(), *counts)
        .where(ServiceRating.rated_ms >= w.start_ms, ServiceRating.rated_ms < w.end_ms)
        .group_by(key, day)
    )
    yield from session.execute(query)


def catalogue(session: Session, dim: Dimension) -> Iterator[Any]:
    """(key, label, items, items in "once and for all" mode) in the active catalogue."""
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
        )
        .join(CatalogueVersionItem, CatalogueVersionItem.item_id == CatalogueItem.id)
        .join(CatalogueVersion, CatalogueVersion.id == CatalogueVersionItem.version_id)
        .where(CatalogueVersion.active.is_(True))
        .group_by(key)
    )
    yield from session.execute(query)
