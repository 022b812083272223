"""Ratings given on the window's rating device, and the supervisor's follow-up of bad ones.

The rating is the applicant's: the device submits it under its own account, and a submission
by the clerk who served the ticket (or who is signed in at that window) is refused. Nothing is
pre-selected: every indicator must carry a level the applicant chose. A level of 2 or 1 on any
indicator needs at least one reason (差评原因) and may carry the applicant's words, cleaned like
any free text and with phone and ID numbers masked; it opens a follow-up due in a configurable
number of working days. A rating is always saved: when the
deadline falls in a year the hall calendar does not know yet, the follow-up waits for the
calendar (``due`` NULL) and is given its deadline when the year is installed
(``clerk_app.ratings.deadlines``). The rating and its sync operation commit together.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Operator, Permission, actor_of, open_to_clerks, requires
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.db.catalogue_models import CatalogueItem, CatalogueVersionItem
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.models import Hall, Ticket, User, Window
from clerk_app.db.results_models import RatingFollowUp, ServiceRating
from clerk_app.intake import outbox
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.workdays import HallCalendar, promise
from clerk_app.ratings.types import (
    BAD_LEVELS,
    REASON_TEXT_MAX,
    FollowUpAction,
    FollowUpView,
    Indicator,
    Level,
    RatingInput,
    RatingPrompt,
    RatingRefusal,
    RatingRefused,
    RatingResult,
)
from clerk_app.validation.problems import Invalid
from clerk_app.validation.text_safety import clean_free_text
from onewindow_base.clock import Clock, SystemClock, to_datetime
from onewindow_base.db.engine import Database
from onewindow_base.logsafety import mask_personal_data
from onewindow_protocol.wire.ops import BadReason

PROMPT_MINUTES = 30  # a finished service stays open for rating this long


def _not_supervisor(by: Operator) -> RatingRefused:
    name = by.username if isinstance(by, UserInfo) else actor_of(by).name
    return RatingRefused(RatingRefusal.NOT_SUPERVISOR, name)


class RatingService:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        *,
        hall_code: str,
        calendar: HallCalendar,
        follow_up_days: int = 5,
        clock: Clock | None = None,
    ) -> None:
        self._db = db
        self._protector = protector
        self._hall_code = hall_code
        self._calendar = calendar
        self._follow_up_days = follow_up_days
        self._clock = clock or SystemClock()
        hall = db.run_read(
            lambda s: s.execute(select(Hall.id, Hall.timezone).where(Hall.code == hall_code)).one()
        )
        self._hall_id, self._zone = hall.id, ZoneInfo(hall.timezone)

    def _gate(self) -> Gate:
        return Gate(AuditService(self._db, self._clock), self._db)

    @open_to_clerks
    def today(self) -> dt.date:
        return to_datetime(self._clock.now_ms(), self._zone).date()

    # ------------------------------------------------------------ the rating screen
    @open_to_clerks
    def prompt(self, window_number: int) -> RatingPrompt | None:
        """The window's latest finished service still waiting for a rating, if any."""
        since = self._clock.now_ms() - PROMPT_MINUTES * 60_000
        query = (
            select(Ticket.id, Ticket.number, Ticket.finished_ms, User.display_name)
            .join(Window, Window.id == Ticket.window_id)
            .outerjoin(User, User.id == Ticket.user_id)
            .outerjoin(ServiceRating, ServiceRating.ticket_id == Ticket.id)
            .where(
                Ticket.hall_id == self._hall_id,
                Window.number == window_number,
                Ticket.state == "done",
                Ticket.finished_ms >= since,
                ServiceRating.id.is_(None),
            )
            .order_by(Ticket.finished_ms.desc())
            .limit(1)
        )

        def read(session: Session) -> RatingPrompt | None:
            row = session.execute(query).first()
            if row is None:
                return None
            return RatingPrompt(
                row.id,
                row.number,
                window_number,
                row.display_name or "",
                _case_number(session, row.id),
                int(row.finished_ms),
            )

        return self._db.run_read(read)

    @open_to_clerks
    def submit(self, rating: RatingInput, device: UserInfo) -> RatingResult:
        levels = _checked_levels(rating)
        reasons = _checked_reasons(rating, levels)
        try:
            return self._db.run_write(lambda s: self._submit(s, rating, levels, reasons, device))
        except IntegrityError as exc:  # a second device raced this one on the same ticket
            raise RatingRefused(RatingRefusal.ALREADY_RATED, str(rating.ticket_id)) from exc

    def _submit(
        self,
        session: Session,
        rating: RatingInput,
        levels: dict[Indicator, Level],
        reasons: tuple[tuple[BadReason, ...], str | None],
        device: UserInfo,
    ) -> RatingResult:
        ticket = session.get(Ticket, rating.ticket_id)
        if ticket is None or ticket.hall_id != self._hall_id:
            raise RatingRefused(RatingRefusal.UNKNOWN_TICKET, str(rating.ticket_id))
        if ticket.state != "done" or ticket.window_id is None:
            raise RatingRefused(RatingRefusal.NOT_FINISHED, ticket.number)
        window = session.get_one(Window, ticket.window_id)
        if device.user_id in (ticket.user_id, window.user_id):
            raise RatingRefused(RatingRefusal.CLERK_CANNOT_RATE, ticket.number)
        if session.scalar(select(ServiceRating.id).where(ServiceRating.ticket_id == ticket.id)):
            raise RatingRefused(RatingRefusal.ALREADY_RATED, ticket.number)
        now = self._clock.now_ms()
        case = _case_of(session, ticket.id)
        row = ServiceRating(
            rating_uuid=str(uuid.uuid4()),
            hall_id=self._hall_id,
            window_number=window.number,
            ticket_id=ticket.id,
            case_number=case[0] if case else None,
            catalogue_version_id=case[1] if case else None,
            item_code=case[2] if case else None,
            clerk_id=ticket.user_id,
            device_user_id=device.user_id,
            channel=rating.channel.value,
            level=int(levels[Indicator.OVERALL]),
            efficiency=int(levels[Indicator.EFFICIENCY]),
            competence=int(levels[Indicator.COMPETENCE]),
            attitude=int(levels[Indicator.ATTITUDE]),
            comment=rating.comment.strip() or None,
            reasons=",".join(reasons[0]) or None,
            reason_text=reasons[1],
            rated_ms=now,
        )
        session.add(row)
        session.flush()
        follow_up, due = self._open_follow_up(session, row, now)
        clerk = session.get(User, ticket.user_id) if ticket.user_id else None
        payload = _payload(row, self._hall_code, clerk.username if clerk else "", now)
        payload |= _about(session, row, due)
        # The rating's id orders its operations: a follow-up is sent only after the rating.
        op = outbox.Operation("rating.submit", row.rating_uuid, payload)
        outbox.enqueue(session, self._protector, op, now)
        return RatingResult(row.id, row.rating_uuid, Level(row.level), follow_up, due)

    def _open_follow_up(
        self, session: Session, row: ServiceRating, now: int
    ) -> tuple[int | None, dt.date | None]:
        if min(row.level, row.efficiency, row.competence, row.attitude) not in BAD_LEVELS:
            return None, None
        today = self.today()
        due = promise(today, self._follow_up_days, self._calendar).due  # None: waits
        follow_up = RatingFollowUp(
            rating_id=row.id,
            due=due,
            due_from=today,
            due_working_days=self._follow_up_days,
            state="open",
            opened_ms=now,
        )
        session.add(follow_up)
        session.flush()
        return follow_up.id, due

    # ------------------------------------------------------------ follow-ups
    @open_to_clerks
    def follow_ups(self, *, open_only: bool = True) -> list[FollowUpView]:
        today = self.today()
        query = (
            select(RatingFollowUp, ServiceRating, User.display_name)
            .join(ServiceRating, ServiceRating.id == RatingFollowUp.rating_id)
            .outerjoin(User, User.id == ServiceRating.clerk_id)
            .where(ServiceRating.hall_id == self._hall_id)
            .order_by(RatingFollowUp.due.is_(None), RatingFollowUp.due, RatingFollowUp.id)
        )
        if open_only:
            query = query.where(RatingFollowUp.state == "open")

        def read(session: Session) -> list[FollowUpView]:
            return [_view(f, r, name or "", today) for f, r, name in session.execute(query)]

        return self._db.run_read(read)

    @open_to_clerks
    def overdue(self) -> list[FollowUpView]:
        return [f for f in self.follow_ups() if f.overdue]

    @requires(Permission.QUEUE_SUPERVISION, operator="supervisor", refused=_not_supervisor)
    def close_follow_up(
        self, follow_up_id: int, action: FollowUpAction, note: str, supervisor: UserInfo
    ) -> FollowUpView:
        now, today = self._clock.now_ms(), self.today()

        def work(session: Session) -> FollowUpView:
            follow_up = session.scalars(
                select(RatingFollowUp).where(RatingFollowUp.id == follow_up_id).with_for_update()
            ).first()
            if follow_up is None:
                raise RatingRefused(RatingRefusal.UNKNOWN_FOLLOW_UP, str(follow_up_id))
            if follow_up.state != "open":
                raise RatingRefused(RatingRefusal.FOLLOW_UP_CLOSED, str(follow_up_id))
            follow_up.state, follow_up.action, follow_up.note = "closed", action.value, note
            follow_up.closed_ms, follow_up.closed_by = now, supervisor.user_id
            rating = session.get_one(ServiceRating, follow_up.rating_id)
            payload = {
                "rating_id": rating.rating_uuid,
                "hall_code": self._hall_code,
                "action": action.value,
                "note": note,
                "closed_by": supervisor.username,
                "closed_at": _iso(now),
            }
            op = outbox.Operation("rating.follow_up", rating.rating_uuid, payload)
            outbox.enqueue(session, self._protector, op, now)
            clerk = session.get(User, rating.clerk_id) if rating.clerk_id else None
            return _view(follow_up, rating, clerk.display_name if clerk else "", today)

        return self._db.run_write(work)


