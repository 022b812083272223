"""Text-message notifications (短信提醒) on the counter: opt-ins, the turn-near trigger, and the
delivery statuses read back from the central server (docs/sync-protocol.md, "Notifications").

Opting in stores the phone encrypted (``notify_opt_in``). A case's opt-in goes to the server as
``notify.case_opt_in`` behind the case's own operation (same case key, so never before it); the
server texts the applicant when the back office approves the case or asks for a supplement.

"Your turn is near" is decided here, each sync cycle before the push (online or not): a ticket
opted in and still waiting, with at most its service's N people ahead (``[notifications]``;
0 = off), gets one ``notify.turn_near`` operation, exactly once (the opt-in row records it in
the same transaction). An operation still unsent when its ticket has left the waiting line
(called, cancelled, no-show) is taken out of the outbox and the opt-in marked ``dropped``: a
late "your turn is near" would be wrong, so it is never sent late.

Statuses: after the push, the counter asks the server for its open opt-ins' messages (turn-near
by message id, cases by number) and records ``sent`` / ``delivered`` / ``failed``; while it
cannot ask, the clerk sees the last status it knew.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.models import Hall, Service, Ticket, TicketState
from clerk_app.db.notify_models import NOTIFY_PHONE, NotifyOptIn
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.outbox import Operation, enqueue
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.queue.estimate import estimate
from clerk_app.queue.hall import enrolled_rules
from clerk_app.settings_schema import DEFAULT_TURN_NEAR_AHEAD
from clerk_app.sync.client import Transport, parse
from clerk_app.sync.payload import wire_time
from clerk_app.sync.push import PENDING
from clerk_app.validation import Invalid
from clerk_app.validation.phone import PhoneKind, validate_phone
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.wire.notifications import (
    MAX_STATUS_REFS,
    MessageStatus,
    StatusReply,
)

log = logging.getLogger(__name__)

TURN_NEAR, CASE_OPT_IN = "notify.turn_near", "notify.case_opt_in"
OPTED_IN, QUEUED, DROPPED = "opted_in", "queued", "dropped"
OPEN = (OPTED_IN, QUEUED, MessageStatus.SENT.value)  # a later status may still come


class PhoneInvalidError(ValueError):
    """Not a mainland mobile number (11 digits starting 13–19)."""


def normalise_mobile(text: str) -> str:
    """``+86 138-1234-5678`` → ``13812345678``; :class:`PhoneInvalidError` unless a mainland
    mobile number (read as the applicant form reads a phone: :mod:`clerk_app.validation.phone`)."""
    phone = validate_phone(text)
    if isinstance(phone, Invalid) or phone.kind is not PhoneKind.MOBILE:
        raise PhoneInvalidError("not a mainland mobile number")
    return phone.value


@dataclass(frozen=True, slots=True)
class NotifyRules:
    """When "your turn is near" goes out: at most this many people ahead; per service code
    where set (0 = never for that service)."""

    ahead: int = DEFAULT_TURN_NEAR_AHEAD
    per_service: Mapping[str, int] = field(default_factory=dict)

    def threshold(self, service_code: str) -> int:
        return self.per_service.get(service_code, self.ahead)


@dataclass(frozen=True, slots=True)
class Scanned:
    queued: int = 0  # turn-near operations put in the outbox
    dropped: int = 0  # unsent ones taken out: their ticket was called first


@dataclass(frozen=True, slots=True)
class OptInState:
    status: str  # opted_in | queued | sent | delivered | failed | dropped
    changed_ms: int


class Notifications:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        clock: Clock,
        rules: NotifyRules | None = None,
    ) -> None:
        self.db = db
        self.protector = protector
        self.clock = clock
        self.rules = rules or NotifyRules()

    # ------------------------------------------------------------------ opting in
    @open_to_clerks
    def opt_in_ticket(self, ticket_id: int, phone: str) -> None:
        """The kiosk: texts for this ticket (its turn near). :class:`PhoneInvalidError` for a phone
        that is not a mainland mobile; a second opt-in replaces the phone of the first."""
        mobile = normalise_mobile(phone)
        now = self.clock.now_ms()

        def work(session: Session) -> None:
            row = session.scalar(select(NotifyOptIn).where(NotifyOptIn.ticket_id == ticket_id))
            if row is None:
                row = NotifyOptIn(ticket_id=ticket_id, created_ms=now, status=OPTED_IN)
                row.status_ms = now
                session.add(row)
            row.phone_enc = self.protector.encrypt(mobile, context=NOTIFY_PHONE)

        self.db.run_write(work)

    @open_to_clerks
    def opt_in_case(self, case_uuid: str, phone: str) -> None:
        """Intake's 短信通知 tick, once the case is decided: the server texts the applicant
        when the result is ready or a supplement is requested."""
        mobile = normalise_mobile(phone)
        now = self.clock.now_ms()

        def work(session: Session) -> None:
            case = session.scalar(select(IntakeCase).where(IntakeCase.case_uuid == case_uuid))
            if case is None:
                raise LookupError(f"no case {case_uuid}")
            if session.scalar(select(NotifyOptIn).where(NotifyOptIn.case_uuid == case_uuid)):
                return  # consent is recorded once per case
            payload: dict[str, Any] = {
                "case_id": case_uuid,
                "case_no": case.case_number,
                "hall_code": self._hall_code(session, case.hall_id),
                "phone": mobile,
                "consented_at": wire_time(now),
            }
            enqueue(session, self.protector, Operation(CASE_OPT_IN, case_uuid, payload), now)
            session.add(
                NotifyOptIn(
                    case_uuid=case_uuid,
                    phone_enc=self.protector.encrypt(mobile, context=NOTIFY_PHONE),
                    created_ms=now,
                    status=OPTED_IN,
                    status_ms=now,
                )
            )

        self.db.run_write(work)

    @staticmethod
    def _hall_code(session: Session, hall_id: int) -> str:
        return str(session.scalar(select(Hall.code).where(Hall.id == hall_id)))

    # ------------------------------------------------------------------ the clerk's view
    @open_to_clerks
    def ticket_state(self, ticket_id: int) -> OptInState | None:
        """None: the ticket's holder did not opt in (未订阅)."""
        return self.db.run_read(
            lambda s: _state(
                s.scalar(select(NotifyOptIn).where(NotifyOptIn.ticket_id == ticket_id))
            )
        )

    @open_to_clerks
    def case_state(self, case_uuid: str) -> OptInState | None:
        return self.db.run_read(
            lambda s: _state(
                s.scalar(select(NotifyOptIn).where(NotifyOptIn.case_uuid == case_uuid))
            )
        )

    # ------------------------------------------------------------------ each sync cycle
    @open_to_clerks  # the sync cycle's step, under no user
    def needs_scan(self, session: Session) -> bool:
        """Whether :meth:`scan` has anything to do: an opt-in not yet due, or a turn-near
        operation still unsent (an idle cycle writes nothing)."""
        waiting_opt_in = select(NotifyOptIn.id).where(
            NotifyOptIn.ticket_id.is_not(None), NotifyOptIn.status == OPTED_IN
        )
        unsent = select(OutboxOperation.seq).where(
            OutboxOperation.kind == TURN_NEAR, OutboxOperation.state == PENDING
        )
        return (
            session.scalar(waiting_opt_in.limit(1)) is not None
            or session.scalar(unsent.limit(1)) is not None
        )

    @open_to_clerks  # the sync cycle's step, under no user
    def scan(self, hall_code: str | None) -> Scanned:
        """Queue the turn-near messages now due; drop the unsent ones now useless."""
        now = self.clock.now_ms()

        def work(session: Session) -> Scanned:
            hall = enrolled_rules(session, hall_code)
            rows = session.execute(
                select(NotifyOptIn, Ticket, Service.code)
                .join(Ticket, Ticket.id == NotifyOptIn.ticket_id)
                .join(Service, Service.id == Ticket.service_id)
                .where(NotifyOptIn.status.in_((OPTED_IN, QUEUED)))
                .order_by(NotifyOptIn.id)
            ).all()
            queued = dropped = 0
            unsent: dict[str, int] | None = None  # read (decrypted) once, when first needed
            for opt_in, ticket, service_code in rows:
                waiting = ticket.state == TicketState.WAITING and ticket.day == hall.day(now)
                if opt_in.status == QUEUED:
                    if waiting:
                        continue
                    if unsent is None:
                        unsent = self._unsent(session)
                    if _unsend(session, unsent, opt_in):
                        opt_in.status, opt_in.status_ms = DROPPED, now
                        dropped += 1
                    continue
                if not waiting:
                    opt_in.status, opt_in.status_ms = DROPPED, now  # called before it was due
                    continue
                threshold = self.rules.threshold(service_code)
                if threshold <= 0:
                    continue
                ahead = estimate(
                    session,
                    hall,
                    ticket.service_id,
                    ticket.priority_class,
                    ticket.arrival_ms,
                    now,
                    exclude_ticket_id=ticket.id,
                ).ahead
                if ahead > threshold:
                    continue
                message_id = str(uuid.uuid4())
                payload: dict[str, Any] = {
                    "message_id": message_id,
                    "hall_code": hall.code,
                    "ticket_no": ticket.number,
                    "day": ticket.day.isoformat(),
                    "ahead": ahead,
                    "phone": self.protector.decrypt(opt_in.phone_enc, context=NOTIFY_PHONE),
                    "queued_at": wire_time(now),
                }
                enqueue(session, self.protector, Operation(TURN_NEAR, None, payload), now)
                opt_in.message_id, opt_in.turn_near_ms = message_id, now
                opt_in.status, opt_in.status_ms = QUEUED, now
                queued += 1
            return Scanned(queued, dropped)

        done = self.db.run_write(work)
        if done.queued or done.dropped:
            log.info("turn-near messages: %d queued, %d dropped", done.queued, done.dropped)
        return done

    def _unsent(self, session: Session) -> dict[str, int]:
        """The turn-near operations still in the outbox: their message id → outbox seq."""
        unsent: dict[str, int] = {}
        for op in session.scalars(
            select(OutboxOperation).where(
                OutboxOperation.kind == TURN_NEAR, OutboxOperation.state == PENDING
            )
        ):
            stored = json.loads(self.protector.decrypt(op.payload_enc, context=OUTBOX))
            if message_id := stored.get("message_id"):
                unsent[str(message_id)] = op.seq
        return unsent

    @open_to_clerks  # the sync cycle's step, under no user
    def pull_statuses(self, t: Transport) -> int:
        """The server's statuses of the open opt-ins' messages; how many changed here."""
        asked = self.db.run_read(_open_refs)
        if not asked:
            return 0
        changed = 0
        for start in range(0, len(asked), MAX_STATUS_REFS):
            chunk = asked[start : start + MAX_STATUS_REFS]
            body = {
                "message_ids": [ref for kind, ref in chunk if kind == "message"],
                "case_nos": [ref for kind, ref in chunk if kind == "case"],
            }
            reply = parse(StatusReply, t.request("POST", paths.NOTIFICATIONS_STATUS, json=body))

            def work(session: Session, reply: StatusReply = reply) -> int:
                return self._record(session, reply)

            changed += self.db.run_write(work)
        return changed

    def _record(self, session: Session, reply: StatusReply) -> int:
        now = self.clock.now_ms()
        by_message = {str(m.message_id): m for m in reply.messages if m.ticket_no}
        by_case: dict[str, str] = {}
        for m in reply.messages:  # the case's latest message decides
            if m.case_no:
                by_case[m.case_no] = m.status.value
        changed = 0
        rows = session.execute(
            select(NotifyOptIn, IntakeCase.case_number)
            .outerjoin(IntakeCase, IntakeCase.case_uuid == NotifyOptIn.case_uuid)
            .where(NotifyOptIn.status.in_(OPEN))
        ).all()
        for opt_in, case_no in rows:
            found: str | None = None
            if opt_in.message_id and opt_in.message_id in by_message:
                found = by_message[opt_in.message_id].status.value
            elif case_no and case_no in by_case:
                found = by_case[case_no]
            if found is not None and found != opt_in.status:
                opt_in.status, opt_in.status_ms = found, now
                changed += 1
        return changed


