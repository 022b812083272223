"""帮办代办: what a helper (帮办代办员) did for an applicant, recorded on the case.

The helper works on the hall floor: fills in the form with an elderly applicant while they wait,
gets a company's materials in order, shows someone the self-service terminal, or (代办) takes
the whole procedure over under the applicant's written authorisation. Each sitting is one
record: who helped, which kinds, when by the hall clock, the minutes if the helper gives them,
for 代办 the authorisation (the letter seen, or a reference to its material or scan), and a
note free of personal data.

A record is made for a ticket of today (the case has no number yet: it waits with the ticket
and joins the case when the clerk decides that visit, :mod:`clerk_app.intake.assistance`) or
for a case by its number (then it goes to the server at once, as ``case.assist``). The helper
decides nothing: :data:`Permission.DECIDE` is the clerk's, :data:`Permission.ASSIST` theirs.
"""

from __future__ import annotations

import enum
import logging
import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Permission, open_to_clerks, requires
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.db.intake_models import CaseAssistance, IntakeCase
from clerk_app.db.models import Ticket, TicketState
from clerk_app.intake import outbox
from clerk_app.intake.assistance import assist_operation, view_of
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.types import AssistanceKind, AssistanceView
from clerk_app.queue import views
from clerk_app.queue.hall import HallRules
from clerk_app.queue.types import TicketView
from clerk_app.validation.text_safety import clean_free_text
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

NOTE_MAX = 500
REFERENCE_MAX = 200
MAX_MINUTES = 600
# An 18-character resident ID, an 11-digit mainland mobile: never in a note (as in the audit).
_PERSONAL = re.compile(r"(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?![\dXx])")


class AssistanceRefusal(enum.StrEnum):
    NO_KIND = "no_kind"  # nothing ticked
    NO_TARGET = "no_target"  # neither a ticket nor a case, or both
    UNKNOWN_TICKET = "unknown_ticket"  # no such ticket today in this hall
    UNKNOWN_CASE = "unknown_case"
    NO_AUTHORISATION = "no_authorisation"  # 代办 without the letter seen or its reference
    BAD_NOTE = "bad_note"  # a character no stored text may hold, or too long
    PERSONAL_NOTE = "personal_note"  # an ID or phone number in the note
    BAD_MINUTES = "bad_minutes"


class AssistanceRefused(Exception):  # noqa: N818 - an expected outcome with its code
    def __init__(self, code: AssistanceRefusal, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code.value}: {detail}" if detail else code.value)


@dataclass(frozen=True, slots=True)
class AssistanceInput:
    """One sitting as the helper finishes it: for a ticket of today or a case number."""

    kinds: Collection[AssistanceKind]
    started_ms: int
    ticket_number: str | None = None
    case_number: str | None = None
    minutes: int | None = None  # None: as long as the sitting lasted, or not said
    authorisation_seen: bool = False
    authorisation_ref: str = ""
    note: str = ""