def _checked_levels(rating: RatingInput) -> dict[Indicator, Level]:
    missing = [i.value for i in Indicator if i not in rating.levels]
    if missing:
        raise RatingRefused(RatingRefusal.INCOMPLETE, ", ".join(missing))
    try:
        return {i: Level(int(rating.levels[i])) for i in Indicator}
    except ValueError as exc:
        raise RatingRefused(RatingRefusal.INVALID_LEVEL, str(exc)) from exc


def _checked_reasons(
    rating: RatingInput, levels: dict[Indicator, Level]
) -> tuple[tuple[BadReason, ...], str | None]:
    """The reasons in their screen order and the cleaned, masked words (None when none)."""
    typed = rating.reason_text.strip()
    if min(levels.values()) not in BAD_LEVELS:
        if rating.reasons or typed:
            raise RatingRefused(RatingRefusal.REASON_NOT_ASKED)
        return (), None
    if not rating.reasons:
        raise RatingRefused(RatingRefusal.REASON_REQUIRED)
    ordered = tuple(r for r in BadReason if r in rating.reasons)
    if not typed:
        return ordered, None
    cleaned = clean_free_text(typed, max_length=REASON_TEXT_MAX)
    if isinstance(cleaned, Invalid):
        raise RatingRefused(RatingRefusal.INVALID_REASON_TEXT, cleaned.code.value)
    return ordered, mask_personal_data(cleaned)


