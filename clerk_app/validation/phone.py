"""Mainland phone numbers: mobiles (``1[3-9]`` + 9 digits) and landlines with their area code.

Stored forms: ``13812345678`` and ``010-12345678``. Accepted on input: spaces and hyphens
anywhere, full-width digits, a ``+86`` / ``0086`` prefix (then a landline's leading 0 may be
missing, as in ``+86 10 1234 5678``), and an area code in parentheses.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from clerk_app.validation.problems import Invalid, ProblemCode, compact
from onewindow_protocol.masking import mask_phone

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}")
_COUNTRY_PREFIXES = ("+86", "0086", "(+86)", "(86)")
# Area codes of three digits including the 0: Beijing 010 and the 02x cities; all others four.
_SHORT_AREA_SECOND_DIGITS = "12"


class PhoneError(ProblemCode):
    EMPTY = "phone_empty"
    BAD_CHARACTER = "phone_bad_character"
    MOBILE_BAD_LENGTH = "phone_mobile_bad_length"
    MOBILE_BAD_PREFIX = "phone_mobile_bad_prefix"
    LANDLINE_NEEDS_AREA_CODE = "phone_landline_needs_area_code"
    LANDLINE_BAD_LENGTH = "phone_landline_bad_length"
    NOT_A_PHONE_NUMBER = "phone_not_a_phone_number"

    @property
    def template(self) -> str:
        return _PHONE_TEXT[self]


_PHONE_TEXT = {
    PhoneError.EMPTY: "no phone number given",
    PhoneError.BAD_CHARACTER: "character {position} is {found!r}: a phone number has only digits",
    PhoneError.MOBILE_BAD_LENGTH: "a mobile number has {expected} digits, this one has {found}",
    PhoneError.MOBILE_BAD_PREFIX: "mobile numbers start 13 to 19, not 1{found}",
    PhoneError.LANDLINE_NEEDS_AREA_CODE: (
        "a landline needs its area code first, e.g. 010-12345678 or 0755-1234567"
    ),
    PhoneError.LANDLINE_BAD_LENGTH: (
        "a landline is an area code of 3-4 digits and a number of 7-8 digits; "
        "this one has {found} digits"
    ),
    PhoneError.NOT_A_PHONE_NUMBER: (
        "not a phone number: a mobile starts with 1, a landline with its area code (0…)"
    ),
}


class PhoneKind(enum.StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"


@dataclass(frozen=True, slots=True)
class Phone:
    value: str = field(repr=False)
    kind: PhoneKind
    area_code: str | None

    @property
    def masked(self) -> str:
        """``138****5678`` and ``010-****5678`` (the one definition is
        ``onewindow_protocol.masking``; what is stored is what papers print)."""
        return mask_phone(self.value)


def _strip_country(text: str) -> tuple[str, bool]:
    for prefix in _COUNTRY_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix) :], True
    if len(text) == 13 and text.startswith("861") and text.isdigit():
        return text[2:], True
    return text, False


def _bad_character(text: str) -> Invalid[PhoneError] | None:
    plus_at = 2 if text.startswith("(+") else 1  # +86 or (+86)
    for position, char in enumerate(text, start=1):
        ok = (
            (char.isascii() and char.isdigit())
            or char in "-()"
            or (char == "+" and position == plus_at)
        )
        if not ok:
            return Invalid(PhoneError.BAD_CHARACTER, position=position, found=char)
    return None


def _mobile(digits: str) -> Phone | Invalid[PhoneError]:
    if len(digits) != 11:
        return Invalid(PhoneError.MOBILE_BAD_LENGTH, found=str(len(digits)), expected="11")
    if not MOBILE.fullmatch(digits):
        return Invalid(PhoneError.MOBILE_BAD_PREFIX, position=2, found=digits[1])
    return Phone(digits, PhoneKind.MOBILE, None)


def _landline(text: str) -> Phone | Invalid[PhoneError]:
    digits = text.replace("-", "")
    if not 10 <= len(digits) <= 12:
        return Invalid(PhoneError.LANDLINE_BAD_LENGTH, found=str(len(digits)))
    if "-" in text:  # the clerk's split wins; further hyphens only group the local number
        area, _, local = text.partition("-")
        local = local.replace("-", "")
    else:
        area = digits[:3] if digits[1] in _SHORT_AREA_SECOND_DIGITS else digits[:4]
        if not 7 <= len(digits) - len(area) <= 8:  # an unusual code: try the other length
            area = digits[: 4 if len(area) == 3 else 3]
        local = digits[len(area) :]
    if not LANDLINE.fullmatch(f"{area}-{local}"):
        return Invalid(PhoneError.NOT_A_PHONE_NUMBER)
    return Phone(f"{area}-{local}", PhoneKind.LANDLINE, area)


def _national(text: str) -> str | Invalid[PhoneError]:
    """Without country prefix and parentheses; a landline's trunk 0 restored after +86."""
    text, international = _strip_country(text)
    text = re.sub(r"^\((0?\d{2,3})\)-?", r"\1-", text.lstrip("-"))
    digits = text.replace("-", "")
    if "(" in text or ")" in text or "+" in text or not digits:
        return Invalid(PhoneError.NOT_A_PHONE_NUMBER)
    if international and not digits.startswith("0") and not MOBILE.fullmatch(digits):
        return "0" + text  # +86 10 … drops the trunk 0 of the area code
    return text.strip("-")


def validate_phone(value: str) -> Phone | Invalid[PhoneError]:
    text = compact(value)
    if not text:
        return Invalid(PhoneError.EMPTY)
    national = _bad_character(text) or _national(text)
    if isinstance(national, Invalid):
        return national
    digits = national.replace("-", "")
    if digits.startswith("1"):
        return _mobile(digits)
    if digits.startswith("0"):
        return _landline(national)
    if 7 <= len(digits) <= 8:
        return Invalid(PhoneError.LANDLINE_NEEDS_AREA_CODE)
    return Invalid(PhoneError.NOT_A_PHONE_NUMBER)
