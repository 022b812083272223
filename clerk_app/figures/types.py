"""The hall figures as plain values (what the dashboard, the reports and ``stats --json`` show)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Period(enum.StrEnum):
    DAY = "day"
    MONTH = "month"


class Dimension(enum.StrEnum):
    HALL = "hall"
    ITEM = "item"
    DEPARTMENT = "department"
    CLERK = "clerk"


class AlertKind(enum.StrEnum):
    DUE_SOON = "due_soon"  # promised date within two working days, no decision yet
    PROMISE_WAITING = "promise_waiting"  # promised date waits for an unknown year's calendar
    DEFERRED_OVERDUE = "deferred_overdue"  # a deferred material past its supply date
    NOTICE_LATE = "notice_late"  # a supplement notice more than five working days after receipt
    ISSUE_DUE = "issue_due"  # an approved licence to hand over within ten working days
    FOLLOW_UP_OVERDUE = "follow_up_overdue"  # a bad rating not followed up in time
    CALENDAR_MISSING = "calendar_missing"  # from 1 November: next year's arrangement missing
    POST_CHECK_DUE = "post_check_due"  # 告知承诺: the post-check (事中事后核查) is due
    # 告知承诺: the post-check date waits for its year's holiday calendar (``due`` is None and
    # ``waits_year`` names the year: the date itself is not known and never guessed)
    POST_CHECK_UNDATED = "post_check_undated"


LEVELS = (5, 4, 3, 2, 1)
TREND_MONTHS = 12  # the once-mode share's monthly trend: a year up to the last day asked
INDICATORS = ("overall", "efficiency", "competence", "attitude")


@dataclass
class FigureRow:
    """One period × one key (an item code, a department, a clerk, or the whole hall)."""

    period: str  # 2026-11-24 or 2026-11
    key: str
    label: str
    accepted: int = 0  # accepted, with or without a deferral
    notices: int = 0
    deferrals: int = 0
    refusals: int = 0
    completed: int = 0  # decided by the back office (approved or rejected)
    completed_one_visit: int = 0
    handed_over: int = 0
    ratings: int = 0
    # indicator -> level ("5".."1") -> count
    satisfaction: dict[str, dict[str, int]] = field(
        default_factory=lambda: {i: {str(lv): 0 for lv in LEVELS} for i in INDICATORS}
    )
    days_to_decision_avg: float | None = None
    days_to_decision_p90: float | None = None
    # 即办: accepted (not deferred) at the counter, of an item handled on the spot
    on_the_spot: int = 0
    # accepted cases whose item's handling (即办件 or 承诺件) is a demo value, not published
    on_the_spot_demo: int = 0
    # cases first accepted in the period, and their trips: counter visits, plus one for a
    # pickup at the window (a mailed result costs no trip)
    visit_cases: int = 0
    visit_trips: int = 0

    @property
    def one_visit_share(self) -> float | None:
        return self.completed_one_visit / self.completed if self.completed else None

    @property
    def on_the_spot_share(self) -> float | None:
        """即办件当场办结率: cases finished at the counter on the spot / all accepted."""
        return self.on_the_spot / self.accepted if self.accepted else None

    @property
    def visits_per_case(self) -> float | None:
        return self.visit_trips / self.visit_cases if self.visit_cases else None

    @property
    def satisfied_share(self) -> float | None:
        """Share of overall ratings at 满意 or above."""
        overall = self.satisfaction["overall"]
        return (overall["5"] + overall["4"]) / self.ratings if self.ratings else None


@dataclass(frozen=True)
class CatalogueShare:
    """The active catalogue's items per key, and how many need at most one visit."""

    key: str
    label: str
    items: int
    once_and_for_all: int  # items needing at most one visit
    demo_valued: int = 0  # items whose visits field is a demo value

    @property
    def share(self) -> float | None:
        return self.once_and_for_all / self.items if self.items else None


@dataclass(frozen=True)
class OnceModeShare:
    """The share of items in "once and for all" mode (visits needed 0 or 1) in one period,
    from the catalogue version in force at the period's end (or now, for a period not over)."""

    period: str  # 2026-11-24 or 2026-11
    version_label: str | None  # None: no catalogue was in force yet
    items: int
    once_and_for_all: int
    demo_valued: int  # items whose visits field is a demo value, not a published one

    @property
    def share(self) -> float | None:
        return self.once_and_for_all / self.items if self.items else None

    @property
    def rests_on_demo_values(self) -> bool:
        return self.demo_valued > 0


@dataclass(frozen=True, slots=True)
class AssistanceFigure:
    """帮办代办 of one helper and kind in the period: the cases assisted (a record still
    waiting with its ticket has no case yet and counts only as a sitting), the sittings and
    the minutes the helpers gave (where they said)."""

    helper_name: str
    kind: str  # clerk_app.intake.types.AssistanceKind's value
    cases: int
    sittings: int
    minutes: int


@dataclass(frozen=True, slots=True)
class FeeFigure:
    """The fees of one payment method or one item in the period, in whole fen: what was taken
    (cash, 非税收入缴款码, an item's money), or what was due (waived, pending)."""

    key: str  # cash | nontax | waived | pending, or the item's name
    cases: int
    fen: int


@dataclass(frozen=True, slots=True)
class FeeFigures:
    by_method: tuple[FeeFigure, ...] = ()  # cash, nontax, waived, pending (those there were)
    by_item: tuple[FeeFigure, ...] = ()  # the money taken, per item

    @property
    def taken_fen(self) -> int:
        return sum(f.fen for f in self.by_method if f.key in ("cash", "nontax"))


@dataclass(frozen=True)
class Figures:
    date_from: dt.date
    date_to: dt.date
    period: Period
    dimension: Dimension
    rows: tuple[FigureRow, ...]
    totals: FigureRow
    catalogue: tuple[CatalogueShare, ...]  # per key (one row for the hall)
    catalogue_total: CatalogueShare
    once_mode: tuple[OnceModeShare, ...] = ()  # per period, from the version in force then
    fees: FeeFigures = FeeFigures()  # the whole period's money (the hall's, not per key)
    assistance: tuple[AssistanceFigure, ...] = ()  # 帮办代办 in the whole period


@dataclass(frozen=True)
class Alert:
    """A deadline needing attention. ``due`` is None when it runs into ``waits_year``, a year
    no holiday calendar knows: the alert is flagged, its date never guessed."""

    kind: AlertKind
    case_number: str | None
    subject: str  # the item, the material, the rating or the missing year
    due: dt.date | None
    days: int | None  # calendar days left (negative: overdue); None with due
    waits_year: int | None = None
