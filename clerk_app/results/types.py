"""What the pickup window shows and what a handover needs, as plain values and refusal codes."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from clerk_app.intake.fees import PaymentInput
from clerk_app.intake.types import CaseState, MailingView

# Decisions waiting at the pickup window (统一窗口出件).
PICKUP_STATES = (CaseState.APPROVED, CaseState.REJECTED, CaseState.SUPPLEMENT_REQUESTED)

# The central server's case statuses (sync-protocol.md) and the local state each one sets.
# ``received`` and ``under_review`` only move the server version: the counter state stays.
SERVER_STATE = {
    "notice_issued": CaseState.NOTICE_ISSUED,
    "supplement_requested": CaseState.SUPPLEMENT_REQUESTED,
    "approved": CaseState.APPROVED,
    "rejected": CaseState.REJECTED,
    "refused": CaseState.REFUSED,
    "delivered": CaseState.HANDED_OVER,
}


class HandoverMethod(enum.StrEnum):
    PICKUP = "pickup"  # 窗口领取
    MAIL = "mail"  # 邮寄 (courier and tracking number)


class ResultRefusal(enum.StrEnum):
    UNKNOWN_CASE = "unknown_case"
    NOT_DECIDED = "not_decided"  # nothing to hand over yet (or a supplement is asked for)
    NO_CERTIFICATE_NUMBER = "no_certificate_number"  # the server has not numbered it
    ALREADY_HANDED_OVER = "already_handed_over"
    DEFERRED_OUTSTANDING = "deferred_outstanding"  # a deferred material has not arrived
    WRONG_PERSON = "wrong_person"  # neither the applicant nor an authorised agent
    INVALID_ID = "invalid_id"
    MISSING_COURIER = "missing_courier"
    INVALID_TRACKING = "invalid_tracking"  # not a tracking number of that courier
    FEES_UNPAID = "fees_unpaid"  # paid later (待缴) and not paid now: the result stays
    UNKNOWN_MATERIAL = "unknown_material"
    NOT_PRINTED = "not_printed"  # a reprint of a paper never printed
    NOT_HANDED_OVER = "not_handed_over"  # no handover record to print yet


class ResultRefused(Exception):  # noqa: N818 - an expected outcome with its code
    def __init__(self, code: ResultRefusal, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code.value}: {detail}" if detail else code.value)


@dataclass(frozen=True, slots=True)
class ServerStatus:
    """One ``case.status`` change as sync reads it off the changes feed."""

    server_seq: int
    version: int
    status: str
    at_ms: int
    certificate_number: str | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)  # certificate / reason / supplement


@dataclass(frozen=True, slots=True)
class PickupEntry:
    case_id: int
    case_number: str
    state: CaseState
    item_name_zh: str
    item_name_en: str
    applicant_name: str
    applicant_id_masked: str
    promised_due: dt.date | None
    decided_ms: int
    waiting_days: int  # calendar days since the server decided
    certificate_number: str | None
    deferred_outstanding: int
    visits: int
    mailing: MailingView | None = None  # 邮寄送达 chosen at intake
    fees_pending_fen: int | None = None  # 待缴: the fees to take before handing over


@dataclass(frozen=True, slots=True)
class Recipient:
    """Who collects: the applicant, the agent of the case, or an agent authorised now."""

    name: str
    id_number: str = field(repr=False)
    authorisation: str = ""  # an agent not on the case shows a letter: its reference


@dataclass(frozen=True, slots=True)
class HandoverRequest:
    case_id: int
    method: HandoverMethod
    recipient: Recipient | None = None  # pickup
    mail_to: str = ""  # mail: the addressee as written on the parcel
    courier: str = ""  # a Courier code (clerk_app.results.couriers), or a name as typed
    tracking_no: str = ""
    payment: PaymentInput | None = None  # the fees left to pay at pickup (待缴), paid now


@dataclass(frozen=True, slots=True)
class HandoverResult:
    case_id: int
    case_number: str
    certificate_number: str
    method: HandoverMethod
    recipient_name: str
    recipient_id_masked: str | None
    on_behalf: bool
    handed_ms: int

    @property
    def mailed(self) -> bool:
        """The handover is 'mailed': the result left with a courier."""
        return self.method is HandoverMethod.MAIL
