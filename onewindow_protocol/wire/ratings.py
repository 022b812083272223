"""The back office's view of 好差评: ratings summed per hall, department or item over a period,
and the bad ratings whose follow-up is overdue."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from pydantic import AwareDatetime, Field

from onewindow_protocol.wire.common import Reply
from onewindow_protocol.wire.ops import BadReason


class GroupBy(enum.StrEnum):
    HALL = "hall"
    DEPARTMENT = "department"
    ITEM = "item"


class LevelCounts(Reply):
    """Ratings per overall level."""

    very_satisfied: int = 0  # 5 非常满意
    satisfied: int = 0  # 4 满意
    basically_satisfied: int = 0  # 3 基本满意
    dissatisfied: int = 0  # 2 不满意
    very_dissatisfied: int = 0  # 1 非常不满意


class ReasonCount(Reply):
    reason: BadReason
    count: int


class RatingGroup(Reply):
    key: str | None = Field(
        description="The hall code, department or item code; null: not known (a rating without "
        "a case, or sent by a counter older than rating.submit version 2)."
    )
    ratings: int
    levels: LevelCounts
    bad: int = Field(description="差评: ratings with 2 or 1 on the overall level or any indicator.")
    satisfaction: float | None = Field(
        description="Share of ratings that are not bad (0..1, 4 decimals); null with no ratings."
    )
    top_reasons: list[ReasonCount] = Field(
        description="The bad ratings' most ticked reasons, at most three, most ticked first."
    )


class RatingSummary(Reply):
    date_from: dt.date
    date_to: dt.date
    timezone: str = Field(description="The days are counted in this time zone (the halls').")
    by: GroupBy
    hall_code: str | None = None
    total: RatingGroup
    groups: list[RatingGroup]


class OverdueRating(Reply):
    rating_id: uuid.UUID
    window_code: str
    clerk: str
    case_no: str | None
    item_code: str | None
    department: str | None
    worst_level: int
    reasons: list[BadReason]
    reason_text: str | None
    rated_at: AwareDatetime
    follow_up_due: dt.date
    days_overdue: int = Field(description="Calendar days since the deadline.")


class OverdueHall(Reply):
    hall_code: str
    overdue: list[OverdueRating]


class OverdueList(Reply):
    as_of: dt.date = Field(description="Today in the halls' time zone.")
    timezone: str
    halls: list[OverdueHall]
    undated: int = Field(
        description="Bad ratings without a follow-up whose deadline is not known (the counter's "
        "calendar lacked the year, or an older counter): not checked, counted here."
    )
