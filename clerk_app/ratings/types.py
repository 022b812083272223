"""Rating levels, indicators, channels, refusals and the values the screens show."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from onewindow_protocol.wire.ops import BadReason  # declared once, with the wire


class Level(enum.IntEnum):
    VERY_SATISFIED = 5  # 非常满意
    SATISFIED = 4  # 满意
    BASICALLY_SATISFIED = 3  # 基本满意
    DISSATISFIED = 2  # 不满意
    VERY_DISSATISFIED = 1  # 非常不满意


class Indicator(enum.StrEnum):
    OVERALL = "overall"
    EFFICIENCY = "efficiency"
    COMPETENCE = "competence"
    ATTITUDE = "attitude"


class Channel(enum.StrEnum):
    WINDOW_PAD = "window_pad"
    QR = "qr"
    KIOSK = "kiosk"


class FollowUpAction(enum.StrEnum):
    REVISIT = "revisit"  # 回访
    RECTIFY = "rectify"  # 整改
    APPEAL = "appeal"  # 申诉复核


BAD_LEVELS = frozenset({Level.DISSATISFIED, Level.VERY_DISSATISFIED})


REASON_TEXT_MAX = 100  # characters of the applicant's own words with a bad rating


class RatingRefusal(enum.StrEnum):
    UNKNOWN_TICKET = "unknown_ticket"
    NOT_FINISHED = "not_finished"
    ALREADY_RATED = "already_rated"
    CLERK_CANNOT_RATE = "clerk_cannot_rate"  # the window's own clerk may not rate the service
    INCOMPLETE = "incomplete"  # every indicator needs a level: nothing is chosen for the rater
    INVALID_LEVEL = "invalid_level"
    REASON_REQUIRED = "reason_required"  # a rating of 2 or 1 says why: at least one reason
    REASON_NOT_ASKED = "reason_not_asked"  # reasons go only with a rating of 2 or 1
    INVALID_REASON_TEXT = "invalid_reason_text"  # too long, or characters text may not hold
    UNKNOWN_FOLLOW_UP = "unknown_follow_up"
    FOLLOW_UP_CLOSED = "follow_up_closed"
    NOT_SUPERVISOR = "not_supervisor"


class RatingRefused(Exception):  # noqa: N818 - an expected outcome with its code
    def __init__(self, code: RatingRefusal, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code.value}: {detail}" if detail else code.value)


@dataclass(frozen=True, slots=True)
class RatingInput:
    ticket_id: int
    levels: Mapping[Indicator, int]  # every indicator, chosen by the applicant
    channel: Channel = Channel.WINDOW_PAD
    comment: str = ""
    # With a level of 2 or 1 on any indicator: why (at least one), and optionally in words.
    reasons: frozenset[BadReason] = frozenset()
    reason_text: str = ""


@dataclass(frozen=True, slots=True)
class RatingPrompt:
    """A finished service at a window, waiting for its rating."""

    ticket_id: int
    ticket_number: str
    window_number: int
    clerk_name: str
    case_number: str | None
    finished_ms: int


@dataclass(frozen=True, slots=True)
class RatingResult:
    rating_id: int
    rating_uuid: str
    level: Level
    follow_up_id: int | None
    follow_up_due: dt.date | None


@dataclass(frozen=True, slots=True)
class FollowUpView:
    follow_up_id: int
    rating_id: int
    level: Level
    window_number: int
    clerk_name: str
    case_number: str | None
    comment: str
    reasons: tuple[BadReason, ...]
    reason_text: str
    rated_ms: int
    due: dt.date | None  # None: waiting for the calendar (next year's not installed yet)
    open: bool
    overdue: bool
    action: FollowUpAction | None
    note: str
