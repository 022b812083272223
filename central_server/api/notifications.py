"""Text-message notifications: the counters read their messages' delivery statuses; the
province's SMS platform posts its delivery reports (signed with the shared secret)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request
from starlette.concurrency import run_in_threadpool

from central_server.api.deps import ApproverPrincipal, DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import message_receipts, notifications
from central_server.services.errors import Refusal, Refused
from onewindow_protocol import paths
from onewindow_protocol.wire.notifications import (
    DeliveryReports,
    ReceiptReply,
    StatusQuery,
    StatusReply,
)

router = APIRouter(tags=["notifications"])

REPORTS_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/DeliveryReports"}}
        },
    }
}


@router.post(
    paths.NOTIFICATIONS_STATUS,
    response_model=StatusReply,
    responses=responses(401, 403, 426),
    summary="Delivery statuses of the hall's messages, each with its history: turn-near ones "
    "by id, cases' by case number (no phone in the reply)",
)
def status(body: StatusQuery, svc: Svc, principal: DevicePrincipal) -> StatusReply:
    assert principal.hall_code is not None
    return notifications.statuses(svc.ctx, principal.hall_code, body)


@router.post(
    "/v1/gateway/sms/receipts",
    response_model=ReceiptReply,
    responses=responses(401, 403, 413),
    openapi_extra=REPORTS_BODY,
    summary="The SMS platform's delivery reports, signed: X-OneWindow-Timestamp (Unix "
    "seconds) and X-OneWindow-Signature = hex HMAC-SHA256(secret, timestamp + '.' + body); "
    "each report applied, duplicate, stale or unknown",
)
async def receipts(
    request: Request,
    svc: Svc,
    timestamp: Annotated[str | None, Header(alias=message_receipts.TIMESTAMP_HEADER)] = None,
    signature: Annotated[str | None, Header(alias=message_receipts.SIGNATURE_HEADER)] = None,
) -> ReceiptReply:
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > message_receipts.MAX_BODY_BYTES:
        raise Refused(
            Refusal.BATCH_TOO_LARGE,
            f"a report batch is at most {message_receipts.MAX_BODY_BYTES} bytes, with its length",
            max_bytes=message_receipts.MAX_BODY_BYTES,
        )
    body = await request.body()
    message_receipts.verify(svc.ctx, timestamp, signature, body)
    batch: DeliveryReports = message_receipts.parse(body)
    return await run_in_threadpool(message_receipts.apply_reports, svc.ctx, batch)


@router.post(
    "/v1/backoffice/messages/{gateway_id}/delivered",
    status_code=204,
    responses=responses(401, 403, 404),
    summary="A delivery receipt for a sent message, relayed by the back office",
)
def delivered(
    gateway_id: Annotated[str, Path(pattern=r"^[A-Za-z0-9_.-]{1,64}$")],
    svc: Svc,
    _approver: ApproverPrincipal,
) -> None:
    if not message_receipts.mark_delivered(svc.ctx, gateway_id):
        raise Refused(Refusal.MESSAGE_NOT_FOUND, f"no sent message {gateway_id}")