class AssistanceService:
    def __init__(
        self,
        db: Database,
        audit: AuditService,
        clock: Clock,
        protector: PersonalDataProtector,
        *,
        rules: HallRules,
    ) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._protector = protector
        self._rules = rules

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    @open_to_clerks
    def now_ms(self) -> int:
        return self._clock.now_ms()

    @open_to_clerks
    def waiting_tickets(self) -> list[TicketView]:
        """Today's tickets still waiting in the hall, first come first."""
        day = self._rules.day(self._clock.now_ms())
        return self._db.run_read(
            lambda s: [
                views.row_view(row)
                for row in s.execute(
                    views.ticket_query()
                    .where(
                        Ticket.hall_id == self._rules.hall_id,
                        Ticket.day == day,
                        Ticket.state == TicketState.WAITING,
                    )
                    .order_by(Ticket.arrival_ms, Ticket.id)
                )
            ]
        )

    @open_to_clerks
    def done_today(self, helper: UserInfo) -> list[AssistanceView]:
        """The helper's own records of today, newest first."""
        today = self._rules.day(self._clock.now_ms())
        start, _ = self._rules.day_bounds_ms(today, today)

        def read(session: Session) -> list[AssistanceView]:
            rows = session.execute(
                select(CaseAssistance, IntakeCase.case_number)
                .outerjoin(IntakeCase, IntakeCase.id == CaseAssistance.case_id)
                .where(
                    CaseAssistance.helper_id == helper.user_id,
                    CaseAssistance.finished_ms >= start,
                )
                .order_by(CaseAssistance.finished_ms.desc(), CaseAssistance.id.desc())
            )
            return [view_of(row, number) for row, number in rows]

        return self._db.run_read(read)

    @open_to_clerks
    def for_ticket(self, ticket_id: int) -> list[AssistanceView]:
        """The help given to the applicant of a ticket, oldest first: what the clerk who calls
        it sees (with the case's number once a decision gave it one)."""

        def read(session: Session) -> list[AssistanceView]:
            rows = session.execute(
                select(CaseAssistance, IntakeCase.case_number)
                .outerjoin(IntakeCase, IntakeCase.id == CaseAssistance.case_id)
                .where(
                    CaseAssistance.ticket_id == ticket_id,
                    CaseAssistance.hall_id == self._rules.hall_id,
                )
                .order_by(CaseAssistance.finished_ms, CaseAssistance.id)
            )
            return [view_of(row, number) for row, number in rows]

        return self._db.run_read(read)

    @requires(Permission.ASSIST, operator="helper")
    def record(self, helper: UserInfo, entry: AssistanceInput) -> AssistanceView:
        """Record a finished sitting (refused, with nothing written, when incomplete)."""
        note, reference = _checked(entry)
        view = self._db.run_write(lambda s: self._save(s, helper, entry, note, reference))
        log.info("assistance recorded: %s", ",".join(k.value for k in view.kinds))
        return view

    def _save(
        self,
        session: Session,
        helper: UserInfo,
        entry: AssistanceInput,
        note: str | None,
        reference: str | None,
    ) -> AssistanceView:
        now = self._clock.now_ms()
        case = self._case(session, entry.case_number) if entry.case_number else None
        ticket = self._ticket(session, entry.ticket_number) if entry.ticket_number else None
        if ticket is not None and case is None:  # a later visit of a case already decided
            case = session.scalars(
                select(IntakeCase).where(
                    IntakeCase.ticket_id == ticket.id, IntakeCase.hall_id == self._rules.hall_id
                )
            ).first()
        kinds = [k for k in AssistanceKind if k in entry.kinds]
        row = CaseAssistance(
            assist_uuid=str(uuid.uuid4()),
            hall_id=self._rules.hall_id,
            case_id=None if case is None else case.id,
            ticket_id=None if ticket is None else ticket.id,
            ticket_number=None if ticket is None else ticket.number,
            helper_id=helper.user_id,
            helper_username=helper.username,
            helper_name=helper.display_name,
            kinds=",".join(k.value for k in kinds),
            started_ms=min(entry.started_ms, now),
            finished_ms=now,
            minutes=entry.minutes,
            authorisation_seen=entry.authorisation_seen and AssistanceKind.PROXY in kinds,
            authorisation_ref=reference,
            note=note,
        )
        session.add(row)
        session.flush()
        if case is not None:
            op = assist_operation(row, case, self._rules.code)
            outbox.enqueue(session, self._protector, op, now)
        self._audit.append(
            session,
            AuditAction.CASE_ASSISTANCE,
            Actor(helper.user_id, helper.display_name),
            target_kind="case" if case is not None else "ticket",
            target=case.case_number if case is not None else row.ticket_number,
            detail={
                "assistance": row.id,
                "kinds": row.kinds,
                "minutes": row.minutes,
                "authorisation": row.authorisation_seen or reference is not None,
            },
        )
        return view_of(row, None if case is None else case.case_number)

    def _case(self, session: Session, number: str) -> IntakeCase:
        found = session.scalars(
            select(IntakeCase).where(
                IntakeCase.case_number == number.strip(),
                IntakeCase.hall_id == self._rules.hall_id,
            )
        ).first()
        if found is None:
            raise AssistanceRefused(AssistanceRefusal.UNKNOWN_CASE, number)
        return found

    def _ticket(self, session: Session, number: str) -> Ticket:
        day = self._rules.day(self._clock.now_ms())
        found = session.scalars(
            select(Ticket).where(
                Ticket.hall_id == self._rules.hall_id,
                Ticket.day == day,
                Ticket.number == number.strip().upper(),
            )
        ).first()
        if found is None:
            raise AssistanceRefused(AssistanceRefusal.UNKNOWN_TICKET, number)
        return found


def _checked(entry: AssistanceInput) -> tuple[str | None, str | None]:
    """The note and the authorisation's reference as stored; refuses an incomplete entry."""
    if not entry.kinds:
        raise AssistanceRefused(AssistanceRefusal.NO_KIND)
    if bool(entry.ticket_number) == bool(entry.case_number):
        raise AssistanceRefused(AssistanceRefusal.NO_TARGET)
    if entry.minutes is not None and not 0 < entry.minutes <= MAX_MINUTES:
        raise AssistanceRefused(AssistanceRefusal.BAD_MINUTES, str(entry.minutes))
    note = _text(entry.note, NOTE_MAX)
    reference = _text(entry.authorisation_ref, REFERENCE_MAX)
    if AssistanceKind.PROXY in entry.kinds and not entry.authorisation_seen and reference is None:
        raise AssistanceRefused(AssistanceRefusal.NO_AUTHORISATION)
    return note, reference


def _text(value: str, max_length: int) -> str | None:
    if not value.strip():
        return None
    cleaned = clean_free_text(value, max_length=max_length, multiline=True)
    if not isinstance(cleaned, str):
        raise AssistanceRefused(AssistanceRefusal.BAD_NOTE, cleaned.code.value)
    if _PERSONAL.search(cleaned):
        raise AssistanceRefused(AssistanceRefusal.PERSONAL_NOTE)
    return cleaned
