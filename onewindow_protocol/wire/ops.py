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


PAYLOADS: dict[tuple[OpKind, int], type[BaseModel]] = {
    (OpKind.CASE_ACCEPT, 1): CaseAcceptV1,
    (OpKind.CASE_NOTICE, 1): CaseNoticeV1,
    (OpKind.CASE_DEFER, 1): CaseDeferV1,
    (OpKind.CASE_REFUSE, 1): CaseRefuseV1,
    (OpKind.CASE_SUPPLEMENT_RECEIVED, 1): CaseSupplementReceivedV1,
    (OpKind.RATING_SUBMIT, 1): RatingSubmitV1,
    (OpKind.RATING_FOLLOW_UP, 1): RatingFollowUpV1,
    (OpKind.HANDOVER_RECORD, 1): HandoverRecordV1,
    (OpKind.CASE_ASSIST, 1): CaseAssistV1,
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
