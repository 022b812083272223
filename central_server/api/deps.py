"""Dependencies: the services, the protocol header check, bearer authentication."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from central_server.context import ServerContext
from central_server.services.auth import Principal, TokenKind, authenticate
from central_server.services.backoffice import BackOffice
from central_server.services.epoch import EpochGuard
from central_server.services.errors import Refusal, Refused
from central_server.services.message_dispatch import Dispatcher
from central_server.services.ops import OperationService
from onewindow_protocol.version import PROTOCOL_HEADER, PROTOCOL_VERSIONS


@dataclass(frozen=True, slots=True)
class Services:
    ctx: ServerContext
    guard: EpochGuard
    ops: OperationService
    backoffice: BackOffice
    dispatcher: Dispatcher  # the process's text-message sender, run by the app's lifespan


def services(request: Request) -> Services:
    found = request.app.state.services
    assert isinstance(found, Services)
    return found


def protocol(
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


def device(
    svc: Svc,
    _protocol: Protocol,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(device_bearer)],
) -> Principal:
    token = credentials.credentials if credentials else None
    return authenticate(svc.ctx, token, TokenKind.DEVICE)


def approver(
    svc: Svc,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(backoffice_bearer)],
) -> Principal:
    token = credentials.credentials if credentials else None
    return authenticate(svc.ctx, token, TokenKind.BACKOFFICE)


DevicePrincipal = Annotated[Principal, Depends(device)]
ApproverPrincipal = Annotated[Principal, Depends(approver)]
