"""The pickup window: decisions waiting, their papers, deferred materials arriving, handovers.

A handover is checked whole inside its write transaction (decided, numbered by the server,
not handed over before, every deferred material in, the right person) before anything is
written, so a refused handover leaves nothing changed. The handover, the sync outbox operation
and the audit record commit together.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.db.fees_models import CaseMailing, CasePayment
from clerk_app.db.intake_models import (
    AGENT_ID,
    ID_NUMBER,
    Applicant,
    CaseMaterial,
    CaseStatusEvent,
    IntakeCase,
)
from clerk_app.db.like import LIKE_ESCAPE, like_pattern
from clerk_app.db.models import Hall
from clerk_app.db.results_models import CaseHandover
from clerk_app.intake import outbox
from clerk_app.intake.fees import FeeLine, PaymentStatus, check_payment, fen_of, yuan
from clerk_app.intake.lookup import mailing_view
from clerk_app.intake.outbox import payment_json
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.types import CaseState, IdType
from clerk_app.results.couriers import check_tracking, courier_name, resolve_courier
from clerk_app.results.types import (
    PICKUP_STATES,
    HandoverMethod,
    HandoverRequest,
    HandoverResult,
    PickupEntry,
    ResultRefusal,
    ResultRefused,
)
from clerk_app.validation import Invalid, validate_resident_id
from onewindow_base.clock import Clock, SystemClock, to_datetime
from onewindow_base.db.engine import Database

DAY_MS = 86_400_000


class ResultsService:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        *,
        hall_code: str,
        audit: AuditService | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._db = db
        self._protector = protector
        self._hall_code = hall_code
        self._clock = clock or SystemClock()
        self._audit = audit or AuditService(db, self._clock)
        hall = db.run_read(
            lambda s: s.execute(select(Hall.id, Hall.timezone).where(Hall.code == hall_code)).one()
        )
        self._hall_id, self._zone = hall.id, ZoneInfo(hall.timezone)

    @open_to_clerks
    def today(self) -> dt.date:
        return to_datetime(self._clock.now_ms(), self._zone).date()

    # ------------------------------------------------------------ the pickup list
    @open_to_clerks
    def pickup_list(self, search: str = "", limit: int = 500) -> list[PickupEntry]:
        """Decisions waiting at the pickup window, the longest waiting first."""
        query = self._pickup_query(search.strip()).limit(limit)
        today = self.today()

        def read(session: Session) -> list[PickupEntry]:
            return [self._entry(row, today) for row in session.execute(query)]

        return self._db.run_read(read)

    def _pickup_query(
        self, search: str
    ) -> Select[IntakeCase, str, str, Any, Any, CaseMailing, str, int]:
        decided = (
            select(CaseStatusEvent.case_id, func.max(CaseStatusEvent.at_ms).label("status_ms"))
            .group_by(CaseStatusEvent.case_id)
            .subquery()
        )
        deferred = (
            select(CaseMaterial.case_id, func.count().label("n"))
            .where(CaseMaterial.deferred.is_(True))
            .group_by(CaseMaterial.case_id)
            .subquery()
        )
        status_ms = func.coalesce(decided.c.status_ms, IntakeCase.updated_ms)
        query = (
            select(
                IntakeCase,
                Applicant.name,
                Applicant.id_masked,
                status_ms.label("status_ms"),
                func.coalesce(deferred.c.n, 0).label("deferred"),
                CaseMailing,
                CasePayment.status.label("payment_status"),
                CasePayment.due_fen.label("due_fen"),
            )
            .join(Applicant, Applicant.id == IntakeCase.applicant_id)
            .outerjoin(decided, decided.c.case_id == IntakeCase.id)
            .outerjoin(deferred, deferred.c.case_id == IntakeCase.id)
            .outerjoin(CaseMailing, CaseMailing.case_id == IntakeCase.id)
            .outerjoin(CasePayment, CasePayment.case_id == IntakeCase.id)
            .where(
                IntakeCase.hall_id == self._hall_id,
                IntakeCase.state.in_([s.value for s in PICKUP_STATES]),
            )
            .order_by(status_ms, IntakeCase.id)
        )
        if search:
            pattern = like_pattern(search)
            query = query.where(
                or_(
                    IntakeCase.case_number.like(pattern, escape=LIKE_ESCAPE),
                    Applicant.name.like(pattern, escape=LIKE_ESCAPE),
                    IntakeCase.certificate_number.like(pattern, escape=LIKE_ESCAPE),
                    and_(
                        Applicant.id_type == IdType.RESIDENT_ID.value,
                        Applicant.id_hash == self._id_hash(search),
                    ),
                )
            )
        return query

    def _id_hash(self, text: str) -> str:
        checked = validate_resident_id(text, today=self.today())
        value = text if isinstance(checked, Invalid) else checked.value
        return self._protector.lookup_hash(value, context=ID_NUMBER)

    def _entry(self, row: Any, today: dt.date) -> PickupEntry:
        case: IntakeCase = row[0]
        decided_ms = int(row.status_ms)
        decided_on = to_datetime(decided_ms, self._zone).date()
        return PickupEntry(
            case_id=case.id,
            case_number=case.case_number,
            state=CaseState(case.state),
            item_name_zh=case.item_name_zh,
            item_name_en=case.item_name_en,
            applicant_name=row.name,
            applicant_id_masked=row.id_masked,
            promised_due=case.promised_due,
            decided_ms=decided_ms,
            waiting_days=max(0, (today - decided_on).days),
            certificate_number=case.certificate_number,
            deferred_outstanding=int(row.deferred),
            visits=case.visits,
            mailing=mailing_view(row.CaseMailing),
            fees_pending_fen=int(row.due_fen) if row.payment_status == "pending" else None,
        )

    # ------------------------------------------------------------ deferred materials arrive
    @open_to_clerks
    def supply_deferred(self, case_id: int, material_codes: Sequence[str], clerk: UserInfo) -> int:
        """Record deferred materials handed in; returns how many are still outstanding."""
        codes = sorted(set(material_codes))

        def work(session: Session) -> int:
            case = _locked_case(session, case_id)
            rows = {
                m.material_code: m
                for m in session.scalars(
                    select(CaseMaterial).where(
                        CaseMaterial.case_id == case_id, CaseMaterial.deferred.is_(True)
                    )
                )
            }
            unknown = [c for c in codes if c not in rows]
            if not codes or unknown:
                raise ResultRefused(ResultRefusal.UNKNOWN_MATERIAL, ", ".join(unknown))
            now = self._clock.now_ms()
            for code in codes:
                rows[code].deferred, rows[code].received = False, True
            if case.state == CaseState.ACCEPTED_DEFERRED.value and len(codes) == len(rows):
                case.state = CaseState.ACCEPTED.value
            case.updated_ms = now
            payload = {
                "case_id": case.case_uuid,
                "case_no": case.case_number,
                "materials": [{"code": c, "status": "received"} for c in codes],
                "clerk": clerk.username,
                "received_at": _iso(now),
            }
            op = outbox.Operation("case.supplement_received", case.case_uuid, payload)
            outbox.enqueue(session, self._protector, op, now)
            return len(rows) - len(codes)

        return self._db.run_write(work)

    # ------------------------------------------------------------ handing over
    @open_to_clerks
    def hand_over(self, request: HandoverRequest, clerk: UserInfo) -> HandoverResult:
        return self._db.run_write(lambda s: self._hand_over(s, request, clerk))

    def _hand_over(
        self, session: Session, request: HandoverRequest, clerk: UserInfo
    ) -> HandoverResult:
        case = _locked_case(session, request.case_id)
        number = self._releasable(session, case)
        name, id_value, masked, on_behalf = self._who(session, case, request)
        courier, tracking = _parcel(request)
        now = self._clock.now_ms()
        paid = _settle_fees(session, case, request, clerk, now)
        session.add(
            CaseHandover(
                case_id=case.id,
                certificate_number=number,
                catalogue_version_id=case.catalogue_version_id,
                item_code=case.item_code,
                method=request.method.value,
                recipient_name=name,
                recipient_id_masked=masked,
                on_behalf=on_behalf,
                courier=courier,
                tracking_no=tracking,
                user_id=clerk.user_id,
                handed_ms=now,
            )
        )
        case.state, case.updated_ms = CaseState.HANDED_OVER.value, now
        session.flush()
        payload: dict[str, Any] = {
            "case_id": case.case_uuid,
            "case_no": case.case_number,
            "method": request.method.value,
            "recipient_name": name,
            "clerk": clerk.username,
            "handed_at": _iso(now),
        }
        if id_value:
            payload["recipient_id_number"] = id_value
        if request.method is HandoverMethod.MAIL:
            payload["courier"], payload["tracking_no"] = courier_name(courier or ""), tracking
        if paid is not None:
            payload["payment"] = paid
        op = outbox.Operation("handover.record", case.case_uuid, payload)
        outbox.enqueue(session, self._protector, op, now)
        self._audit.append(
            session,
            AuditAction.HANDOVER,
            Actor(clerk.user_id, clerk.display_name),
            target_kind="case",
            target=case.case_number,
            detail={"certificate": number, "method": request.method.value, "agent": on_behalf},
        )
        return HandoverResult(
            case.id, case.case_number, number, request.method, name, masked, on_behalf, now
        )

    def _releasable(self, session: Session, case: IntakeCase) -> str:
        if session.scalar(select(CaseHandover.id).where(CaseHandover.case_id == case.id)):
            raise ResultRefused(ResultRefusal.ALREADY_HANDED_OVER, case.case_number)
        if case.state == CaseState.HANDED_OVER.value:
            raise ResultRefused(ResultRefusal.ALREADY_HANDED_OVER, case.case_number)
        if case.state != CaseState.APPROVED.value:
            raise ResultRefused(ResultRefusal.NOT_DECIDED, f"{case.case_number}: {case.state}")
        if not case.certificate_number:
            raise ResultRefused(ResultRefusal.NO_CERTIFICATE_NUMBER, case.case_number)
        missing = session.scalars(
            select(CaseMaterial.material_code).where(
                CaseMaterial.case_id == case.id, CaseMaterial.deferred.is_(True)
            )
        ).all()
        if missing:
            raise ResultRefused(ResultRefusal.DEFERRED_OUTSTANDING, ", ".join(sorted(missing)))
        return case.certificate_number

    def _who(
        self, session: Session, case: IntakeCase, request: HandoverRequest
    ) -> tuple[str, str | None, str | None, bool]:
        """The recipient's name, checked ID number, its mask, and whether an agent collects."""
        if request.method is HandoverMethod.MAIL:
            if not (request.courier.strip() and request.tracking_no.strip()):
                raise ResultRefused(ResultRefusal.MISSING_COURIER, case.case_number)
            mailing = session.get(CaseMailing, case.id)
            default = (
                mailing.recipient if mailing else session.get_one(Applicant, case.applicant_id).name
            )
            return request.mail_to.strip() or default, None, None, False
        recipient = request.recipient
        if recipient is None or not recipient.name.strip():
            raise ResultRefused(ResultRefusal.WRONG_PERSON, "no recipient")
        checked = validate_resident_id(recipient.id_number, today=self.today())
        if isinstance(checked, Invalid):
            raise ResultRefused(ResultRefusal.INVALID_ID, checked.code.value)
        value = checked.value
        if self._is_applicant(session, case, value):
            return recipient.name.strip(), value, checked.masked, False
        if self._is_case_agent(case, value) or recipient.authorisation.strip():
            return recipient.name.strip(), value, checked.masked, True
        raise ResultRefused(ResultRefusal.WRONG_PERSON, case.case_number)

    def _is_applicant(self, session: Session, case: IntakeCase, value: str) -> bool:
        applicant = session.get_one(Applicant, case.applicant_id)
        return applicant.id_type == IdType.RESIDENT_ID.value and applicant.id_hash == (
            self._protector.lookup_hash(value, context=ID_NUMBER)
        )

    def _is_case_agent(self, case: IntakeCase, value: str) -> bool:
        if case.agent_id_enc is None:
            return False
        return self._protector.decrypt(case.agent_id_enc, context=AGENT_ID) == value

    @open_to_clerks
    def handover_of(self, case_id: int) -> HandoverResult | None:
        def read(session: Session) -> HandoverResult | None:
            row = session.scalars(
                select(CaseHandover).where(CaseHandover.case_id == case_id)
            ).first()
            if row is None:
                return None
            number = session.get_one(IntakeCase, case_id).case_number
            return HandoverResult(
                case_id,
                number,
                row.certificate_number,
                HandoverMethod(row.method),
                row.recipient_name,
                row.recipient_id_masked,
                row.on_behalf,
                row.handed_ms,
            )

        return self._db.run_read(read)


