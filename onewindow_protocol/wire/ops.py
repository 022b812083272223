"""Operations the counter pushes, their versioned payloads, and the per-operation results.

An operation's envelope (id, kind, schema version, device sequence) is checked with the batch;
its payload is checked on its own, so one malformed payload is answered ``rejected`` with the
code ``invalid_payload`` and blocks nothing else. Payload schemas are versioned: the envelope's
``schema_version`` names the model in :data:`PAYLOADS`.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, Field, StringConstraints, model_validator

from onewindow_protocol.wire.appointments import (
    AppointmentCancelV1,
    AppointmentCheckInV1,
    AppointmentNoShowV1,
)
from onewindow_protocol.wire.common import (
    CaseNo,
    CaseStatus,
    HallCode,
    ItemCode,
    LongText,
    Reply,
    Request,
    Sha256,
    ShortText,
    Username,
    WindowCode,
)
from onewindow_protocol.wire.notifications import NotifyCaseOptInV1, NotifyTurnNearV1

MAX_INT = 2**31 - 1  # the databases' INTEGER
MAX_BIG = 2**62  # well inside BIGINT


class OpKind(enum.StrEnum):
    CASE_ACCEPT = "case.accept"
    CASE_NOTICE = "case.notice"
    CASE_DEFER = "case.defer"
    CASE_REFUSE = "case.refuse"
    CASE_SUPPLEMENT_RECEIVED = "case.supplement_received"
    RATING_SUBMIT = "rating.submit"
    RATING_FOLLOW_UP = "rating.follow_up"
    HANDOVER_RECORD = "handover.record"
    CASE_ASSIST = "case.assist"
    APPOINTMENT_CHECK_IN = "appointment.check_in"
    APPOINTMENT_NO_SHOW = "appointment.no_show"
    APPOINTMENT_CANCEL = "appointment.cancel"
    NOTIFY_CASE_OPT_IN = "notify.case_opt_in"
    NOTIFY_TURN_NEAR = "notify.turn_near"


class ApplicantKind(enum.StrEnum):
    NATURAL_PERSON = "natural_person"
    LEGAL_PERSON = "legal_person"


class IdType(enum.StrEnum):
    RESIDENT_ID = "resident_id"
    USCC = "uscc"  # unified social credit code
    RESIDENCE_PERMIT = "residence_permit"
    PASSPORT = "passport"
    OTHER = "other"


class Applicant(Request):
    """Personal data: stored, shown masked where not needed, never logged."""

    kind: ApplicantKind
    name: ShortText
    id_type: IdType
    id_number: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    phone: Annotated[str, StringConstraints(max_length=40)] | None = None
    legal_representative: ShortText | None = None
    contact: ShortText | None = None


class BlobRef(Request):
    """A scan in the blob store. Two slots may share one sha256; each keeps its own ref."""

    sha256: Sha256
    size: int = Field(ge=0, le=MAX_BIG)
    media_type: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    label: ShortText | None = None


class MaterialStatus(enum.StrEnum):
    RECEIVED = "received"
    MISSING = "missing"
    DEFECTIVE = "defective"
    DEFERRED = "deferred"  # 容缺: to be supplied later
    E_LICENCE = "e_licence"  # satisfied by an electronic licence (免提交)
    COMMITMENT = "commitment"  # 告知承诺: a signed commitment instead of the proof
    NOT_APPLICABLE = "not_applicable"


class MaterialState(Request):
    code: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    name: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    status: MaterialStatus
    copies: int | None = Field(default=None, ge=0, le=1000)
    note: LongText | None = None
    blobs: list[BlobRef] = Field(default_factory=list, max_length=200)


class ItemRef(Request):
    code: ItemCode
    version: int = Field(ge=1, le=MAX_INT)


class CaseIntake(Request):
    """What the counter knows of a case at its decision; common to the four counter decisions."""

    case_id: uuid.UUID
    case_no: CaseNo
    hall_code: HallCode
    window_code: WindowCode
    item: ItemRef = Field(description="The catalogue item and the version the case is pinned to.")
    situation: ShortText | None = None
    applicant: Applicant
    materials: list[MaterialState] = Field(max_length=500)
    clerk: Username
    decided_at: AwareDatetime = Field(description="The counter's clock; informational only.")


class Commitment(Request):
    """告知承诺 (国办发〔2020〕42号): the applicant signed the commitment letter for the
    materials in status ``commitment``; the case is checked afterwards (事中事后核查)."""

    signed: Literal[True]
    post_check_days: int = Field(
        ge=1, le=3650, description="The period, in working days from acceptance."
    )
    post_check_date: dt.date | None = Field(
        default=None,
        description="Its last day on the hall calendar; absent while the hall lacks that "
        "year's calendar (the date is never guessed).",
    )


# Money as yuan with exactly two decimals, as text: never a binary float on the wire.
Yuan = Annotated[str, StringConstraints(pattern=r"^(0|[1-9][0-9]{0,9})\.[0-9]{2}$")]


class PaymentStatus(enum.StrEnum):
    PAID = "paid"
    PENDING = "pending"  # 待缴: paid when the result is collected
    WAIVED = "waived"  # 免缴, with the reason


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    NONTAX = "nontax"  # the province's 非税收入缴款码


class FeeLine(Request):
    name: ShortText
    amount: Yuan | None = Field(default=None, description="Absent: set per case.")
    basis: LongText | None = Field(default=None, description="收费依据, as the catalogue says.")


class Payment(Request):
    """The item's fees and what the counter recorded of their payment."""

    status: PaymentStatus
    method: PaymentMethod | None = Field(default=None, description="Present when paid.")
    due: Yuan
    paid: Yuan
    reference: Annotated[str, StringConstraints(pattern=r"^[0-9]{20}$")] | None = Field(
        default=None, description="The 20-digit 非税收入缴款码, for method nontax."
    )
    waiver_reason: ShortText | None = None
    lines: list[FeeLine] = Field(min_length=1, max_length=50)

    @model_validator(mode="after")
    def _consistent(self) -> Payment:
        paid = self.status is PaymentStatus.PAID
        if paid != (self.method is not None):
            raise ValueError("a method is given exactly when the status is paid")
        if (self.reference is not None) != (self.method is PaymentMethod.NONTAX):
            raise ValueError("a reference is given exactly for method nontax")
        if (self.waiver_reason is not None) != (self.status is PaymentStatus.WAIVED):
            raise ValueError("a waiver reason is given exactly for status waived")
        return self


