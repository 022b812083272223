"""Enrolment, tokens and hello."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from central_server.api.deps import DeviceToken, Protocol, Svc, json_reply
from central_server.api.errors import responses
from central_server.services import appointments, auth, calendars, catalogue
from central_server.services.common import ms_to_datetime
from central_server.services.epoch import current_epoch
from onewindow_protocol import paths
from onewindow_protocol.version import CURRENT_PROTOCOL, PROTOCOL_VERSIONS
from onewindow_protocol.wire.auth import EnrolReply, EnrolRequest, Hello, TokenReply, TokenRequest

router = APIRouter(tags=["device"])


@router.post(
    paths.ENROL,
    status_code=201,
    response_model=EnrolReply,
    responses=responses(403, 426),
    summary="Enrol a device with a one-time code; returns its refresh credential",
)
def enrol(body: EnrolRequest, svc: Svc, _protocol: Protocol) -> EnrolReply:
    return auth.enrol(svc.ctx, body)


@router.post(
    paths.TOKEN,
    response_model=TokenReply,
    responses=responses(401, 426),
    summary="Exchange the device's refresh credential for a short-lived access token",
)
def token(body: TokenRequest, svc: Svc, _protocol: Protocol) -> TokenReply:
    return auth.issue_token(svc.ctx, body)


@router.get(
    paths.HELLO,
    response_model=Hello,
    responses=responses(401, 403, 426),
    summary="Server time, epoch, protocol versions, last sequence applied, catalogue release",
)
def hello(svc: Svc, token: DeviceToken, protocol: Protocol) -> Response:
    ctx = svc.ctx
    now = ctx.now_ms()
    # One read transaction: the token check (with the device's last sequence and the epoch in
    # the same statement), the catalogue release, the calendar set and the bookings revision.
    with ctx.db.read() as session:
        view = auth.authenticate_in(session, token, auth.TokenKind.DEVICE, now)
        release = catalogue.current_release(session)
        calendars_etag = calendars.current_etag(session)
        bookings = appointments.revision(session, view.principal.hall_code or "")
    principal = view.principal
    assert principal.device_id is not None
    assert principal.hall_code is not None
    reply = Hello(
        protocol_version=protocol or CURRENT_PROTOCOL,
        protocol_versions=list(PROTOCOL_VERSIONS),
        server_time=ms_to_datetime(now),
        server_time_ms=now,
        epoch=view.epoch or current_epoch(ctx),
        device_id=uuid.UUID(principal.device_id),
        hall_code=principal.hall_code,
        last_device_seq=view.last_seq,
        catalogue_release=release[0] if release else None,
        catalogue_etag=release[1] if release else None,
        calendars_etag=calendars_etag,
        bookings_revision=bookings,
        max_batch=ctx.settings.max_batch,
        max_chunk_bytes=ctx.settings.max_chunk_bytes,
        access_token_expires_at=ms_to_datetime(principal.expires_ms),
    )
    return json_reply(reply)
