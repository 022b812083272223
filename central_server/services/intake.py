"""What each operation kind does to the server's cases, ratings and feed.

A handler either applies its payload (writing rows and feed events) and returns the case it
touched, or raises :class:`Outcome` with a conflict, a missing blob or a rejection; the caller
then rolls back its savepoint, so a refused operation leaves nothing behind.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.models import (
    Blob,
    Case,
    CaseAssistance,
    CatalogueItem,
    Rating,
    RatingFollowUp,
    RatingReason,
)
from central_server.services.changes import emit_case
from central_server.services.common import datetime_to_ms
from onewindow_protocol.wire.common import CaseStatus
from onewindow_protocol.wire.ops import (
    CaseAcceptV1,
    CaseAcceptV2,
    CaseAssistV1,
    CaseDeferV1,
    CaseDeferV2,
    CaseIntake,
    CaseNoticeV1,
    CaseRef,
    CaseRefuseV1,
    CaseSupplementReceivedV1,
    HandoverRecordV1,
    HandoverRecordV2,
    MaterialState,
    MaterialStatus,
    OpKind,
    RatingFollowUpV1,
    RatingSubmitV1,
    RatingSubmitV2,
    ResultStatus,
)


class Outcome(Exception):  # noqa: N818 - carries a non-applied result, not an error
    def __init__(
        self, status: ResultStatus, code: str, message: str, missing: Iterable[str] = ()
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.missing = sorted(set(missing))


def rejected(code: str, message: str) -> Outcome:
    return Outcome(ResultStatus.REJECTED, code, message)


def conflict(code: str, message: str) -> Outcome:
    return Outcome(ResultStatus.CONFLICT, code, message)


@dataclass(frozen=True, slots=True)
class Apply:
    session: Session
    device_id: str
    hall_code: str
    now_ms: int
    blob_stored: Callable[[Session, str], bool]


def case_ref(case: Case) -> CaseRef:
    return CaseRef(
        case_id=uuid.UUID(case.id),
        case_no=case.case_no,
        status=CaseStatus(case.status),
        version=case.version,
    )


def _check_blobs(a: Apply, materials: list[MaterialState]) -> None:
    wanted = {ref.sha256 for m in materials for ref in m.blobs}
    if not wanted:
        return
    known = set(a.session.scalars(select(Blob.sha256).where(Blob.sha256.in_(wanted))))
    missing = [sha for sha in wanted if sha not in known or not a.blob_stored(a.session, sha)]
    if missing:
        raise Outcome(
            ResultStatus.MISSING_BLOB,
            "missing_blob",
            f"{len(missing)} referenced blob(s) not uploaded yet",
            missing,
        )


def _check_hall(a: Apply, hall_code: str) -> None:
    if hall_code != a.hall_code:
        raise rejected("wrong_hall", f"this device belongs to hall {a.hall_code}")


def _materials_json(materials: list[MaterialState]) -> list[dict[str, Any]]:
    return [m.model_dump(mode="json") for m in materials]


INTAKE_STATUS = {
    OpKind.CASE_ACCEPT: CaseStatus.RECEIVED,
    OpKind.CASE_DEFER: CaseStatus.RECEIVED,
    OpKind.CASE_NOTICE: CaseStatus.NOTICE_ISSUED,
    OpKind.CASE_REFUSE: CaseStatus.REFUSED,
}
DECISION = {
    OpKind.CASE_ACCEPT: "accept",
    OpKind.CASE_DEFER: "defer",
    OpKind.CASE_NOTICE: "notice",
    OpKind.CASE_REFUSE: "refuse",
}
INTAKE_FIELDS = set(CaseIntake.model_fields)
KEPT_APART = {"payment", "mailing"}  # columns of their own (an accepting decision's)


def _check_commitment(item: CatalogueItem, materials: list[MaterialState]) -> None:
    """告知承诺 only where the published item version offers it, for its flagged materials."""
    committed = [m for m in materials if m.status is MaterialStatus.COMMITMENT]
    if not committed:
        return
    body = json.loads(item.body)
    allowed = {
        m.get("code")
        for m in body.get("materials", [])
        if isinstance(m, dict) and m.get("commitment") is True
    }
    if body.get("notify_commit") is not True:
        allowed = set()
    refused = [m.code or m.name for m in committed if m.code not in allowed]
    if refused:
        raise rejected(
            "commitment_not_allowed",
            f"item {item.code} version {item.version} does not accept a commitment for: "
            + ", ".join(refused),
        )


def _dumped(model: BaseModel | None) -> dict[str, Any] | None:
    return None if model is None else model.model_dump(mode="json", exclude_none=True)


def intake(a: Apply, kind: OpKind, payload: CaseIntake) -> CaseRef:
    """The four counter decisions: create the case, or decide one that had a notice."""
    _check_hall(a, payload.hall_code)
    item = a.session.get(CatalogueItem, (payload.item.code, payload.item.version))
    if item is None:
        raise rejected(
            "unknown_item",
            f"catalogue item {payload.item.code} version {payload.item.version} is not published",
        )
    _check_commitment(item, payload.materials)
    pinned = json.loads(item.body)
    case_id = str(payload.case_id)
    case = a.session.get(Case, case_id)
    holder = a.session.scalar(select(Case.id).where(Case.case_no == payload.case_no))
    if holder is not None and holder != case_id:
        raise conflict(
            "case_number_taken", f"case number {payload.case_no} belongs to another case"
        )
    if case is not None and case.case_no != payload.case_no:
        raise conflict("case_id_mismatch", "this case id was received with another case number")
    if case is not None and case.status != CaseStatus.NOTICE_ISSUED:
        # Only a noticed case is decided again: the applicant came back (with everything, or
        # still short of something: a later notice); anything else decided it for good.
        raise conflict("case_exists", f"case {payload.case_no} was already decided at the counter")
    _check_blobs(a, payload.materials)
    detail = payload.model_dump(mode="json", exclude=INTAKE_FIELDS | KEPT_APART)
    status = INTAKE_STATUS[kind]
    fields: dict[str, Any] = {
        "window_code": payload.window_code,
        "device_id": a.device_id,
        "clerk": payload.clerk,
        "item_code": payload.item.code,
        "item_version": payload.item.version,
        "situation": payload.situation,
        "applicant": payload.applicant.model_dump(mode="json"),
        "materials": _materials_json(payload.materials),
        "counter_decision": DECISION[kind],
        "decision_detail": detail,
        "taken_at_ms": datetime_to_ms(payload.decided_at),
        "department": pinned.get("department_zh"),
        "handling": pinned.get("handling"),
        "status": status.value,
        "deferred_outstanding": kind is OpKind.CASE_DEFER,
        "updated_ms": a.now_ms,
    }
    if isinstance(payload, CaseAcceptV2 | CaseDeferV2):  # version 2: fees and mailing
        fields["payment"] = _dumped(payload.payment)
        fields["mailing"] = _dumped(payload.mailing)
    if case is None:
        case = Case(
            id=case_id,
            case_no=payload.case_no,
            hall_code=payload.hall_code,
            received_ms=a.now_ms,
            version=1,
            counter_visits=1,
            **fields,
        )
        a.session.add(case)
    else:  # a notice was issued before; the applicant came back and the counter decided again
        history = dict(fields["decision_detail"])
        history["earlier"] = {"decision": case.counter_decision, "detail": case.decision_detail}
        fields["decision_detail"] = history
        for name, value in fields.items():
            setattr(case, name, value)
        case.received_ms = a.now_ms
        case.version += 1
        case.counter_visits += 1  # the applicant came back to the counter
    a.session.flush()
    emit_case(a.session, case, a.now_ms)
    return case_ref(case)


def _existing_case(a: Apply, case_id: uuid.UUID, case_no: str) -> Case:
    case = a.session.get(Case, str(case_id))
    if case is None:
        raise rejected("unknown_case", f"case {case_no} is not on the server")
    if case.case_no != case_no:
        raise rejected("case_mismatch", "the case id and the case number do not belong together")
    _check_hall(a, case.hall_code)
    return case


def supplement_received(a: Apply, payload: CaseSupplementReceivedV1) -> CaseRef:
    case = _existing_case(a, payload.case_id, payload.case_no)
    waiting = case.status == CaseStatus.SUPPLEMENT_REQUESTED
    deferred = case.deferred_outstanding and case.status in (
        CaseStatus.RECEIVED,
        CaseStatus.UNDER_REVIEW,
    )
    if not (waiting or deferred):
        raise rejected(
            "invalid_transition", f"case {case.case_no} is {case.status}; no supplement is awaited"
        )
    _check_blobs(a, payload.materials)
    added = [
        {**m, "supplemented_at_ms": datetime_to_ms(payload.received_at), "clerk": payload.clerk}
        for m in _materials_json(payload.materials)
    ]
    case.materials = [*case.materials, *added]
    if waiting:
        case.status = CaseStatus.RECEIVED.value
    case.deferred_outstanding = False
    case.version += 1
    case.updated_ms = a.now_ms
    a.session.flush()
    emit_case(a.session, case, a.now_ms)
    return case_ref(case)


def handover(a: Apply, payload: HandoverRecordV1) -> CaseRef:
    case = _existing_case(a, payload.case_id, payload.case_no)
    if case.status not in (CaseStatus.APPROVED, CaseStatus.REJECTED):
        raise rejected(
            "invalid_transition", f"case {case.case_no} is {case.status}; nothing to hand over"
        )
    case.handover = payload.model_dump(mode="json", exclude={"case_id", "case_no", "payment"})
    if isinstance(payload, HandoverRecordV2) and payload.payment is not None:
        case.payment = _dumped(payload.payment)  # paid at pickup: the payment as it now stands
    case.status = CaseStatus.DELIVERED.value
    case.handover_method = payload.method.value
    case.version += 1
    case.updated_ms = a.now_ms
    a.session.flush()
    emit_case(a.session, case, a.now_ms)
    return case_ref(case)


def assist(a: Apply, payload: CaseAssistV1) -> CaseRef:
    """帮办代办 kept with the case; the case's status and version stay as they are."""
    _check_hall(a, payload.hall_code)
    case = _existing_case(a, payload.case_id, payload.case_no)
    if a.session.get(CaseAssistance, str(payload.assist_id)) is not None:
        raise conflict("assist_exists", "this assistance id was already sent by another operation")
    a.session.add(
        CaseAssistance(
            id=str(payload.assist_id),
            case_id=case.id,
            hall_code=case.hall_code,
            helper=payload.helper,
            helper_name=payload.helper_name,
            kinds=[k.value for k in payload.kinds],
            assisted_at_ms=datetime_to_ms(payload.assisted_at),
            minutes=payload.minutes,
            authorisation=None
            if payload.authorisation is None
            else payload.authorisation.model_dump(mode="json", exclude_none=True),
            received_ms=a.now_ms,
        )
    )
    a.session.flush()
    return case_ref(case)


