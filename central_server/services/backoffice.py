"""What approvers do: list and read cases, review, approve, reject, request a supplement.

Each action checks the case's status, bumps its version and writes a feed event in one
transaction (taking the feed lock first, like every feed writer).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Case
from central_server.services.catalogue import item_body
from central_server.services.certificates import format_number, next_number
from central_server.services.changes import emit_case, lock_feed
from central_server.services.common import ms_to_datetime
from central_server.services.epoch import EpochGuard
from central_server.services.errors import Refusal, Refused
from central_server.services.licences import register_issued
from central_server.services.notifications import queue_for_case
from onewindow_protocol.masking import IdKind, mask_id
from onewindow_protocol.wire.backoffice import (
    ApproveRequest,
    CaseDetail,
    CaseSummary,
    RejectRequest,
    ReviewRequest,
    SupplementRequestIn,
)
from onewindow_protocol.wire.changes import Certificate, SupplementLine, SupplementRequest
from onewindow_protocol.wire.common import CaseStatus
from onewindow_protocol.wire.notifications import Template
from onewindow_protocol.wire.ops import IdType

DECIDABLE = (CaseStatus.RECEIVED, CaseStatus.UNDER_REVIEW)
# How the papers mask each kind of identifier (onewindow_protocol.masking): a residence permit
# has a resident ID's format, a credit code is public and shown whole, anything else keeps two
# characters at each end.
ID_KIND: dict[str, IdKind] = {
    IdType.RESIDENT_ID: IdKind.RESIDENT_ID,
    IdType.RESIDENCE_PERMIT: IdKind.RESIDENT_ID,
    IdType.USCC: IdKind.CREDIT_CODE,
}
MAX_LIST = 1000


def summary(case: Case) -> CaseSummary:
    return CaseSummary(
        case_id=uuid.UUID(case.id),
        case_no=case.case_no,
        hall_code=case.hall_code,
        window_code=case.window_code,
        item_code=case.item_code,
        item_version=case.item_version,
        applicant_name=str(case.applicant.get("name", "")),
        applicant_id_masked=mask_id(
            str(case.applicant.get("id_number", "")),
            ID_KIND.get(str(case.applicant.get("id_type")), IdKind.OTHER),
        ),
        counter_decision=case.counter_decision,
        status=CaseStatus(case.status),
        version=case.version,
        deferred_outstanding=case.deferred_outstanding,
        received_at=ms_to_datetime(case.received_ms),
        updated_at=ms_to_datetime(case.updated_ms),
        certificate_no=case.certificate_no,
    )


def detail(case: Case) -> CaseDetail:
    return CaseDetail(
        **summary(case).model_dump(),
        clerk=case.clerk,
        situation=case.situation,
        applicant=case.applicant,
        materials=case.materials,
        decision_detail=case.decision_detail,
        reviewer=case.reviewer,
        certificate=Certificate.model_validate(case.certificate) if case.certificate else None,
        reject_reason=case.reject_reason,
        supplement=SupplementRequest.model_validate(case.supplement) if case.supplement else None,
        handover=case.handover,
        payment=case.payment,
        mailing=case.mailing,
    )


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, dict):
        return _text(value.get("name_zh")) or _text(value.get("name"))
    return None


class BackOffice:
    def __init__(
        self, ctx: ServerContext, guard: EpochGuard, kick: Callable[[], None] = lambda: None
    ) -> None:
        """``kick``: tell the message dispatcher that a decision may have queued a message."""
        self.ctx = ctx
        self.guard = guard
        self.kick = kick
        self.zone = ZoneInfo(ctx.settings.timezone)

    def list_cases(
        self,
        *,
        status: CaseStatus | None = None,
        hall_code: str | None = None,
        limit: int = MAX_LIST,
    ) -> list[CaseSummary]:
        query = select(Case).order_by(Case.received_ms, Case.case_no).limit(min(limit, MAX_LIST))
        if status is not None:
            query = query.where(Case.status == status.value)
        if hall_code is not None:
            query = query.where(Case.hall_code == hall_code)
        with self.ctx.db.read() as session:
            return [summary(c) for c in session.scalars(query)]

    def case(self, case_no: str) -> CaseDetail:
        with self.ctx.db.read() as session:
            return detail(self._get(session, case_no))

    @staticmethod
    def _get(session: Session, case_no: str) -> Case:
        case = session.scalar(select(Case).where(Case.case_no == case_no))
        if case is None:
            raise Refused(Refusal.CASE_NOT_FOUND, f"no case {case_no}")
        return case

    def _act(
        self,
        case_no: str,
        allowed: tuple[CaseStatus, ...],
        action: str,
        change: Callable[[Session, Case, int], None],
    ) -> CaseDetail:
        def work(session: Session) -> CaseDetail:
            lock_feed(session)
            case = self._get(session, case_no)
            if case.status not in allowed:
                raise Refused(
                    Refusal.INVALID_TRANSITION,
                    f"case {case_no} is {case.status}; cannot {action}",
                    status=case.status,
                )
            now = self.ctx.now_ms()
            change(session, case, now)
            case.version += 1
            case.updated_ms = now
            session.flush()
            emit_case(session, case, now)
            return detail(case)

        result = self.ctx.db.run_write(work)
        self.guard.record(self.ctx)
        self.kick()  # a result-ready or supplement message, if one was queued
        return result

    def review(self, case_no: str, request: ReviewRequest) -> CaseDetail:
        def change(_s: Session, case: Case, _now: int) -> None:
            case.status = CaseStatus.UNDER_REVIEW.value
            case.reviewer = request.reviewer

        return self._act(case_no, (CaseStatus.RECEIVED,), "start review", change)

    def approve(self, case_no: str, request: ApproveRequest) -> CaseDetail:
        prefix = self.ctx.settings.certificate_prefix

        def change(session: Session, case: Case, now: int) -> None:
            today = ms_to_datetime(now).astimezone(self.zone).date()
            number, ascii_number = format_number(
                prefix, today.year, next_number(session, today.year)
            )
            item: dict[str, Any] = item_body(session, case.item_code, case.item_version)
            certificate = Certificate(
                number=number,
                number_ascii=ascii_number,
                result_name=request.result_name
                or _text(item.get("result"))
                or _text(item.get("name_zh"))
                or case.item_code,
                holder=request.holder or str(case.applicant.get("name", "")),
                scope=request.scope,
                valid_from=request.valid_from or today,
                valid_until=request.valid_until,
                issuing_authority=request.issuing_authority
                or _text(item.get("department_zh"))
                or _text(item.get("department"))
                or "",
                issued_at=ms_to_datetime(now),
                verification_code=secrets.token_hex(8).upper(),
            )
            case.status = CaseStatus.APPROVED.value
            case.decided_ms = now
            case.reviewer = request.approver
            case.certificate_no = number
            case.certificate = certificate.model_dump(mode="json")
            register_issued(  # the certificate is an e-licence this server issued
                session,
                self.ctx,
                case_no=case.case_no,
                applicant=case.applicant,
                item_code=case.item_code,
                certificate=case.certificate,
                now=now,
            )
            queue_for_case(session, self.ctx, case, Template.RESULT_READY, now)

        return self._act(case_no, DECIDABLE, "approve", change)

    def reject(self, case_no: str, request: RejectRequest) -> CaseDetail:
        def change(_s: Session, case: Case, now: int) -> None:
            case.status = CaseStatus.REJECTED.value
            case.decided_ms = now
            case.reviewer = request.approver
            case.reject_reason = request.reason

        return self._act(case_no, DECIDABLE, "reject", change)

    def request_supplement(self, case_no: str, request: SupplementRequestIn) -> CaseDetail:
        def change(session: Session, case: Case, now: int) -> None:
            case.status = CaseStatus.SUPPLEMENT_REQUESTED.value
            case.reviewer = request.approver
            case.supplement = SupplementRequest(
                lines=[
                    SupplementLine(material=line.material, requirement=line.requirement)
                    for line in request.lines
                ],
                note=request.note,
                due_date=request.due_date,
                requested_by=request.approver,
            ).model_dump(mode="json")
            queue_for_case(session, self.ctx, case, Template.SUPPLEMENT_REQUESTED, now)

        return self._act(case_no, DECIDABLE, "request a supplement", change)
