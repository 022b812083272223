"""Every refusal as ``ErrorBody`` JSON with the status its code maps to; the documented errors."""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from central_server.services.errors import Refusal, Refused
from onewindow_base.blobs import BlobCorruptError
from onewindow_protocol.version import PROTOCOL_HEADER, SUPPORTED_HEADER, supported_value
from onewindow_protocol.wire.common import ErrorBody

log = logging.getLogger(__name__)

STATUS: dict[Refusal, int] = {
    Refusal.TOKEN_MISSING: 401,
    Refusal.TOKEN_INVALID: 401,
    Refusal.TOKEN_EXPIRED: 401,
    Refusal.CREDENTIAL_INVALID: 401,
    Refusal.DEVICE_REVOKED: 401,
    Refusal.NOT_ALLOWED: 403,
    Refusal.ENROLMENT_CODE_INVALID: 403,
    Refusal.ENROLMENT_CODE_EXPIRED: 403,
    Refusal.ENROLMENT_CODE_USED: 403,
    Refusal.CASE_NOT_FOUND: 404,
    Refusal.DEVICE_NOT_FOUND: 404,
    Refusal.UPLOAD_NOT_FOUND: 404,
    Refusal.BLOB_NOT_FOUND: 404,
    Refusal.RELEASE_NOT_FOUND: 404,
    Refusal.ITEM_NOT_FOUND: 404,
    Refusal.NO_CATALOGUE: 404,
    Refusal.UPLOAD_EXPIRED: 410,
    Refusal.CURSOR_INVALID: 410,
    Refusal.OFFSET_MISMATCH: 409,
    Refusal.INVALID_TRANSITION: 409,
    Refusal.CATALOGUE_IMMUTABLE: 409,
    Refusal.CHUNK_CHECKSUM_MISMATCH: 400,
    Refusal.UPLOAD_OVERFLOW: 400,
    Refusal.BLOB_HASH_MISMATCH: 400,
    Refusal.CATALOGUE_INVALID: 400,
    Refusal.CALENDAR_INVALID: 400,
    Refusal.CREDIT_SUBJECT_INVALID: 400,
    Refusal.LISTING_NOT_FOUND: 404,
    Refusal.LICENCE_NOT_FOUND: 404,
    Refusal.LICENCE_IMPORT_INVALID: 400,
    Refusal.CHUNK_TOO_LARGE: 413,
    Refusal.BATCH_TOO_LARGE: 413,
    Refusal.BLOB_TOO_LARGE: 413,
    Refusal.PROTOCOL_UNSUPPORTED: 426,
    Refusal.INVALID_REQUEST: 422,
    Refusal.HALL_NOT_FOUND: 404,
    Refusal.BOOKING_NOT_FOUND: 404,
    Refusal.MESSAGE_NOT_FOUND: 404,
    Refusal.SIGNATURE_INVALID: 401,
    Refusal.SLOT_FULL: 409,
    Refusal.BOOKING_CLOSED: 409,
    Refusal.NO_SHOW_LIMIT: 409,
}

DESCRIPTIONS = {
    400: "Refused: a bad chunk or upload, or an invalid catalogue",
    401: "No, unknown or expired token, or a revoked device: refresh the token once",
    403: "The token may not do this, or the enrolment code is invalid, expired or used",
    404: "Not found",
    409: "Conflict with the current state (offset, status, immutable catalogue item, a full "
    "slot, a closed booking day, the no-show limit)",
    410: "Gone: an expired upload, or a cursor of another epoch (re-pull from the start)",
    413: "Too large: more than max_batch operations, or a chunk or blob over the limit",
    422: "The request does not match its schema",
    426: f"Missing or unsupported {PROTOCOL_HEADER} header",
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorBody, "description": DESCRIPTIONS[s]} for s in (*statuses, 422)}


def refusal_response(exc: Refused) -> JSONResponse:
    status = STATUS[exc.code]
    body = ErrorBody(code=exc.code.value, message=exc.message, detail=exc.detail)
    headers: dict[str, str] = {}
    if status == 401 and exc.code is not Refusal.SIGNATURE_INVALID:
        headers["WWW-Authenticate"] = (
            f'Bearer error="invalid_token", error_description="{exc.code}"'
        )
    if status == 426:
        headers[SUPPORTED_HEADER] = supported_value()
    if exc.code is Refusal.OFFSET_MISMATCH and exc.detail:
        headers["Upload-Offset"] = str(exc.detail["offset"])
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(Refused)
    async def _refused(_request: Request, exc: Refused) -> JSONResponse:
        return refusal_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Locations and reasons only: the rejected values may be personal data.
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        body = ErrorBody(
            code=Refusal.INVALID_REQUEST.value,
            message="the request does not match its schema",
            detail={"errors": errors},
        )
        return JSONResponse(body.model_dump(mode="json"), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        body = ErrorBody(code=f"http_{exc.status_code}", message=str(exc.detail))
        return JSONResponse(
            body.model_dump(mode="json"), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(BlobCorruptError)
    async def _corrupt(request: Request, exc: BlobCorruptError) -> JSONResponse:
        # The message names the blob by a prefix of its hash and the store: no personal data.
        log.error("%s %s: %s", request.method, request.url.path, exc)
        body = ErrorBody(code="blob_corrupt", message=str(exc))
        return JSONResponse(body.model_dump(mode="json"), status_code=500)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        # The type and the stack, not the message: a database error's message carries the
        # statement's parameters, which may be personal data.
        log.error(
            "internal error on %s %s: %s\n%s",
            request.method,
            request.url.path,
            type(exc).__name__,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        body = ErrorBody(code="internal_error", message="internal server error")
        return JSONResponse(body.model_dump(mode="json"), status_code=500)