def rating(a: Apply, payload: RatingSubmitV1) -> None:
    """Version 1 carries levels only; version 2 adds the item, department, a bad rating's
    reasons and words and its follow-up deadline."""
    _check_hall(a, payload.hall_code)
    if a.session.get(Rating, str(payload.rating_id)) is not None:
        raise conflict("rating_exists", "this rating id was already submitted by another operation")
    indicators = payload.indicators.model_dump(mode="json", exclude_none=True)
    v2 = payload if isinstance(payload, RatingSubmitV2) else None
    a.session.add(
        Rating(
            id=str(payload.rating_id),
            hall_code=payload.hall_code,
            case_no=payload.case_no,
            window_code=payload.window_code,
            clerk=payload.clerk,
            channel=payload.channel.value,
            level=payload.level,
            indicators=indicators,
            comment=payload.comment,
            rated_at_ms=datetime_to_ms(payload.rated_at),
            received_ms=a.now_ms,
            worst=min([payload.level, *indicators.values()]),
            item_code=v2.item_code if v2 else None,
            department=v2.department if v2 else None,
            reason_text=v2.reason_text if v2 else None,
            follow_up_due=v2.follow_up_due if v2 else None,
        )
    )
    a.session.flush()
    for reason in v2.reasons if v2 else ():
        a.session.add(RatingReason(rating_id=str(payload.rating_id), reason=reason.value))
    a.session.flush()


