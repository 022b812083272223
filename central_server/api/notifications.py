"""Text-message notifications: the counters read their messages' delivery statuses; the SMS
platform (through the back office) reports deliveries."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from central_server.api.deps import ApproverPrincipal, DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import notifications
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.wire.notifications import StatusQuery, StatusReply

router = APIRouter(tags=["notifications"])


@router.post(
    "/v1/notifications/status",
    response_model=StatusReply,
    responses=responses(401, 403, 426),
    summary="Delivery statuses of the hall's messages: turn-near ones by id, cases' by case "
    "number (no phone in the reply); due messages are sent first",
)
def status(body: StatusQuery, svc: Svc, principal: DevicePrincipal) -> StatusReply:
    assert principal.hall_code is not None
    notifications.dispatch(svc.ctx)  # retries fall due while the counters keep asking
    return notifications.statuses(svc.ctx, principal.hall_code, body)


@router.post(
    "/v1/backoffice/messages/{gateway_id}/delivered",
    status_code=204,
    responses=responses(401, 403, 404),
    summary="The SMS platform's delivery receipt for a sent message",
)
def delivered(
    gateway_id: Annotated[str, Path(pattern=r"^[A-Za-z0-9_.-]{1,64}$")],
    svc: Svc,
    _approver: ApproverPrincipal,
) -> None:
    if not notifications.mark_delivered(svc.ctx, gateway_id):
        raise Refused(Refusal.MESSAGE_NOT_FOUND, f"no sent message {gateway_id}")