def _parcel(request: HandoverRequest) -> tuple[str | None, str | None]:
    """A mailed result's courier and tracking number, checked per courier where its format
    is public (clerk_app.results.couriers)."""
    if request.method is not HandoverMethod.MAIL:
        return None, None
    courier = resolve_courier(request.courier)
    checked = check_tracking(courier, request.tracking_no)
    if isinstance(checked, Invalid):
        raise ResultRefused(ResultRefusal.INVALID_TRACKING, checked.code.value)
    return (courier.value if courier else request.courier.strip()), checked


def _settle_fees(
    session: Session, case: IntakeCase, request: HandoverRequest, clerk: UserInfo, now: int
) -> dict[str, Any] | None:
    """Fees left to pay at pickup (待缴) are paid before the result leaves; returns the
    payment for the outbox when it was taken now."""
    row = session.get(CasePayment, case.id)
    if row is None or row.status != PaymentStatus.PENDING.value:
        return None
    lines = tuple(
        FeeLine(
            f["name"],
            f["name"],
            None if f["amount_fen"] is None else yuan(f["amount_fen"]),
            f["basis"],
        )
        for f in json.loads(row.fees)
    )
    checked = check_payment(request.payment, lines, at_pickup=True)
    if isinstance(checked, Invalid):
        raise ResultRefused(ResultRefusal.FEES_UNPAID, checked.code.value)
    paid = checked.status is PaymentStatus.PAID
    row.status = checked.status.value
    row.method = checked.method.value if paid else None
    row.due_fen, row.paid_fen = fen_of(checked.due_or_paid), fen_of(checked.paid)
    row.reference, row.waiver_reason = checked.reference, checked.reason
    row.recorded_ms, row.recorded_by = now, clerk.user_id
    row.paid_ms = now if paid else None
    return payment_json(checked, lines)


def _locked_case(session: Session, case_id: int) -> IntakeCase:
    case = session.scalars(
        select(IntakeCase).where(IntakeCase.id == case_id).with_for_update()
    ).first()
    if case is None:
        raise ResultRefused(ResultRefusal.UNKNOWN_CASE, str(case_id))
    return case


def _iso(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat().replace("+00:00", "Z")
