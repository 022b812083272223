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

from pydantic import AwareDatetime, Field, StringConstraints

from onewindow_protocol.wire.common import CaseNo, HallCode, Reply, Request

# A mainland mobile number: 11 digits, 1 then 3–9 (no +86, no spaces: the counter normalises).
MOBILE_PATTERN = r"^1[3-9][0-9]{9}$"
Mobile = Annotated[str, StringConstraints(pattern=MOBILE_PATTERN)]
TicketNo = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,12}$")]
MAX_STATUS_REFS = 200


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


class MessageState(Reply):
    message_id: uuid.UUID
    template: Template
    case_no: str | None = None
    ticket_no: str | None = None
    status: MessageStatus
    attempts: int
    error: str | None = None
    updated_at: dt.datetime


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
