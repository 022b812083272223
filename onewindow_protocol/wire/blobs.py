"""Resumable, checksummed uploads of content-addressed blobs (scans)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from onewindow_protocol.wire.common import Reply, Request, Sha256


class UploadCreate(Request):
    sha256: Sha256
    size: int = Field(ge=1, le=2**62)


class UploadState(Reply):
    upload_id: str | None = Field(description="None when the blob is already stored.")
    sha256: str
    size: int
    offset: int
    complete: bool = Field(description="The blob is stored (hash verified); nothing to send.")
    expires_at: dt.datetime | None = None
    max_chunk_bytes: int
