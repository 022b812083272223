"""Enrolment with one-time codes, refresh credentials, short-lived access tokens.

A device enrols once with a code an administrator printed (``central-server enroll-code``) and
gets a refresh credential; with it, it asks for access tokens (15 minutes by default) naming the
clerk signed in at the counter. Back-office tools use their own long-lived bearer tokens
(``central-server backoffice-token``). Only SHA-256 hashes of codes, credentials and tokens are
stored. A revoked device's credential and tokens stop working at once.
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import (
    AccessToken,
    ChangeEvent,
    Device,
    EnrolmentCode,
    Hall,
    ServerState,
)
from central_server.services.common import ms_to_datetime, new_secret, sha256_text
from central_server.services.epoch import STATE_ID
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.wire.auth import (
    EnrolmentCodeReply,
    EnrolReply,
    EnrolRequest,
    TokenReply,
    TokenRequest,
)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1
CODE_GROUPS, CODE_GROUP_LEN = 3, 4


class TokenKind(enum.StrEnum):
    DEVICE = "device"
    BACKOFFICE = "backoffice"


@dataclass(frozen=True, slots=True)
class Principal:
    kind: TokenKind
    subject: str | None
    device_id: str | None
    hall_code: str | None
    expires_ms: int


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def ensure_hall(session: Session, hall_code: str, now_ms: int) -> None:
    """The hall's row, made at most once however many workers ask for it at the same time."""
    if session.get(Hall, hall_code) is None:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        insert = dialect.insert(Hall).values(code=hall_code, created_ms=now_ms)
        session.execute(insert.on_conflict_do_nothing())


def create_enrolment_code(
    ctx: ServerContext, hall_code: str, ttl_hours: int | None = None
) -> EnrolmentCodeReply:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LEN))
    shown = "-".join(raw[i : i + CODE_GROUP_LEN] for i in range(0, len(raw), CODE_GROUP_LEN))
    ttl_ms = (ttl_hours * 3600 if ttl_hours else ctx.settings.enrolment_code_ttl_s) * 1000
    now = ctx.now_ms()

    def work(session: Session) -> int:
        ensure_hall(session, hall_code, now)
        session.add(
            EnrolmentCode(
                code_hash=sha256_text(raw),
                hall_code=hall_code,
                created_ms=now,
                expires_ms=now + ttl_ms,
            )
        )
        return now + ttl_ms

    expires = ctx.db.run_write(work)
    return EnrolmentCodeReply(code=shown, hall_code=hall_code, expires_at=ms_to_datetime(expires))


def enrol(ctx: ServerContext, request: EnrolRequest) -> EnrolReply:
    code_hash = sha256_text(normalise_code(request.code))
    device_id = str(request.device_id)
    credential = new_secret("owr")
    now = ctx.now_ms()

    def work(session: Session) -> str:
        code = session.get(EnrolmentCode, code_hash, with_for_update=True)
        if code is None:
            raise Refused(Refusal.ENROLMENT_CODE_INVALID, "unknown enrolment code")
        if code.expires_ms <= now:
            raise Refused(Refusal.ENROLMENT_CODE_EXPIRED, "the enrolment code has expired")
        if code.used_ms is not None and code.device_id != device_id:
            raise Refused(Refusal.ENROLMENT_CODE_USED, "the enrolment code was already used")
        device = session.get(Device, device_id)
        if device is None:
            device = Device(
                id=device_id,
                hall_code=code.hall_code,
                name=request.device_name,
                window_code=request.window_code,
                refresh_hash=sha256_text(credential),
                enrolled_ms=now,
                last_seq=0,
            )
            session.add(device)
        elif code.used_ms is None or device.revoked_ms is not None:
            # A device id that enrolled with another code, or was revoked, cannot take this one.
            raise Refused(Refusal.ENROLMENT_CODE_USED, "this device id is already enrolled")
        else:  # the same device replays its code (the first reply was lost): a new credential
            device.refresh_hash = sha256_text(credential)
            session.execute(delete(AccessToken).where(AccessToken.device_id == device_id))
        code.used_ms = now
        code.device_id = device_id
        return code.hall_code

    hall_code = ctx.db.run_write(work)
    return EnrolReply(
        device_id=request.device_id, hall_code=hall_code, refresh_credential=credential
    )


def _store_token(
    session: Session,
    *,
    kind: TokenKind,
    device_id: str | None,
    subject: str | None,
    now_ms: int,
    ttl_s: int,
) -> tuple[str, int]:
    token = new_secret("owa" if kind is TokenKind.DEVICE else "owb")
    expires = now_ms + ttl_s * 1000
    # Expired tokens are swept as new ones are issued.
    session.execute(delete(AccessToken).where(AccessToken.expires_ms < now_ms - 3600_000))
    session.add(
        AccessToken(
            token_hash=sha256_text(token),
            kind=kind.value,
            device_id=device_id,
            subject=subject,
            issued_ms=now_ms,
            expires_ms=expires,
        )
    )
    return token, expires