def _unsend(session: Session, unsent: dict[str, int], opt_in: NotifyOptIn) -> bool:
    """Take the opt-in's turn-near operation out of the outbox if it is still unsent;
    False when it already reached the server (its status will come back)."""
    seq = unsent.pop(opt_in.message_id or "", None)
    if seq is None:
        return False
    session.execute(delete(OutboxOperation).where(OutboxOperation.seq == seq))
    return True


def _open_refs(session: Session) -> list[tuple[str, str]]:
    """What to ask about: turn-near messages queued or sent, cases' opt-ins not yet final."""
    refs: list[tuple[str, str]] = [
        ("message", str(m))
        for m in session.scalars(
            select(NotifyOptIn.message_id).where(
                NotifyOptIn.message_id.is_not(None),
                NotifyOptIn.status.in_((QUEUED, MessageStatus.SENT.value)),
            )
        )
    ]
    refs += [
        ("case", str(no))
        for no in session.scalars(
            select(IntakeCase.case_number)
            .join(NotifyOptIn, NotifyOptIn.case_uuid == IntakeCase.case_uuid)
            .where(NotifyOptIn.status.in_(OPEN))
        )
    ]
    return refs


def _state(row: NotifyOptIn | None) -> OptInState | None:
    return None if row is None else OptInState(row.status, row.status_ms)