def follow_up(a: Apply, payload: RatingFollowUpV1) -> None:
    _check_hall(a, payload.hall_code)
    rating_id = str(payload.rating_id)
    found = a.session.get(Rating, rating_id)
    if found is None or found.hall_code != payload.hall_code:
        raise rejected("unknown_rating", "no rating with this id for this hall")
    if found.worst > 2:
        raise rejected("invalid_transition", "only a rating of 2 or 1 is followed up")
    if a.session.get(RatingFollowUp, rating_id) is not None:
        raise conflict("follow_up_exists", "this rating was already followed up")
    a.session.add(
        RatingFollowUp(
            rating_id=rating_id,
            action=payload.action.value,
            note=payload.note,
            closed_by=payload.closed_by,
            closed_at_ms=datetime_to_ms(payload.closed_at),
            received_ms=a.now_ms,
        )
    )
    a.session.flush()


def apply(a: Apply, kind: OpKind, payload: BaseModel) -> CaseRef | None:
    if isinstance(payload, CaseAcceptV1 | CaseDeferV1 | CaseNoticeV1 | CaseRefuseV1):
        return intake(a, kind, payload)
    if isinstance(payload, CaseSupplementReceivedV1):
        return supplement_received(a, payload)
    if isinstance(payload, HandoverRecordV1):
        return handover(a, payload)
    if isinstance(payload, RatingSubmitV1):
        rating(a, payload)
        return None
    if isinstance(payload, RatingFollowUpV1):
        follow_up(a, payload)
        return None
    if isinstance(payload, CaseAssistV1):
        return assist(a, payload)
    raise AssertionError(f"no handler for {type(payload).__name__}")
