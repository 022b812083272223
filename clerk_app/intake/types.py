"""What the counter hands the intake service, and what it gets back."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clerk_app.credit.types import CreditCheck
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.fees import PaymentInput
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.rules import Assessment, Decision, Refusal
from clerk_app.validation import Invalid, SupervisorOverride


class ApplicantKind(enum.StrEnum):
    PERSON = "person"
    COMPANY = "company"


class IdType(enum.StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证 (GB 11643), including the permits it covers
    CREDIT_CODE = "credit_code"  # 统一社会信用代码 (GB 32100)
    PASSPORT = "passport"  # checked for shape only: no checksum exists


class CaseState(enum.StrEnum):
    NOTICE_ISSUED = "notice_issued"  # waiting for the applicant to come back
    ACCEPTED = "accepted"
    ACCEPTED_DEFERRED = "accepted_deferred"  # accepted; deferred materials still to come
    REFUSED = "refused"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    HANDED_OVER = "handed_over"


DECISION_STATE = {
    Decision.ACCEPT: CaseState.ACCEPTED,
    Decision.ONE_TIME_NOTICE: CaseState.NOTICE_ISSUED,
    Decision.DEFERRAL: CaseState.ACCEPTED_DEFERRED,
    Decision.REFUSE: CaseState.REFUSED,
}
# A case continues at the counter only while the applicant still owes something.
CONTINUABLE = frozenset({CaseState.NOTICE_ISSUED, CaseState.SUPPLEMENT_REQUESTED})


@dataclass(frozen=True, slots=True)
class ApplicantInput:
    kind: ApplicantKind
    name: str
    id_type: IdType
    id_value: str
    phone: str | None = None
    address: str | None = None
    override: SupervisorOverride | None = None  # a real code that fails its check
    # A company's 法定代表人 and its 联系人 for this application (``phone`` is the contact's).
    legal_representative: str | None = None
    contact: str | None = None


@dataclass(frozen=True, slots=True)
class AgentInput:
    name: str
    id_value: str  # a resident ID
    authorisation: str  # what the authorisation letter says / its reference


@dataclass(frozen=True, slots=True)
class PageRef:
    """A scanned page already in the blob store (the scan checks have passed)."""

    sha256: str
    mime: str
    width: int
    height: int
    size_bytes: int
    dpi: int | None = None
    thumb_sha256: str | None = None
    material_code: str | None = None


@dataclass(frozen=True, slots=True)
class CaseDraft:
    """Everything on the clerk's screen for one visit."""

    applicant: ApplicantInput
    item_code: str
    situation_code: str
    records: Mapping[str, MaterialRecord] = field(default_factory=dict)
    pages: tuple[PageRef, ...] = ()
    agent: AgentInput | None = None
    refusal: Refusal | None = None
    applicant_bad_credit: bool = False
    # 信用核查: the check made at intake (None: not made on this path, e.g. a passport), and a
    # supervisor's go-ahead while it is unknown (field ``credit_status``)
    credit: CreditCheck | None = None
    credit_override: SupervisorOverride | None = None
    continuing: str | None = None  # the case number this visit continues
    ticket_id: int | None = None
    # Photo checks made in this visit before its case had a number: saved with the case.
    photo_checks: tuple[int, ...] = ()
    # An item with fees: what was paid, waived or left to pay at pickup (needed to accept).
    payment: PaymentInput | None = None
    mailing: MailingInput | None = None  # 邮寄送达 chosen; None: collected at the window


class IntakeRefusal(enum.StrEnum):
    INVALID_APPLICANT = "invalid_applicant"
    INVALID_AGENT = "invalid_agent"
    UNKNOWN_ITEM = "unknown_item"
    UNKNOWN_SITUATION = "unknown_situation"
    ITEM_SUSPENDED = "item_suspended"
    UNKNOWN_MATERIAL = "unknown_material"
    DECISION_NOT_ALLOWED = "decision_not_allowed"
    UNKNOWN_CASE = "unknown_case"
    CASE_CLOSED = "case_closed"  # the case cannot take another visit
    OTHER_ITEM = "other_item"  # the continuing case is for another item or applicant
    DISK_FULL = "disk_full"  # the database's disk is full: nothing of the visit was saved
    INVALID_PAYMENT = "invalid_payment"  # an item with fees: no payment, or a wrong one
    INVALID_MAILING = "invalid_mailing"  # mailing chosen with an address that cannot be used


class IntakeRefused(Exception):  # noqa: N818 - an expected outcome with its code
    def __init__(
        self,
        code: IntakeRefusal,
        detail: str = "",
        *,
        field_name: str | None = None,
        invalid: Invalid[Any] | None = None,
        assessment: Assessment | None = None,
    ) -> None:
        self.code = code
        self.detail = detail
        self.field_name = field_name
        self.invalid = invalid
        self.assessment = assessment
        super().__init__(f"{code.value}: {detail}" if detail else code.value)


