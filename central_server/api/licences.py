"""The counters' e-licence registry (电子证照): lookup by holder, the PDF copy, verification."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from central_server.api.deps import DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import licences
from onewindow_protocol import paths
from onewindow_protocol.wire.licences import (
    LicenceLookupReply,
    LicenceLookupRequest,
    LicenceVerifyReply,
    LicenceVerifyRequest,
)

router = APIRouter(tags=["licences"])


@router.post(
    paths.LICENCES_LOOKUP,
    response_model=LicenceLookupReply,
    responses=responses(401, 403, 426),
    summary="A holder's licences (optionally of one type), without their copies",
)
def lookup(body: LicenceLookupRequest, svc: Svc, _principal: DevicePrincipal) -> LicenceLookupReply:
    return licences.lookup(svc.ctx, body.holder, body.type)


@router.post(
    paths.LICENCES_VERIFY,
    response_model=LicenceVerifyReply,
    responses=responses(401, 403, 426),
    summary="Whether a licence of this type and number is the holder's and valid",
)
def verify(body: LicenceVerifyRequest, svc: Svc, principal: DevicePrincipal) -> LicenceVerifyReply:
    return licences.verify(svc.ctx, body, hall_code=principal.hall_code)


@router.get(
    paths.LICENCE_COPY,
    response_class=Response,
    responses={
        200: {
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            "description": "The licence's PDF copy",
        },
        **responses(401, 403, 404, 426),
    },
    summary="A licence's PDF copy",
)
def licence_copy(licence_id: uuid.UUID, svc: Svc, _principal: DevicePrincipal) -> Response:
    return Response(licences.copy(svc.ctx, licence_id), media_type="application/pdf")
