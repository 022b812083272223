"""Text-message notifications (短信提醒): what the counter asks the server to send, and the
delivery statuses it reads back (docs/sync-protocol.md, "Notifications").

The applicant's mobile number is personal data: it travels only inside an operation's payload
(over TLS), is stored encrypted on both sides and is never logged. A status carries no phone.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from onewindow_protocol.wire.common import CaseNo, HallCode, Reply, Request

# A mainland mobile number: 11 digits, 1 then 3–9 (no +86, no spaces: the counter normalises).
MOBILE_PATTERN = r"^1[3-9][0-9]{9}$"
Mobile = Annotated[str, StringConstraints(pattern=MOBILE_PATTERN)]
TicketNo = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,12}$")]
MAX_STATUS_REFS = 200
MAX_REPORTS = 500


class Template(enum.StrEnum):
    TURN_NEAR = "turn_near"  # 您的排队号…前面还有N人
    RESULT_READY = "result_ready"  # 您的办件…已办结
    SUPPLEMENT_REQUESTED = "supplement_requested"  # 您的办件需补正材料


class MessageStatus(enum.StrEnum):
    QUEUED = "queued"  # waiting for the gateway (also between retries)
    SENT = "sent"  # the gateway took it
    DELIVERED = "delivered"  # the gateway reported delivery to the phone
    FAILED = "failed"  # refused, or every attempt failed


class NotifyCaseOptInV1(Request):
    """The applicant ticked 短信通知 at intake: the server texts them when the case is approved
    (result ready) or a supplement is requested. Sent after the case's intake operation."""

    case_id: uuid.UUID
    case_no: CaseNo
    hall_code: HallCode
    phone: Mobile
    consented_at: AwareDatetime


class NotifyTurnNearV1(Request):
    """A ticket whose holder opted in at the kiosk has ``ahead`` people before it. The counter
    sends it once per ticket, and drops it unsent if the ticket was called meanwhile."""

    message_id: uuid.UUID = Field(description="Made by the counter; the status is read by it.")
    hall_code: HallCode
    ticket_no: TicketNo
    day: dt.date
    ahead: int = Field(ge=0, le=1000)
    phone: Mobile
    queued_at: AwareDatetime


class StatusQuery(Request):
    """The messages a counter asked for (turn near, by message id) and its cases' messages."""

    message_ids: list[uuid.UUID] = Field(default_factory=list, max_length=MAX_STATUS_REFS)
    case_nos: list[CaseNo] = Field(default_factory=list, max_length=MAX_STATUS_REFS)


class StatusChange(Reply):
    """One line of a message's history."""

    status: MessageStatus
    at: dt.datetime
    source: str = Field(description="server (queued, each attempt) or gateway (a delivery report)")
    code: str | None = Field(default=None, description="The platform's status code.")
    detail: str | None = None


class MessageState(Reply):
    message_id: uuid.UUID
    template: Template
    case_no: str | None = None
    ticket_no: str | None = None
    status: MessageStatus
    attempts: int
    error: str | None = None
    delivery_code: str | None = Field(
        default=None, description="The platform's code in the delivery report that set status."
    )
    updated_at: dt.datetime
    history: list[StatusChange] = Field(default_factory=list, description="Oldest first.")


class ReceiptStatus(enum.StrEnum):
    DELIVERED = "delivered"
    FAILED = "failed"


class DeliveryReport(BaseModel):
    """One delivery report of the province's SMS platform. It names the message by the
    ``request_id`` this server sent with it, or by the platform's own ``id``."""

    model_config = ConfigDict(extra="ignore", frozen=True)  # a platform may add fields

    id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    request_id: uuid.UUID | None = None
    status: ReceiptStatus
    code: Annotated[str, StringConstraints(max_length=32)] | None = None
    reported_at: AwareDatetime

    @model_validator(mode="after")
    def _names_a_message(self) -> DeliveryReport:
        if self.id is None and self.request_id is None:
            raise ValueError("a report names its message: request_id or id")
        return self


class DeliveryReports(BaseModel):
    """What the platform posts to ``/v1/gateway/sms/receipts`` (signed)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    reports: list[DeliveryReport] = Field(min_length=1, max_length=MAX_REPORTS)


class ReceiptResult(enum.StrEnum):
    APPLIED = "applied"  # the message took this status
    DUPLICATE = "duplicate"  # this report was received before: nothing changed
    STALE = "stale"  # older than the report the status came from: kept in the history only
    UNKNOWN = "unknown"  # no message of this server has that id


class ReceiptOutcome(Reply):
    id: str | None = None
    request_id: uuid.UUID | None = None
    result: ReceiptResult


class ReceiptReply(Reply):
    results: list[ReceiptOutcome]


class StatusReply(Reply):
    messages: list[MessageState]
    opted_in_cases: list[str] = Field(
        default_factory=list, description="Of the asked cases, those with an opt-in on record."
    )


class RecordedMessage(Reply):
    """What the loopback gateway recorded (``central-server messages``)."""

    gateway_id: str
    message_id: uuid.UUID
    phone_masked: str
    phone: str | None = None  # only with --show-phone
    template: Template
    text: str
    recorded_at: dt.datetime
