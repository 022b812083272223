"""Enrol this hall database as a device with a one-time code from the central server.

The device id is made and stored before the request, so a replay after a lost reply uses the
same id (the server then issues a fresh credential; docs/sync-protocol.md, Auth flow). The
refresh credential is a secret: it is stored encrypted with the hall key ring.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy.orm import Session

from clerk_app.db.sync_models import REFRESH_CREDENTIAL
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.sync import state
from clerk_app.sync.client import (
    classify,
    parse,
    secure_client,
    transport_error,
)
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.version import protocol_headers
from onewindow_protocol.wire.auth import EnrolReply


@dataclass(frozen=True, slots=True)
class Enrolment:
    device_id: str
    hall_code: str
    server_url: str


def _device_id_for_enrolment(session: Session) -> str:
    """The stored id while no credential is held (a replay after a lost reply keeps it); a new
    one when re-enrolling an enrolled or revoked counter (the server sees a new device)."""
    row = state.load(session, for_update=True)
    if row.refresh_enc is not None:
        row.device_id = str(uuid.uuid4())
        row.refresh_enc = None
        row.cursor = None
    return row.device_id


def enrol(
    db: Database,
    protector: PersonalDataProtector,
    server_url: str,
    code: str,
    *,
    device_name: str,
    window_code: str | None = None,
    timeout: float = 30.0,
    ca_file: Path | None = None,
) -> Enrolment:
    server_url = server_url.rstrip("/")
    # The client first: a refused address or CA file changes nothing, not even the device id.
    with secure_client(server_url, ca_file, timeout=timeout) as http:
        device_id = db.run_write(_device_id_for_enrolment)
        body: dict[str, object] = {"code": code, "device_id": device_id, "device_name": device_name}
        if window_code:
            body["window_code"] = window_code
        try:
            response = http.post(paths.ENROL, json=body, headers=protocol_headers())
        except httpx.TransportError as exc:
            error = transport_error(exc)
            if error.code == "network":
                error.args = (f"cannot reach {server_url}: {type(exc).__name__}",)
            raise error from None
    if response.status_code != 201:
        raise classify(response)
    reply = parse(EnrolReply, response)

    def save(session: Session) -> Enrolment:
        row = state.load(session, for_update=True)
        row.server_url = server_url
        row.hall_code = reply.hall_code
        row.refresh_enc = protector.encrypt(reply.refresh_credential, context=REFRESH_CREDENTIAL)
        row.last_error = row.last_error_code = None
        row.failures = 0
        row.backoff_until_ms = 0
        return Enrolment(row.device_id, reply.hall_code, server_url)

    return db.run_write(save)
