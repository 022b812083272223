"""Refusals: a stable code, a message, optional details. The API maps each code to a status."""

from __future__ import annotations

import enum
from typing import Any


class Refusal(enum.StrEnum):
    TOKEN_MISSING = "token_missing"  # noqa: S105 - a code, not a password
    TOKEN_INVALID = "token_invalid"  # noqa: S105 - a code, not a password
    TOKEN_EXPIRED = "token_expired"  # noqa: S105 - a code, not a password
    CREDENTIAL_INVALID = "credential_invalid"
    DEVICE_REVOKED = "device_revoked"
    NOT_ALLOWED = "not_allowed"
    ENROLMENT_CODE_INVALID = "enrolment_code_invalid"
    ENROLMENT_CODE_EXPIRED = "enrolment_code_expired"
    ENROLMENT_CODE_USED = "enrolment_code_used"
    CASE_NOT_FOUND = "case_not_found"
    DEVICE_NOT_FOUND = "device_not_found"
    UPLOAD_NOT_FOUND = "upload_not_found"
    BLOB_NOT_FOUND = "blob_not_found"
    RELEASE_NOT_FOUND = "release_not_found"
    ITEM_NOT_FOUND = "item_not_found"
    NO_CATALOGUE = "no_catalogue"
    UPLOAD_EXPIRED = "upload_expired"
    CURSOR_INVALID = "cursor_invalid"
    OFFSET_MISMATCH = "offset_mismatch"
    INVALID_TRANSITION = "invalid_transition"
    CATALOGUE_IMMUTABLE = "catalogue_immutable"
    CHUNK_CHECKSUM_MISMATCH = "chunk_checksum_mismatch"
    UPLOAD_OVERFLOW = "upload_overflow"
    BLOB_HASH_MISMATCH = "blob_hash_mismatch"
    CATALOGUE_INVALID = "catalogue_invalid"
    CALENDAR_INVALID = "calendar_invalid"
    CREDIT_SUBJECT_INVALID = "credit_subject_invalid"
    LISTING_NOT_FOUND = "listing_not_found"
    LICENCE_NOT_FOUND = "licence_not_found"
    LICENCE_IMPORT_INVALID = "licence_import_invalid"
    CHUNK_TOO_LARGE = "chunk_too_large"
    BATCH_TOO_LARGE = "batch_too_large"
    BLOB_TOO_LARGE = "blob_too_large"
    PROTOCOL_UNSUPPORTED = "protocol_unsupported"
    INVALID_REQUEST = "invalid_request"
    HALL_NOT_FOUND = "hall_not_found"
    BOOKING_NOT_FOUND = "booking_not_found"
    SLOT_FULL = "slot_full"
    BOOKING_CLOSED = "booking_closed"
    NO_SHOW_LIMIT = "no_show_limit"
    MESSAGE_NOT_FOUND = "message_not_found"
    SIGNATURE_INVALID = "signature_invalid"


class Refused(Exception):  # noqa: N818 - a refusal is an expected outcome, not an error
    def __init__(self, code: Refusal, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail or None
