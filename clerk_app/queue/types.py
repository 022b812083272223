"""Plain values the queue service returns: enums, frozen dataclasses and refusal codes."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from clerk_app.db.models import TicketState, WindowState


class PriorityClass(enum.StrEnum):
    NORMAL = "normal"
    PRIORITY = "priority"
    APPOINTMENT = "appointment"


class PauseReason(enum.StrEnum):
    BREAK = "break"
    MEETING = "meeting"
    SYSTEM = "system"
    OTHER = "other"


class RefusalCode(enum.StrEnum):
    """Why an operation was refused; the UI translates each code, the CLI prints its text."""

    UNKNOWN_SERVICE = "unknown_service"
    SERVICE_INACTIVE = "service_inactive"
    UNKNOWN_WINDOW = "unknown_window"
    UNKNOWN_TICKET = "unknown_ticket"
    WINDOW_CLOSED = "window_closed"
    WINDOW_PAUSED = "window_paused"
    WINDOW_BUSY = "window_busy"
    NO_ACTIVE_TICKET = "no_active_ticket"
    WRONG_STATE = "wrong_state"
    HALL_CLOSED = "hall_closed"
    PAST_CUTOFF = "past_cutoff"
    DAILY_LIMIT = "daily_limit"
    NOT_SERVED_HERE = "not_served_here"
    GRACE_EXPIRED = "grace_expired"
    INVALID_ARGUMENT = "invalid_argument"
    UNKNOWN_APPOINTMENT = "unknown_appointment"
    APPOINTMENT_NOT_TODAY = "appointment_not_today"
    ALREADY_CHECKED_IN = "already_checked_in"
    APPOINTMENT_CANCELLED = "appointment_cancelled"
    APPOINTMENT_TOO_EARLY = "appointment_too_early"
    APPOINTMENT_TOO_LATE = "appointment_too_late"
    APPOINTMENT_OTHER_SERVICE = "appointment_other_service"
    NO_APPOINTMENT_FOR_CARD = "no_appointment_for_card"
    NOT_PERMITTED = "not_permitted"


REFUSAL_TEXT: dict[RefusalCode, str] = {
    RefusalCode.UNKNOWN_SERVICE: "unknown service",
    RefusalCode.SERVICE_INACTIVE: "the service is not offered now",
    RefusalCode.UNKNOWN_WINDOW: "unknown window",
    RefusalCode.UNKNOWN_TICKET: "unknown ticket",
    RefusalCode.WINDOW_CLOSED: "the window is closed",
    RefusalCode.WINDOW_PAUSED: "the window is paused",
    RefusalCode.WINDOW_BUSY: "the window already has a ticket; finish, skip or park it first",
    RefusalCode.NO_ACTIVE_TICKET: "the window has no current ticket",
    RefusalCode.WRONG_STATE: "the ticket is not in a state that allows this",
    RefusalCode.HALL_CLOSED: "the hall is closed now",
    RefusalCode.PAST_CUTOFF: "no more tickets today for this service: past the cut-off",
    RefusalCode.DAILY_LIMIT: "no more tickets today for this service: the daily limit is reached",
    RefusalCode.NOT_SERVED_HERE: "this window does not serve that ticket's service",
    RefusalCode.GRACE_EXPIRED: "the no-show grace period has passed",
    RefusalCode.INVALID_ARGUMENT: "invalid argument",
    RefusalCode.UNKNOWN_APPOINTMENT: "no appointment with this code",
    RefusalCode.APPOINTMENT_NOT_TODAY: "the appointment is for another day",
    RefusalCode.ALREADY_CHECKED_IN: "the appointment is already checked in",
    RefusalCode.APPOINTMENT_CANCELLED: "the appointment was cancelled",
    RefusalCode.APPOINTMENT_TOO_EARLY: "too early to check in for this appointment",
    RefusalCode.APPOINTMENT_TOO_LATE: "too late: the appointment's slot and grace time are over",
    RefusalCode.APPOINTMENT_OTHER_SERVICE: "the appointment is for another service",
    RefusalCode.NO_APPOINTMENT_FOR_CARD: "no appointment today in this hall for this ID card",
    RefusalCode.NOT_PERMITTED: "this account may not do that (supervisors only)",
}


class QueueRefused(Exception):  # noqa: N818 - a refusal is an expected outcome, not an error
    """An operation the rules do not allow; nothing was changed."""

    def __init__(self, code: RefusalCode, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        text = REFUSAL_TEXT[code]
        super().__init__(f"{text}: {detail}" if detail else text)


@dataclass(frozen=True, slots=True)
class TicketView:
    ticket_id: int
    number: str
    service_code: str
    service_name_zh: str
    service_name_en: str
    state: TicketState
    priority_class: PriorityClass
    window_number: int | None
    issued_ms: int
    called_ms: int | None
    recall_count: int
    # Waiting again after a window sent it to another service or window (not a returned
    # no-show): the calling window's list shows it as transferred, not as waiting there.
    transferred: bool = False


@dataclass(frozen=True, slots=True)
class IssuedTicket:
    ticket: TicketView
    ahead: int
    eta_minutes: int
    eta_low_minutes: int
    eta_high_minutes: int


@dataclass(frozen=True, slots=True)
class ServiceStatus:
    code: str
    name_zh: str
    name_en: str
    prefix: str
    waiting: int
    longest_wait_s: int


@dataclass(frozen=True, slots=True)
class WindowStatus:
    number: int
    name_zh: str
    name_en: str
    state: WindowState
    pause_reason: str | None
    state_since_ms: int
    user_display_name: str | None
    current: TicketView | None
    service_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HallStatus:
    hall_code: str
    now_ms: int
    services: tuple[ServiceStatus, ...]
    windows: tuple[WindowStatus, ...]

    def waiting_for(self, codes: tuple[str, ...]) -> int:
        return sum(s.waiting for s in self.services if s.code in codes)


@dataclass(frozen=True, slots=True)
class DurationFigures:
    count: int
    average_s: float | None
    p90_s: float | None


@dataclass(frozen=True, slots=True)
class StatsRow:
    key: str  # service code or window number
    issued: int
    served: int
    no_shows: int
    cancelled: int
    wait: DurationFigures
    service_time: DurationFigures


@dataclass(frozen=True, slots=True)
class QueueStats:
    date_from: dt.date
    date_to: dt.date
    services: tuple[StatsRow, ...]
    windows: tuple[StatsRow, ...]
    total: StatsRow