class Mailing(Request):
    """邮寄送达: where the result is to be mailed. The phone is personal data."""

    recipient: ShortText
    phone: Annotated[str, StringConstraints(pattern=r"^1[3-9][0-9]{9}$")]
    province: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    city: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    district: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    address: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    postal_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] | None = None


class _Committing(CaseIntake):
    """An accepting decision: a material in status ``commitment`` needs the signed commitment,
    and a commitment needs such a material."""

    commitment: Commitment | None = None

    @model_validator(mode="after")
    def _commitment_matches_materials(self) -> _Committing:
        committed = any(m.status is MaterialStatus.COMMITMENT for m in self.materials)
        if committed and self.commitment is None:
            raise ValueError("materials in status commitment need the signed commitment")
        if self.commitment is not None and not committed:
            raise ValueError("a commitment needs a material in status commitment")
        return self


class CaseAcceptV1(_Committing):
    """受理: complete and in legal form (or stood in for by a signed commitment)."""

    receipt_no: ShortText | None = None
    promised_date: dt.date | None = None


class NoticeLine(Request):
    material: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    requirement: LongText


class CaseNoticeV1(CaseIntake):
    """一次性告知: every missing or defective material in one notice; nothing accepted."""

    notice_no: ShortText | None = None
    lines: list[NoticeLine] = Field(min_length=1, max_length=200)


class DeferredMaterial(Request):
    material: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    how: LongText | None = None
    due_date: dt.date


class CaseDeferV1(_Committing):
    """容缺受理: accepted; the listed materials follow by their due dates."""

    receipt_no: ShortText | None = None
    promised_date: dt.date | None = None
    deferred: list[DeferredMaterial] = Field(min_length=1, max_length=100)
    commitment_signed: Literal[True]


class _FeesAndMailing(Request):
    """What version 2 of an accepting decision adds: the fees and the address to mail to."""

    payment: Payment | None = Field(
        default=None, description="Only a fee item's case: paid, waived or pending (待缴)."
    )
    mailing: Mailing | None = Field(
        default=None, description="Only when the applicant chose 邮寄送达."
    )


class CaseAcceptV2(CaseAcceptV1, _FeesAndMailing):
    """受理 with the item's fees and their payment, and the mailing address if chosen."""


class CaseDeferV2(CaseDeferV1, _FeesAndMailing):
    """容缺受理 with the item's fees and their payment, and the mailing address if chosen."""


class CaseRefuseV1(CaseIntake):
    """不予受理: outside the remit or no licence needed."""

    reason: LongText
    competent_agency: ShortText | None = None


class CaseSupplementReceivedV1(Request):
    """Materials brought after a supplement request or a deferral."""

    case_id: uuid.UUID
    case_no: CaseNo
    materials: list[MaterialState] = Field(min_length=1, max_length=500)
    clerk: Username
    received_at: AwareDatetime


