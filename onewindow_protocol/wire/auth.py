"""Enrolment and tokens."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from onewindow_protocol.wire.common import HallCode, Reply, Request, Username, WindowCode

Secret = Annotated[str, StringConstraints(min_length=8, max_length=200)]


class EnrolRequest(Request):
    code: Annotated[str, StringConstraints(min_length=4, max_length=64)]
    device_id: uuid.UUID = Field(
        description="Made by the device. Replaying the same code with the same id (a lost "
        "reply) issues a fresh refresh credential; another id is refused."
    )
    device_name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    window_code: WindowCode | None = None


class EnrolReply(Reply):
    device_id: uuid.UUID
    hall_code: HallCode
    refresh_credential: str


class TokenRequest(Request):
    device_id: uuid.UUID
    refresh_credential: Secret
    clerk: Username | None = Field(
        default=None, description="The clerk signed in at the counter, recorded with the token."
    )


class TokenReply(Reply):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth token type
    expires_in: int
    expires_at: dt.datetime


class EnrolmentCodeRequest(Request):
    hall_code: HallCode
    ttl_hours: int | None = Field(default=None, ge=1, le=24 * 90)


class EnrolmentCodeReply(Reply):
    code: str
    hall_code: HallCode
    expires_at: dt.datetime


class Hello(Reply):
    protocol_version: int
    protocol_versions: list[int]
    server_time: dt.datetime
    server_time_ms: int
    epoch: str
    device_id: uuid.UUID
    hall_code: HallCode
    last_device_seq: int = Field(description="Highest device_seq of this device's applied ops.")
    catalogue_release: int | None
    catalogue_etag: str | None
    calendars_etag: str | None = Field(
        default=None, description="ETag of GET /v1/calendars; null: no calendar published."
    )
    bookings_revision: int | None = Field(
        default=None,
        ge=0,
        description=(
            "Revision of the hall's bookings, moved by every booking made, cancelled or "
            "reported: while it stays, GET /v1/appointments answers the same for the same "
            "days. Null: the server does not say (pull every cycle)."
        ),
    )
    max_batch: int
    max_chunk_bytes: int
    access_token_expires_at: dt.datetime
