"""The counters' credit check (信用核查) against the joint-punishment list."""

from __future__ import annotations

from fastapi import APIRouter

from central_server.api.deps import DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import credit
from onewindow_protocol import paths
from onewindow_protocol.wire.credit import CreditLookupReply, CreditLookupRequest

router = APIRouter(tags=["credit"])


@router.post(
    paths.CREDIT_LOOKUP,
    response_model=CreditLookupReply,
    responses=responses(401, 403, 426),
    summary="Whether a resident ID number or credit code is on the joint-punishment list",
)
def lookup(body: CreditLookupRequest, svc: Svc, _principal: DevicePrincipal) -> CreditLookupReply:
    return credit.lookup(svc.ctx, body.identifier)
