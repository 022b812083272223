"""The back office: cases and the decisions approvers take, enrolment codes, publication."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query
from fastapi.responses import Response

from central_server.api.deps import ApproverPrincipal, Svc
from central_server.api.errors import responses
from central_server.services import auth, blobs, catalogue
from central_server.services.assistance_figures import assistance_figures
from onewindow_protocol.wire.auth import EnrolmentCodeReply, EnrolmentCodeRequest
from onewindow_protocol.wire.backoffice import (
    ApproveRequest,
    AssistanceFigures,
    CaseDetail,
    CaseList,
    RejectRequest,
    ReviewRequest,
    SupplementRequestIn,
)
from onewindow_protocol.wire.catalogue import PublishOutcome
from onewindow_protocol.wire.common import CaseStatus

router = APIRouter(prefix="/v1/backoffice", tags=["back office"])

CaseNoPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9-]{1,40}$")]


@router.get("/cases", response_model=CaseList, responses=responses(401, 403))
def list_cases(
    svc: Svc,
    _approver: ApproverPrincipal,
    status: CaseStatus | None = None,
    hall: Annotated[str | None, Query(pattern=r"^[A-Z0-9]{2,16}$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> CaseList:
    return CaseList(cases=svc.backoffice.list_cases(status=status, hall_code=hall, limit=limit))


@router.get("/figures/assistance", response_model=AssistanceFigures, responses=responses(401, 403))
def assistance(
    svc: Svc,
    _approver: ApproverPrincipal,
    date_from: Annotated[dt.date, Query(alias="from")],
    date_to: Annotated[dt.date, Query(alias="to")],
    hall: Annotated[str | None, Query(pattern=r"^[A-Z0-9]{2,16}$")] = None,
) -> AssistanceFigures:
    """帮办代办 per helper and kind, days ``from``…``to`` in the server's time zone."""
    return assistance_figures(svc.ctx, date_from, date_to, hall)


@router.get("/cases/{case_no}", response_model=CaseDetail, responses=responses(401, 403, 404))
def get_case(case_no: CaseNoPath, svc: Svc, _approver: ApproverPrincipal) -> CaseDetail:
    return svc.backoffice.case(case_no)


@router.post(
    "/cases/{case_no}/review",
    response_model=CaseDetail,
    responses=responses(401, 403, 404, 409),
    summary="Start reviewing a received case (received → under_review)",
)
def review(
    case_no: CaseNoPath, body: ReviewRequest, svc: Svc, _approver: ApproverPrincipal
) -> CaseDetail:
    return svc.backoffice.review(case_no, body)


@router.post(
    "/cases/{case_no}/approve",
    response_model=CaseDetail,
    responses=responses(401, 403, 404, 409),
    summary="Approve: the server assigns the certificate number",
)
def approve(
    case_no: CaseNoPath, body: ApproveRequest, svc: Svc, _approver: ApproverPrincipal
) -> CaseDetail:
    return svc.backoffice.approve(case_no, body)


@router.post(
    "/cases/{case_no}/reject",
    response_model=CaseDetail,
    responses=responses(401, 403, 404, 409),
    summary="Reject with a reason",
)
def reject(
    case_no: CaseNoPath, body: RejectRequest, svc: Svc, _approver: ApproverPrincipal
) -> CaseDetail:
    return svc.backoffice.reject(case_no, body)


@router.post(
    "/cases/{case_no}/supplement",
    response_model=CaseDetail,
    responses=responses(401, 403, 404, 409),
    summary="Ask for a supplement: every material needed, in one request",
)
def supplement(
    case_no: CaseNoPath, body: SupplementRequestIn, svc: Svc, _approver: ApproverPrincipal
) -> CaseDetail:
    return svc.backoffice.request_supplement(case_no, body)


@router.post(
    "/enrolment-codes",
    status_code=201,
    response_model=EnrolmentCodeReply,
    responses=responses(401, 403),
    summary="A one-time enrolment code for a device of a hall",
)
def enrolment_code(
    body: EnrolmentCodeRequest, svc: Svc, _approver: ApproverPrincipal
) -> EnrolmentCodeReply:
    return auth.create_enrolment_code(svc.ctx, body.hall_code, body.ttl_hours)


@router.post(
    "/catalogue",
    response_model=PublishOutcome,
    responses=responses(400, 401, 403, 409),
    summary="Publish a catalogue document as the new current release",
)
def publish(
    document: Annotated[dict[str, Any], Body()], svc: Svc, _approver: ApproverPrincipal
) -> PublishOutcome:
    return catalogue.publish(svc.ctx, document)


@router.post(
    "/devices/{device_id}/revoke",
    status_code=204,
    responses=responses(401, 403, 404),
    summary="Revoke a device: its credential and tokens stop working",
)
def revoke(device_id: uuid.UUID, svc: Svc, _approver: ApproverPrincipal) -> Response:
    auth.revoke_device(svc.ctx, str(device_id))
    return Response(status_code=204)


@router.get(
    "/blobs/{sha256}",
    response_class=Response,
    responses={
        200: {
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            }
        },
        **responses(401, 403, 404),
    },
    summary="Download a stored blob (a scan) for review",
)
def download(
    sha256: Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")], svc: Svc, _approver: ApproverPrincipal
) -> Response:
    return Response(blobs.read_blob(svc.ctx, sha256), media_type="application/octet-stream")
