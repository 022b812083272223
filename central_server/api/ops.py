"""Operations and the changes feed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from central_server.api.deps import DevicePrincipal, DeviceView, Svc, json_reply
from central_server.api.errors import responses
from central_server.services.changes import read_changes
from onewindow_protocol import paths
from onewindow_protocol.wire.changes import ChangesPage
from onewindow_protocol.wire.ops import BatchResult, OperationBatch

router = APIRouter(tags=["sync"])


@router.post(
    paths.OPERATIONS,
    response_model=BatchResult,
    responses=responses(401, 403, 413, 426),
    summary="Push a batch of operations (at most max_batch); one result per operation, in order",
)
def push(body: OperationBatch, svc: Svc, principal: DevicePrincipal) -> Response:
    return json_reply(svc.ops.push(principal, body))


@router.get(
    paths.CHANGES,
    response_model=ChangesPage,
    responses=responses(401, 403, 410, 426),
    summary="Status events and catalogue publications for this device's hall, after a cursor",
)
def changes(
    svc: Svc,
    view: DeviceView,
    cursor: Annotated[
        str | None,
        Query(max_length=100, description="next_cursor of the last page; none: from the start"),
    ] = None,
    limit: Annotated[int | None, Query(ge=1, le=1000)] = None,
) -> Response:
    return json_reply(read_changes(svc.ctx, view, cursor, limit))
