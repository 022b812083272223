"""The chain's arithmetic: canonical bytes of a record and its hash.

With a hall key (``hmac_key``) each hash is an HMAC, so someone with write access to the database
but not the key cannot recompute a consistent chain after editing it; without one it is plain
SHA-256, which still catches any edit made without recomputing every later record.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from typing import Any, Protocol

from clerk_app.audit.types import PersonalDataInAudit

GENESIS = "0" * 64

# An 18-character resident ID, an 11-digit mainland mobile: never in an audit detail.
_PERSONAL = re.compile(r"(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?![\dXx])")


def canonical_detail(detail: Mapping[str, Any] | None) -> str:
    text = json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    if _PERSONAL.search(text):
        raise PersonalDataInAudit("an audit detail holds what looks like an ID number or phone")
    return text


class Chained(Protocol):
    seq: int
    at_ms: int
    actor_id: int | None
    actor: str
    action: str
    outcome: str
    target_kind: str | None
    target: str | None
    detail: str
    prev_hash: str


def record_hash(key: bytes | None, r: Chained) -> str:
    fields = [
        r.seq,
        r.at_ms,
        r.actor_id,
        r.actor,
        r.action,
        r.outcome,
        r.target_kind,
        r.target,
        r.detail,
        r.prev_hash,
    ]
    message = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
    if key is not None:
        return hmac.new(key, message, hashlib.sha256).hexdigest()
    return hashlib.sha256(message).hexdigest()
