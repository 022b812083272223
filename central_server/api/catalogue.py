"""Catalogue releases and item versions, with ETags and conditional GET."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path
from fastapi.responses import JSONResponse, Response

from central_server.api.deps import DevicePrincipal, Svc
from central_server.api.errors import responses
from central_server.services import catalogue
from central_server.services.common import etag_matches
from onewindow_protocol import paths
from onewindow_protocol.wire.catalogue import CatalogueItemReply, CatalogueRelease

router = APIRouter(tags=["catalogue"])

IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match", max_length=200)]
ETAG_HEADER = {"ETag": {"description": "Strong entity tag", "schema": {"type": "string"}}}
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified (If-None-Match matched the ETag)", "headers": ETAG_HEADER}
}


def _conditional(etag: str, if_none_match: str | None, body: Any, *, immutable: bool) -> Response:
    cache = "private, max-age=31536000, immutable" if immutable else "private, no-cache"
    headers = {"ETag": etag, "Cache-Control": cache}
    if etag_matches(if_none_match, etag):
        return Response(status_code=304, headers=headers)
    return JSONResponse(body, headers=headers)


def _release(svc: Svc, number: int | None, if_none_match: str | None) -> Response:
    etag = catalogue.release_etag(svc.ctx, number)
    if etag is not None and etag_matches(if_none_match, etag):
        return _conditional(etag, if_none_match, None, immutable=number is not None)
    reply = catalogue.release(svc.ctx, number)
    return _conditional(
        reply.etag, if_none_match, reply.model_dump(mode="json"), immutable=number is not None
    )


@router.get(
    paths.CATALOGUE,
    response_model=CatalogueRelease,
    responses={
        200: {"headers": ETAG_HEADER, "description": "The current release"},
        **NOT_MODIFIED,
        **responses(401, 403, 404, 426),
    },
    summary="The current catalogue release (conditional GET with If-None-Match)",
)
def current(svc: Svc, _principal: DevicePrincipal, if_none_match: IfNoneMatch = None) -> Response:
    return _release(svc, None, if_none_match)


@router.get(
    paths.CATALOGUE + "/releases/{release}",
    response_model=CatalogueRelease,
    responses={
        200: {"headers": ETAG_HEADER, "description": "That release (immutable)"},
        **NOT_MODIFIED,
        **responses(401, 403, 404, 426),
    },
    summary="One catalogue release",
)
def one_release(
    release: Annotated[int, Path(ge=1, le=2**31 - 1)],
    svc: Svc,
    _principal: DevicePrincipal,
    if_none_match: IfNoneMatch = None,
) -> Response:
    return _release(svc, release, if_none_match)


@router.get(
    paths.CATALOGUE + "/items/{code}/{version}",
    response_model=CatalogueItemReply,
    responses={
        200: {"headers": ETAG_HEADER, "description": "The item version (immutable)"},
        **NOT_MODIFIED,
        **responses(401, 403, 404, 426),
    },
    summary="One item version",
)
def one_item(
    code: Annotated[str, Path(pattern=r"^[0-9A-Z]{1,36}$")],
    version: Annotated[int, Path(ge=1, le=2**31 - 1)],
    svc: Svc,
    _principal: DevicePrincipal,
    if_none_match: IfNoneMatch = None,
) -> Response:
    reply = catalogue.item(svc.ctx, code, version)
    return _conditional(
        catalogue.etag_of(reply.sha256),
        if_none_match,
        reply.model_dump(mode="json"),
        immutable=True,
    )