class RatingChannel(enum.StrEnum):
    WINDOW_PAD = "window_pad"
    QR = "qr"
    KIOSK = "kiosk"


class Indicators(Request):
    overall: int | None = Field(default=None, ge=1, le=5)
    efficiency: int | None = Field(default=None, ge=1, le=5)
    competence: int | None = Field(default=None, ge=1, le=5)
    attitude: int | None = Field(default=None, ge=1, le=5)


class RatingSubmitV1(Request):
    """好差评: one rating per on-site service, level 5 (very satisfied) … 1."""

    rating_id: uuid.UUID
    hall_code: HallCode
    window_code: WindowCode
    case_no: CaseNo | None = None
    clerk: Username
    channel: RatingChannel
    level: int = Field(ge=1, le=5)
    indicators: Indicators = Field(default_factory=Indicators)
    comment: LongText | None = None
    rated_at: AwareDatetime


class BadReason(enum.StrEnum):
    """Why a service was rated 2 or 1 (差评原因), as the applicant ticked it."""

    LONG_WAIT = "long_wait"  # 等候时间长
    SLOW_HANDLING = "slow_handling"  # 办理时间长
    ATTITUDE = "attitude"  # 服务态度不好
    NOT_TOLD_ONCE = "not_told_once"  # 一次性告知不清
    TOO_MANY_MATERIALS = "too_many_materials"  # 材料要求多
    REPEAT_VISITS = "repeat_visits"  # 多次跑动
    SYSTEM_FAULT = "system_fault"  # 系统故障
    OTHER = "other"  # 其他


class RatingSubmitV2(RatingSubmitV1):
    """好差评 with what the server groups and follows up by: the case's item and department,
    and for a rating of 2 or 1 on any indicator its reasons, the applicant's words (phone and ID
    numbers masked by the counter) and the follow-up deadline (left out while the hall calendar
    cannot date it)."""

    item_code: ItemCode | None = None
    department: ShortText | None = None
    reasons: list[BadReason] = Field(default_factory=list, max_length=len(BadReason))
    reason_text: Annotated[str, StringConstraints(min_length=1, max_length=400)] | None = None
    follow_up_due: dt.date | None = None

    def worst(self) -> int:
        given = [int(v) for v in self.indicators.model_dump().values() if v is not None]
        return min([self.level, *given])

    @model_validator(mode="after")
    def _reasons_only_when_bad(self) -> RatingSubmitV2:
        if len(set(self.reasons)) != len(self.reasons):
            raise ValueError("reasons: each reason once")
        if self.worst() > 2 and (self.reasons or self.reason_text or self.follow_up_due):
            raise ValueError(
                "reasons, reason_text and follow_up_due go only with a level of 2 or 1"
            )
        return self


class FollowUpAction(enum.StrEnum):
    REVISIT = "revisit"  # 回访
    RECTIFY = "rectify"  # 整改
    APPEAL = "appeal"  # 申诉复核


class RatingFollowUpV1(Request):
    """The supervisor's follow-up of a bad rating (2 or 1), closed with what was done."""

    rating_id: uuid.UUID
    hall_code: HallCode
    action: FollowUpAction
    note: LongText | None = None
    closed_by: Username
    closed_at: AwareDatetime


class HandoverMethod(enum.StrEnum):
    PICKUP = "pickup"
    MAIL = "mail"


class HandoverRecordV1(Request):
    """出件: the result handed over at the pickup window or mailed."""

    case_id: uuid.UUID
    case_no: CaseNo
    method: HandoverMethod
    recipient_name: ShortText
    recipient_id_number: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = (
        None
    )
    courier: ShortText | None = None
    tracking_no: ShortText | None = None
    clerk: Username
    handed_at: AwareDatetime


class AssistKind(enum.StrEnum):
    FORM_FILLING = "form_filling"  # 帮办: the application form filled in with the applicant
    MATERIALS = "materials"  # 帮办: the materials prepared with them
    SELF_SERVICE = "self_service"  # 帮办: guided at the self-service terminal
    PROXY = "proxy"  # 代办: the whole procedure on their behalf, under a written authorisation


class ProxyAuthorisation(Request):
    """代办's written authorisation: seen at the counter, or a reference to its material or
    scan; at least one of the two."""

    letter_seen: bool = False
    reference: ShortText | None = None

    @model_validator(mode="after")
    def _one_of_them(self) -> ProxyAuthorisation:
        if not self.letter_seen and self.reference is None:
            raise ValueError("the letter seen, or a reference to it")
        return self