def issue_token(ctx: ServerContext, request: TokenRequest) -> TokenReply:
    now = ctx.now_ms()
    ttl = ctx.settings.access_token_ttl_s

    def work(session: Session) -> tuple[str, int]:
        device = session.get(Device, str(request.device_id))
        if device is None or not secrets.compare_digest(
            device.refresh_hash, sha256_text(request.refresh_credential)
        ):
            raise Refused(Refusal.CREDENTIAL_INVALID, "unknown device or wrong refresh credential")
        if device.revoked_ms is not None:
            raise Refused(Refusal.DEVICE_REVOKED, "this device has been revoked")
        return _store_token(
            session,
            kind=TokenKind.DEVICE,
            device_id=device.id,
            subject=request.clerk,
            now_ms=now,
            ttl_s=ttl,
        )

    token, expires = ctx.db.run_write(work)
    return TokenReply(access_token=token, expires_in=ttl, expires_at=ms_to_datetime(expires))


def issue_backoffice_token(
    ctx: ServerContext, approver: str, days: int | None = None
) -> TokenReply:
    if not 1 <= len(approver) <= 64:
        raise Refused(Refusal.INVALID_REQUEST, "the approver's name must have 1 to 64 characters")
    now = ctx.now_ms()
    ttl = days * 86400 if days else ctx.settings.backoffice_token_ttl_s
    token, expires = ctx.db.run_write(
        lambda s: _store_token(
            s, kind=TokenKind.BACKOFFICE, device_id=None, subject=approver, now_ms=now, ttl_s=ttl
        )
    )
    return TokenReply(access_token=token, expires_in=ttl, expires_at=ms_to_datetime(expires))


@dataclass(frozen=True, slots=True)
class RequestView:
    """What a device request reads besides its own work, taken with its token check in one
    statement: the principal, the device's last applied sequence, the server epoch (``None``
    before the first start wrote it) and the changes feed's highest sequence (0: empty)."""

    principal: Principal
    last_seq: int
    epoch: str | None
    feed_top: int


def _token_query() -> Select[Any]:
    epoch = select(ServerState.epoch).where(ServerState.id == STATE_ID).scalar_subquery()
    top = select(func.max(ChangeEvent.seq)).scalar_subquery()
    return (
        select(
            AccessToken.kind,
            AccessToken.subject,
            AccessToken.device_id,
            AccessToken.expires_ms,
            Device.id,
            Device.hall_code,
            Device.revoked_ms,
            Device.last_seq,
            epoch,
            top,
        )
        .outerjoin(Device, Device.id == AccessToken.device_id)
        .where(AccessToken.token_hash == bindparam("token_hash"))
    )


# The token, its device and the request's snapshot in one round trip; built once per process
# (a statement is immutable) and run on the session's connection, as plain rows.
_TOKEN_QUERY = _token_query()


def _token_row(session: Session, token_hash: str) -> tuple[Any, ...] | None:
    row = session.connection().execute(_TOKEN_QUERY, {"token_hash": token_hash}).first()
    return None if row is None else tuple(row)


def authenticate_in(
    session: Session, token: str | None, kind: TokenKind, now_ms: int
) -> RequestView:
    """Check a bearer token inside the caller's transaction (one statement)."""
    if not token:
        raise Refused(Refusal.TOKEN_MISSING, "a bearer token is required")
    row = _token_row(session, sha256_text(token))
    if row is None:
        raise Refused(Refusal.TOKEN_INVALID, "unknown bearer token")
    (token_kind, subject, device_id, expires_ms, found_id, hall, revoked, last_seq, epoch, top) = (
        row
    )
    if expires_ms <= now_ms:
        raise Refused(Refusal.TOKEN_EXPIRED, "the bearer token has expired")
    if token_kind != kind.value:
        raise Refused(Refusal.NOT_ALLOWED, f"this needs a {kind.value} token")
    if device_id is not None and (found_id is None or revoked is not None):
        raise Refused(Refusal.DEVICE_REVOKED, "this device has been revoked")
    principal = Principal(
        kind=kind,
        subject=subject,
        device_id=device_id,
        hall_code=hall if device_id is not None else None,
        expires_ms=expires_ms,
    )
    return RequestView(principal, int(last_seq or 0), epoch, int(top or 0))


def authenticate(ctx: ServerContext, token: str | None, kind: TokenKind) -> Principal:
    if not token:
        raise Refused(Refusal.TOKEN_MISSING, "a bearer token is required")
    now = ctx.now_ms()
    with ctx.db.read() as session:
        return authenticate_in(session, token, kind, now).principal


def revoke_device(ctx: ServerContext, device_id: str) -> None:
    now = ctx.now_ms()

    def work(session: Session) -> None:
        device = session.get(Device, device_id)
        if device is None:
            raise Refused(Refusal.DEVICE_NOT_FOUND, f"no device {device_id}")
        if device.revoked_ms is None:
            device.revoked_ms = now
        session.execute(delete(AccessToken).where(AccessToken.device_id == device_id))

    ctx.db.run_write(work)
