"""What approvers see and do: case lists, review, approve, reject, request a supplement."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from onewindow_protocol.wire.changes import Certificate, SupplementRequest
from onewindow_protocol.wire.common import CaseStatus, LongText, Reply, Request, ShortText, Username


class CaseSummary(Reply):
    case_id: uuid.UUID
    case_no: str
    hall_code: str
    window_code: str
    item_code: str
    item_version: int
    applicant_name: str
    applicant_id_masked: str = Field(description="e.g. 220102********1234")
    counter_decision: str
    status: CaseStatus
    version: int
    deferred_outstanding: bool
    received_at: dt.datetime
    updated_at: dt.datetime
    certificate_no: str | None = None


class CaseDetail(CaseSummary):
    clerk: str
    situation: str | None
    applicant: dict[str, Any]
    materials: list[dict[str, Any]]
    decision_detail: dict[str, Any]
    reviewer: str | None
    certificate: Certificate | None
    reject_reason: str | None
    supplement: SupplementRequest | None
    handover: dict[str, Any] | None
    payment: dict[str, Any] | None = Field(
        default=None, description="The fees and their payment (the operations' Payment)."
    )
    mailing: dict[str, Any] | None = Field(
        default=None, description="邮寄送达: the address the result is mailed to."
    )


class CaseList(Reply):
    cases: list[CaseSummary]


class ReviewRequest(Request):
    reviewer: Username


class ApproveRequest(Request):
    approver: Username
    result_name: ShortText | None = Field(default=None, description="Default: the item's result.")
    holder: ShortText | None = Field(default=None, description="Default: the applicant's name.")
    scope: LongText | None = None
    valid_from: dt.date | None = Field(default=None, description="Default: today (server).")
    valid_until: dt.date | None = None
    issuing_authority: ShortText | None = Field(
        default=None, description="Default: the item's department."
    )


class RejectRequest(Request):
    approver: Username
    reason: LongText


class SupplementLineIn(Request):
    material: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    requirement: LongText | None = None


class SupplementRequestIn(Request):
    approver: Username
    lines: list[SupplementLineIn] = Field(min_length=1, max_length=200)
    note: LongText | None = None
    due_date: dt.date | None = None


class EpochReply(Reply):
    epoch: str
    previous: str | None
    started_at: dt.datetime


class AssistanceFigure(Reply):
    """帮办代办 per helper and kind: cases assisted, sittings, minutes given (where said)."""

    helper: str
    helper_name: str
    kind: str
    cases: int
    sittings: int
    minutes: int


class AssistanceFigures(Reply):
    date_from: dt.date
    date_to: dt.date
    hall_code: str | None
    rows: list[AssistanceFigure]