class CaseAssistV1(Request):
    """帮办代办: a helper's assistance given on a case (no status change)."""

    assist_id: uuid.UUID
    case_id: uuid.UUID
    case_no: CaseNo
    hall_code: HallCode
    helper: Username
    helper_name: ShortText
    kinds: list[AssistKind] = Field(min_length=1, max_length=len(AssistKind))
    assisted_at: AwareDatetime
    minutes: int | None = Field(default=None, ge=1, le=600)
    authorisation: ProxyAuthorisation | None = Field(
        default=None, description="Present exactly when kinds holds proxy (代办)."
    )

    @model_validator(mode="after")
    def _proxy_authorised(self) -> CaseAssistV1:
        if len(set(self.kinds)) != len(self.kinds):
            raise ValueError("a kind is named twice")
        if (AssistKind.PROXY in self.kinds) != (self.authorisation is not None):
            raise ValueError("authorisation goes with proxy, and only with it")
        return self


class HandoverRecordV2(HandoverRecordV1):
    """出件 with the fees paid at the pickup window, for a case accepted with pay later (待缴)."""

    payment: Payment | None = Field(
        default=None, description="The case's fees as they now stand (paid or waived)."
    )


PAYLOADS: dict[tuple[OpKind, int], type[BaseModel]] = {
    (OpKind.CASE_ACCEPT, 1): CaseAcceptV1,
    (OpKind.CASE_ACCEPT, 2): CaseAcceptV2,
    (OpKind.CASE_NOTICE, 1): CaseNoticeV1,
    (OpKind.CASE_DEFER, 1): CaseDeferV1,
    (OpKind.CASE_DEFER, 2): CaseDeferV2,
    (OpKind.CASE_REFUSE, 1): CaseRefuseV1,
    (OpKind.CASE_SUPPLEMENT_RECEIVED, 1): CaseSupplementReceivedV1,
    (OpKind.RATING_SUBMIT, 1): RatingSubmitV1,
    (OpKind.RATING_SUBMIT, 2): RatingSubmitV2,
    (OpKind.RATING_FOLLOW_UP, 1): RatingFollowUpV1,
    (OpKind.HANDOVER_RECORD, 1): HandoverRecordV1,
    (OpKind.CASE_ASSIST, 1): CaseAssistV1,
    (OpKind.APPOINTMENT_CHECK_IN, 1): AppointmentCheckInV1,
    (OpKind.APPOINTMENT_NO_SHOW, 1): AppointmentNoShowV1,
    (OpKind.APPOINTMENT_CANCEL, 1): AppointmentCancelV1,
    (OpKind.HANDOVER_RECORD, 2): HandoverRecordV2,
    (OpKind.NOTIFY_CASE_OPT_IN, 1): NotifyCaseOptInV1,
    (OpKind.NOTIFY_TURN_NEAR, 1): NotifyTurnNearV1,
}


class OperationIn(Request):
    unchecked_fields: ClassVar[frozenset[str]] = frozenset({"payload"})

    op_id: uuid.UUID = Field(description="The idempotency key, made by the client.")
    device_seq: int = Field(
        ge=1, le=MAX_BIG, description="Per-device monotonic sequence, from the outbox."
    )
    kind: OpKind
    schema_version: int = Field(default=1, ge=1, le=1000)
    created_at: AwareDatetime = Field(description="The device's clock; informational only.")
    payload: dict[str, Any] = Field(
        description="The model PAYLOADS[(kind, schema_version)], e.g. CaseAcceptV1; checked per "
        "operation (an invalid one is answered rejected/invalid_payload)."
    )


class OperationBatch(Request):
    unchecked_fields: ClassVar[frozenset[str]] = frozenset({"operations"})  # each checks itself

    operations: list[OperationIn] = Field(
        min_length=1, description="At most max_batch (50); more is answered 413."
    )


class ResultStatus(enum.StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    MISSING_BLOB = "missing_blob"
    REJECTED = "rejected"


class CaseRef(Reply):
    case_id: uuid.UUID
    case_no: str
    status: CaseStatus
    version: int


class OperationResult(Reply):
    op_id: uuid.UUID
    status: ResultStatus
    code: str | None = Field(
        default=None, description="Why, for conflict and rejected (see docs/sync-protocol.md)."
    )
    message: str | None = None
    original_status: ResultStatus | None = Field(
        default=None, description="For duplicate: the status of the first answer (applied)."
    )
    applied_at: dt.datetime | None = None
    missing_blobs: list[str] = Field(default_factory=list)
    case: CaseRef | None = None


class BatchResult(Reply):
    results: list[OperationResult]
    server_time: dt.datetime
