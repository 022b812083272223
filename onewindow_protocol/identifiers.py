"""The check characters of the two identifiers an applicant is known by, in one place.

A resident ID number (GB 11643-1999) and a unified social credit code (GB 32100-2015) each end
in a check character computed from the other seventeen. The counter's validators
(``clerk_app.validation``) and the central server's joint-punishment list both use these, so
the two sides can never disagree on what a valid number is.
"""

from __future__ import annotations

import enum

LENGTH = 18
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARACTERS = "10X98765432"
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(LENGTH - 1))


class SubjectKind(enum.StrEnum):
    RESIDENT_ID = "resident_id"
    CREDIT_CODE = "credit_code"


def id_check_character(body: str) -> str:
    """The 18th character of a resident ID number for its first 17 digits."""
    if len(body) != LENGTH - 1 or not body.isascii() or not body.isdigit():
        raise ValueError("the check character is computed from 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11]


def credit_check_character(body: str) -> str:
    """The 18th character of a credit code for its first 17 (GB 32100)."""
    if len(body) != LENGTH - 1 or any(c not in CREDIT_ALPHABET for c in body):
        raise ValueError("the check character is computed from 17 credit-code characters")
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def subject_kind(value: str) -> SubjectKind | None:
    """What ``value`` (upper case, no spaces) is when its check character computes: a resident
    ID number or a credit code; None when it is neither."""
    if len(value) != LENGTH or not value.isascii():
        return None
    if value[:17].isdigit() and value[17] == id_check_character(value[:17]):
        return SubjectKind.RESIDENT_ID
    if all(c in CREDIT_ALPHABET for c in value) and value[17] == credit_check_character(value[:17]):
        return SubjectKind.CREDIT_CODE
    return None
