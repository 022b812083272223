"""Blob existence and resumable uploads (HEAD gives the offset; PATCH appends a chunk)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Request, Response
from starlette.concurrency import run_in_threadpool

from central_server.api.deps import DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import blobs
from central_server.services.errors import Refusal, Refused
from onewindow_protocol import paths
from onewindow_protocol.wire.blobs import UploadCreate, UploadState

router = APIRouter(tags=["blobs"])

Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
UploadId = Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$")]
CHUNK_MEDIA_TYPE = "application/offset+octet-stream"

UPLOAD_HEADERS = {
    "Upload-Offset": {"description": "Bytes the server holds", "schema": {"type": "integer"}},
    "Upload-Length": {"description": "The declared size", "schema": {"type": "integer"}},
    "Upload-Expires": {
        "description": "When the upload expires (RFC 3339)",
        "schema": {"type": "string"},
    },
}


@router.head(
    "/v1/blobs/{sha256}",
    responses={
        200: {
            "description": "Stored (hash verified)",
            "headers": {"Content-Length": {"schema": {"type": "integer"}}},
        },
        404: {"description": "Not stored: upload it"},
        **responses(401, 403, 426),
    },
    summary="Whether the server has a blob",
)
def blob_exists(sha256: Sha256Path, svc: Svc, _principal: DevicePrincipal) -> Response:
    size = blobs.exists(svc.ctx, sha256)
    if size is None:
        return Response(status_code=404)
    return Response(status_code=200, headers={"Content-Length": str(size)})


@router.post(
    paths.UPLOADS,
    response_model=UploadState,
    status_code=201,
    responses={
        200: {"model": UploadState, "description": "Already stored, or this device's open upload"},
        **responses(401, 403, 413, 426),
    },
    summary="Start (or resume) the upload of a blob; skip it if already stored",
)
def create_upload(
    body: UploadCreate, svc: Svc, principal: DevicePrincipal, response: Response
) -> UploadState:
    assert principal.device_id is not None
    state, created = blobs.create(svc.ctx, principal.device_id, body.sha256, body.size)
    response.status_code = 201 if created else 200
    return state


def _headers(state: UploadState) -> dict[str, str]:
    headers = {"Upload-Offset": str(state.offset), "Upload-Length": str(state.size)}
    if state.expires_at is not None:
        headers["Upload-Expires"] = state.expires_at.isoformat()
    return headers


@router.head(
    paths.UPLOAD,
    responses={
        200: {"description": "The upload's offset", "headers": UPLOAD_HEADERS},
        **responses(401, 403, 404, 410, 426),
    },
    summary="The offset to resume from",
)
def upload_offset(upload_id: UploadId, svc: Svc, principal: DevicePrincipal) -> Response:
    assert principal.device_id is not None
    state = blobs.status(svc.ctx, principal.device_id, upload_id)
    return Response(status_code=200, headers=_headers(state))


@router.get(
    paths.UPLOAD,
    response_model=UploadState,
    responses=responses(401, 403, 404, 410, 426),
    summary="The upload's state as JSON (the same as HEAD)",
)
def upload_state(upload_id: UploadId, svc: Svc, principal: DevicePrincipal) -> UploadState:
    assert principal.device_id is not None
    return blobs.status(svc.ctx, principal.device_id, upload_id)


@router.patch(
    paths.UPLOAD,
    response_model=UploadState,
    responses=responses(400, 401, 403, 404, 409, 410, 413, 426),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                CHUNK_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
    summary="Append one chunk at Upload-Offset; the last one stores the blob",
)
async def append_chunk(
    upload_id: UploadId,
    request: Request,
    svc: Svc,
    principal: DevicePrincipal,
    upload_offset: Annotated[int, Header(alias="Upload-Offset", ge=0)],
    chunk_sha256: Annotated[
        str, Header(alias="Chunk-Sha256", pattern=r"^[0-9a-fA-F]{64}$", description="hex SHA-256")
    ],
) -> UploadState:
    assert principal.device_id is not None
    limit = svc.ctx.settings.max_chunk_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(
            Refusal.CHUNK_TOO_LARGE,
            f"a chunk may have at most {limit} bytes",
            max_chunk_bytes=limit,
        )
    data = await request.body()
    return await run_in_threadpool(
        blobs.append, svc.ctx, principal.device_id, upload_id, upload_offset, chunk_sha256, data
    )
