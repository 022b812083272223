"""Small helpers the services share: secrets, hashes, canonical JSON, instants."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from typing import Any


def new_secret(prefix: str) -> str:
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept (the payload hash's input)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def ms_to_datetime(ms: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC)


def datetime_to_ms(when: dt.datetime) -> int:
    return int(when.timestamp() * 1000)


def etag_matches(header: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names ``etag`` (weak or strong) or is ``*``."""
    if header is None:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags
