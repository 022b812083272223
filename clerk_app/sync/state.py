"""The one ``sync_state`` row: device credential, feed cursor and epoch, backoff, outcomes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clerk_app.db.sync_models import REFRESH_CREDENTIAL, SyncState
from clerk_app.intake.protect import PersonalDataProtector

STATE_ROW = 1


@dataclass(frozen=True, slots=True)
class SyncStatus:
    device_id: str
    server_url: str | None
    hall_code: str | None
    enrolled: bool
    cursor: str | None
    epoch: str | None
    catalogue_etag: str | None
    failures: int
    backoff_until_ms: int
    skew_ms: int | None
    last_success_ms: int | None
    last_error: str | None
    last_error_code: str | None = None


def load(session: Session, *, for_update: bool = False) -> SyncState:
    """The row, made (with a fresh device id) when missing."""
    row = session.get(SyncState, STATE_ROW, with_for_update=for_update or None)
    if row is None:
        row = SyncState(id=STATE_ROW, device_id=str(uuid.uuid4()), failures=0, backoff_until_ms=0)
        session.add(row)
        session.flush()
    return row


def status(session: Session) -> SyncStatus:
    row = session.get(SyncState, STATE_ROW)
    if row is None:
        return SyncStatus(
            device_id="",
            server_url=None,
            hall_code=None,
            enrolled=False,
            cursor=None,
            epoch=None,
            catalogue_etag=None,
            failures=0,
            backoff_until_ms=0,
            skew_ms=None,
            last_success_ms=None,
            last_error=None,
        )
    return SyncStatus(
        row.device_id,
        row.server_url,
        row.hall_code,
        row.refresh_enc is not None,
        row.cursor,
        row.epoch,
        row.catalogue_etag,
        row.failures,
        row.backoff_until_ms,
        row.skew_ms,
        row.last_success_ms,
        row.last_error,
        row.last_error_code,
    )


def refresh_credential(row: SyncState, protector: PersonalDataProtector) -> str | None:
    if row.refresh_enc is None:
        return None
    return protector.decrypt(row.refresh_enc, context=REFRESH_CREDENTIAL)
