"""Dependencies: the services, the protocol header check, bearer authentication."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from central_server.composition import Services
from central_server.services.auth import (
    Principal,
    RequestView,
    TokenKind,
    authenticate,
    authenticate_in,
)
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.version import PROTOCOL_HEADER, PROTOCOL_VERSIONS

# The dependencies that neither block nor touch the database are ``async``: FastAPI runs them
# on the event loop instead of handing each to the thread pool (a thread switch apiece).


async def services(request: Request) -> Services:
    found = request.app.state.services
    assert isinstance(found, Services)
    return found


async def protocol(
    protocol_version: Annotated[
        str | None,
        Header(
            alias=PROTOCOL_HEADER,
            description="The protocol version the client speaks (1). Missing or unsupported: 426.",
        ),
    ] = None,
) -> int:
    if protocol_version is None or not protocol_version.strip().isdigit():
        raise Refused(
            Refusal.PROTOCOL_UNSUPPORTED,
            f"send the {PROTOCOL_HEADER} header; this server speaks {list(PROTOCOL_VERSIONS)}",
            supported=list(PROTOCOL_VERSIONS),
        )
    number = int(protocol_version)
    if number not in PROTOCOL_VERSIONS:
        raise Refused(
            Refusal.PROTOCOL_UNSUPPORTED,
            f"protocol {number} is not supported; this server speaks {list(PROTOCOL_VERSIONS)}",
            supported=list(PROTOCOL_VERSIONS),
        )
    return number


device_bearer = HTTPBearer(
    scheme_name="DeviceToken",
    description="An access token from POST /v1/token.",
    auto_error=False,
)
backoffice_bearer = HTTPBearer(
    scheme_name="BackOfficeToken",
    description="A back-office token from `central-server backoffice-token`.",
    auto_error=False,
)

Svc = Annotated[Services, Depends(services)]
Protocol = Annotated[int, Depends(protocol)]


async def device_token(
    _protocol: Protocol,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(device_bearer)],
) -> str | None:
    """The device's bearer token, after the protocol header check; for routes that check it
    inside their own read transaction (:func:`central_server.services.auth.authenticate_in`)."""
    return credentials.credentials if credentials else None


DeviceToken = Annotated[str | None, Depends(device_token)]


def device_view(svc: Svc, token: DeviceToken) -> RequestView:
    """The device's principal with the epoch and the feed's top, read in one statement."""
    now = svc.ctx.now_ms()
    if not token:
        raise Refused(Refusal.TOKEN_MISSING, "a bearer token is required")
    with svc.ctx.db.read() as session:
        return authenticate_in(session, token, TokenKind.DEVICE, now)


DeviceView = Annotated[RequestView, Depends(device_view)]


def device(svc: Svc, token: DeviceToken) -> Principal:
    return authenticate(svc.ctx, token, TokenKind.DEVICE)


def approver(
    svc: Svc,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(backoffice_bearer)],
) -> Principal:
    token = credentials.credentials if credentials else None
    return authenticate(svc.ctx, token, TokenKind.BACKOFFICE)


DevicePrincipal = Annotated[Principal, Depends(device)]
ApproverPrincipal = Annotated[Principal, Depends(approver)]


def json_reply(reply: BaseModel) -> Response:
    """A hot route's reply, serialised once, as FastAPI would (these models have no aliases).

    Returned as a ``Response``, it skips FastAPI's re-validation of a model the route just built
    and that step's hand-off to the thread pool; the route keeps its ``response_model`` for the
    OpenAPI document."""
    return Response(content=reply.model_dump_json(), media_type="application/json")