def _case_of(session: Session, ticket_id: int) -> tuple[str, int, str] | None:
    """The case opened during the service: its number, catalogue version and item."""
    row = session.execute(
        select(IntakeCase.case_number, IntakeCase.catalogue_version_id, IntakeCase.item_code)
        .where(IntakeCase.ticket_id == ticket_id)
        .order_by(IntakeCase.id.desc())
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def _case_number(session: Session, ticket_id: int) -> str | None:
    case = _case_of(session, ticket_id)
    return case[0] if case else None


def _department(session: Session, version_id: int | None, item_code: str | None) -> str | None:
    if version_id is None or item_code is None:
        return None
    return session.scalar(
        select(CatalogueItem.department_zh)
        .join(CatalogueVersionItem, CatalogueVersionItem.item_id == CatalogueItem.id)
        .where(CatalogueVersionItem.version_id == version_id, CatalogueItem.code == item_code)
    )


def _about(session: Session, row: ServiceRating, due: dt.date | None) -> dict[str, Any]:
    """What the server groups and follows up by (schema version 2 of ``rating.submit``): the
    item and its department, a bad rating's reasons and words, and its follow-up deadline (left
    out while the hall calendar cannot date it: never guessed)."""
    about: dict[str, Any] = {"reasons": row.reasons.split(",") if row.reasons else []}
    if row.reason_text:
        about["reason_text"] = row.reason_text
    if row.item_code:
        about["item_code"] = row.item_code
    department = _department(session, row.catalogue_version_id, row.item_code)
    if department:
        about["department"] = department
    if due is not None:
        about["follow_up_due"] = due.isoformat()
    return about


def _payload(row: ServiceRating, hall_code: str, clerk: str, now: int) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "rating_id": row.rating_uuid,
        "hall_code": hall_code,
        "window_code": f"W{row.window_number:02d}",
        "clerk": clerk,
        "channel": row.channel,
        "level": row.level,
        "indicators": {
            "overall": row.level,
            "efficiency": row.efficiency,
            "competence": row.competence,
            "attitude": row.attitude,
        },
        "rated_at": _iso(now),
    }
    if row.case_number:
        payload["case_no"] = row.case_number
    if row.comment:
        payload["comment"] = row.comment
    return payload


def _view(f: RatingFollowUp, r: ServiceRating, clerk: str, today: dt.date) -> FollowUpView:
    return FollowUpView(
        follow_up_id=f.id,
        rating_id=r.id,
        level=Level(r.level),
        window_number=r.window_number,
        clerk_name=clerk,
        case_number=r.case_number,
        comment=r.comment or "",
        reasons=tuple(BadReason(code) for code in r.reasons.split(",")) if r.reasons else (),
        reason_text=r.reason_text or "",
        rated_ms=r.rated_ms,
        due=f.due,
        open=f.state == "open",
        overdue=f.state == "open" and f.due is not None and f.due < today,
        action=FollowUpAction(f.action) if f.action else None,
        note=f.note or "",
    )


def _iso(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat().replace("+00:00", "Z")
