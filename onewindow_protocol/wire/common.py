"""Shared field types and the error body every refusal carries."""

from __future__ import annotations

import enum
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
HallCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{2,16}$")]
WindowCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,16}$")]
# Built offline from hall, window, date and a local sequence: CC01-W03-20261128-0042.
CaseNo = Annotated[
    str, StringConstraints(pattern=r"^[A-Z0-9]{2,16}-[A-Z0-9]{1,16}-[0-9]{8}-[0-9]{4,6}$")
]
ItemCode = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{1,36}$")]
Username = Annotated[str, StringConstraints(min_length=1, max_length=64)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]


def storable_text(value: object) -> bool:
    """No NUL and no lone surrogate anywhere: PostgreSQL text and UTF-8 refuse both."""
    if isinstance(value, str):
        if "\x00" in value:
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, dict):
        return all(storable_text(k) and storable_text(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(storable_text(v) for v in value)
    return True


class Request(BaseModel):
    """Requests refuse unknown fields (a typo is an error, not a silently dropped value) and
    text a database cannot store (NUL, lone surrogates)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    # Fields checked later on their own (an operation's payload, per operation).
    unchecked_fields: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def _storable(cls, data: Any) -> Any:
        checked = data
        if isinstance(data, dict) and cls.unchecked_fields:
            checked = {k: v for k, v in data.items() if k not in cls.unchecked_fields}
        if not storable_text(checked):
            raise ValueError("text must not contain NUL characters or lone surrogates")
        return data


class Reply(BaseModel):
    model_config = ConfigDict(frozen=True)


class CaseStatus(enum.StrEnum):
    NOTICE_ISSUED = "notice_issued"  # one-time notice given at the counter, nothing accepted
    RECEIVED = "received"  # accepted at the counter (also with a deferral), waiting for review
    UNDER_REVIEW = "under_review"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    REFUSED = "refused"  # refused at the counter (不予受理)
    DELIVERED = "delivered"  # the result was handed over or mailed


class ErrorBody(Reply):
    """Every non-2xx answer: a stable machine code, an English message and optional details."""

    code: str
    message: str
    detail: dict[str, Any] | None = None
