"""The holiday arrangements in force, with an ETag and conditional GET (like the catalogue)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from central_server.api.catalogue import ETAG_HEADER, NOT_MODIFIED, IfNoneMatch
from central_server.api.deps import DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import calendars
from central_server.services.common import etag_matches
from onewindow_protocol import paths
from onewindow_protocol.wire.calendars import CalendarSet

router = APIRouter(tags=["calendars"])


@router.get(
    paths.CALENDARS,
    response_model=CalendarSet,
    responses={
        200: {"headers": ETAG_HEADER, "description": "Every published year, its version in force"},
        **NOT_MODIFIED,
        **responses(401, 403, 426),
    },
    summary="The holiday arrangements in force (conditional GET with If-None-Match)",
)
def current(svc: Svc, _principal: DevicePrincipal, if_none_match: IfNoneMatch = None) -> Response:
    reply = calendars.calendar_set(svc.ctx)
    headers = {"ETag": reply.etag, "Cache-Control": "private, no-cache"}
    if etag_matches(if_none_match, reply.etag):
        return Response(status_code=304, headers=headers)
    return JSONResponse(reply.model_dump(mode="json"), headers=headers)
