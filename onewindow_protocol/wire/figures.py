"""The province's figures (docs/figures.md, "The province's figures"): per hall, department or
item, per day or month, the measures the reform is judged by, counted by the central server over
the cases, ratings and catalogue the counters and the back office gave it.

The counts are sent with their shares so a reader can add groups up; a share is null where its
denominator is 0.
"""

from __future__ import annotations

import datetime as dt
import enum

from pydantic import Field

from onewindow_protocol.wire.common import Reply
from onewindow_protocol.wire.ratings import GroupBy


class Per(enum.StrEnum):
    DAY = "day"
    MONTH = "month"


class FigureRow(Reply):
    period: str | None = Field(
        description="2026-11-24 (per day) or 2026-11 (per month); null: the whole period asked."
    )
    key: str | None = Field(
        description="The hall code, department or item code; null: the province (every hall), "
        "or cases and ratings whose department or item is not known."
    )
    label: str | None = Field(default=None, description="The item's name (by item).")
    catalogue_release: int | None = Field(
        description="The catalogue release in force at the period's end (or now, for a period "
        "not over); null: none was published yet."
    )
    items: int = Field(description="Items of that release (for a hall: the whole catalogue).")
    items_networked: int = Field(description="Of them, those with the online channel (网办).")
    items_once: int = Field(description="Of them, those needing 0 or 1 visits (最多跑一次).")
    networked_share: float | None
    once_share: float | None
    accepted: int = Field(description="Cases accepted at the counter (with or without 容缺).")
    on_the_spot: int = Field(
        description="Of them, accepted without a deferral for an item handled on the spot (即办件)."
    )
    on_the_spot_share: float | None
    completed: int = Field(description="Cases the back office approved or rejected.")
    days_to_decision_avg: float | None = Field(
        description="The completed cases' average days from acceptance to decision (2 decimals)."
    )
    visit_cases: int = Field(description="The cases accepted in the period, whose trips count.")
    visits: int = Field(
        description="Their trips to the hall: each counter decision, plus a pickup at the window."
    )
    visits_per_case: float | None
    ratings: int
    satisfied: int = Field(description="Ratings at 满意 (4) or 非常满意 (5) overall.")
    satisfied_share: float | None


class OnceModeMonth(Reply):
    month: str = Field(description="2026-11")
    catalogue_release: int | None
    items: int
    items_once: int
    once_share: float | None


class ProvinceFigures(Reply):
    date_from: dt.date
    date_to: dt.date
    timezone: str = Field(description="The days are counted in this time zone (the halls').")
    by: GroupBy
    per: Per
    total: FigureRow = Field(description="Every hall over the whole period.")
    groups: list[FigureRow] = Field(description="Each key over the whole period.")
    rows: list[FigureRow] = Field(description="Each period and key with something to count.")
    once_mode_trend: list[OnceModeMonth] = Field(
        description="The share of items in once-mode for the 12 months up to ``date_to``'s."
    )