@dataclass(frozen=True, slots=True)
class DecisionResult:
    case_id: int
    case_uuid: str
    case_number: str
    decision: Decision
    state: CaseState
    visit: int
    promised_due: dt.date | None
    assessment: Assessment
    at_ms: int
    paper_number: str = ""  # the decision paper's document number (文书编号), as stored


@dataclass(frozen=True, slots=True)
class CaseSummary:
    case_id: int
    case_number: str
    state: CaseState
    item_code: str
    item_name_zh: str
    item_name_en: str
    applicant_name: str
    applicant_id_masked: str
    visits: int
    promised_due: dt.date | None
    created_ms: int
    updated_ms: int
    promised_days: int | None = None  # the promise in working days, once accepted
    due_waits_year: int | None = None  # promised_due waits for this year's holiday calendar


@dataclass(frozen=True, slots=True)
class DecisionView:
    visit: int
    decision: Decision
    at_ms: int
    user_id: int | None
    checklist: str  # JSON, as stored
    paper_number: str = ""  # the visit's paper's document number; "" before revision 0017
    commitment_number: str = ""  # its 告知承诺书's, when the visit took a commitment


class PhotoCheckResult(enum.StrEnum):
    """The clerk's verdict on the card photo beside the person (人证核验), by eye."""

    CONFIRMED = "confirmed"  # the person is the card's holder
    REFUSED = "refused"  # the person does not match the card photo
    NOT_POSSIBLE = "not_possible"  # no card photo, no camera, or no fair view of the person


@dataclass(frozen=True, slots=True)
class PhotoCheckView:
    """A photo check as the case shows it (nothing of the photos themselves)."""

    check_id: int
    result: PhotoCheckResult
    at_ms: int
    user_name: str
    card_kind: str  # clerk_app.devices.idcard.card.CardKind's value
    id_masked: str
    card_photo_shown: bool
    camera_compared: bool  # a camera picture was beside the card photo
    photo_kept: bool  # [idcard] keep_photo was on: the card photo is sealed with the case


class AssistanceKind(enum.StrEnum):
    """帮办代办: what a helper (帮办代办员) did; several in one sitting."""

    FORM_FILLING = "form_filling"  # 帮办: filled in the application form with the applicant
    MATERIALS = "materials"  # 帮办: prepared the materials with them
    SELF_SERVICE = "self_service"  # 帮办: showed them the self-service terminal
    PROXY = "proxy"  # 代办: handles the whole procedure for them, under a written authorisation


@dataclass(frozen=True, slots=True)
class AssistanceView:
    """A helper's record as the case and the helper's screen show it."""

    assist_uuid: str
    helper_name: str
    kinds: tuple[AssistanceKind, ...]
    started_ms: int
    finished_ms: int
    minutes: int | None
    authorisation_seen: bool
    authorisation_ref: str | None
    case_number: str | None  # None: waiting with its ticket for the visit's decision
    ticket_number: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class CaseDetail:
    summary: CaseSummary
    case_uuid: str
    applicant_kind: ApplicantKind
    applicant_phone_masked: str | None
    window_number: int
    situation_code: str | None
    catalogue_version_id: int
    records: Mapping[str, MaterialRecord]
    pages: tuple[PageRef, ...]
    decisions: tuple[DecisionView, ...]
    legal_representative: str | None = None
    contact: str | None = None
    agent_name: str | None = None
    agent_id_masked: str | None = None
    application_date: dt.date | None = None  # the first visit's day in the hall's time zone
    # 告知承诺: the post-check period and date (None: no commitment, or the date waits for
    # the calendar of its year)
    post_check_days: int | None = None
    post_check_due: dt.date | None = None
    photo_checks: tuple[PhotoCheckView, ...] = ()  # oldest first
    assistance: tuple[AssistanceView, ...] = ()  # 帮办代办, oldest first
    payment: PaymentView | None = None  # an item with fees
    mailing: MailingView | None = None  # 邮寄送达 chosen


@dataclass(frozen=True, slots=True)
class PaymentView:
    status: str  # PaymentStatus: paid | pending | waived
    method: str | None  # cash | nontax, when paid
    due_fen: int
    paid_fen: int
    reference: str | None
    waiver_reason: str | None
    fees: tuple[tuple[str, int | None, str | None], ...]  # name, amount in fen, basis
    paid_ms: int | None


@dataclass(frozen=True, slots=True)
class MailingView:
    recipient: str
    phone_masked: str
    province: str
    city: str
    district: str
    address: str
    postal_code: str | None
