"""Personal data on paper and screen: ID numbers and phone numbers are shown masked
(docs/domain-rules.md). The one definition, for the counter, its papers and the central server.

A resident ID keeps its region code and its last four characters, ``220102********1234``; a
mobile number its network prefix and last four digits, ``138****5678``; a landline its area
code and last four digits, ``0431-****5678``. Anything else that identifies a person (a
passport or permit number) keeps its first two and last two characters. A unified social
credit code identifies an organisation, is public, and is printed whole.

Masking happens once. The counter masks a number when it checks it and stores that mask beside
the encrypted whole value (``clerk_app.validation``, the same forms as here); a paper built from
a saved case carries the stored mask, and these functions print a value that already holds a
``*`` as it is, so a mask is never masked again (``***5678`` for ``138****5678`` was that bug).
A whole number handed to a renderer (a paper built from a decrypted value) is masked here.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class IdKind(StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证, also the residence permits sharing its format
    CREDIT_CODE = "credit_code"  # 统一社会信用代码: organisations, public
    OTHER = "other"  # passport, permit, …


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3})-?(\d{7,8})$")


def _clean(value: str) -> str:
    return re.sub(r"[\s\u3000]", "", unicodedata.normalize("NFKC", value)).upper()


def is_masked(value: str) -> bool:
    """Whether the value is already a mask: no real ID or phone number holds a ``*``."""
    return "*" in value


def _stars(count: int) -> str:
    return "*" * max(count, 1)


def mask_id(value: str, kind: IdKind = IdKind.RESIDENT_ID) -> str:
    """The ID number as it may appear on paper."""
    text = _clean(value)
    if kind is IdKind.CREDIT_CODE or is_masked(text):
        return text
    if kind is IdKind.RESIDENT_ID and len(text) in (15, 18):
        return text[:6] + _stars(len(text) - 10) + text[-4:]
    if len(text) <= 4:
        return _stars(len(text))
    keep = 2 if len(text) > 6 else 1
    return text[:keep] + _stars(len(text) - 2 * keep) + text[-keep:]


def mask_phone(value: str) -> str:
    """A mobile or landline number as it may appear on paper; empty stays empty."""
    text = _clean(value).replace("+86", "", 1) if value else ""
    if text.startswith("86") and len(text) == 13:
        text = text[2:]
    if not text or is_masked(text):
        return text
    if _MOBILE.match(text):
        return f"{text[:3]}****{text[-4:]}"
    landline = _LANDLINE.match(text)
    if landline:
        area, number = landline.groups()
        return f"{area}-{_stars(len(number) - 4)}{number[-4:]}"
    digits = re.sub(r"\D", "", text)
    if len(digits) <= 4:
        return _stars(len(digits))
    return _stars(len(digits) - 4) + digits[-4:]
