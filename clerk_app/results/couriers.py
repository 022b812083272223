"""The couriers a hall mails results with, and what their tracking numbers look like.

Checked where the format is public: EMS (中国邮政速递物流) domestic numbers are 13 digits, its
international-format numbers follow UPU S10 (two letters, eight digits, a check digit, the
country code: ``EA123456785CN``), whose check digit is verified; SF Express (顺丰) numbers are
``SF`` and 13 digits, or 12 digits on older waybills. Other couriers publish no format: their
numbers are checked for shape only (8 to 30 letters and digits).
"""

from __future__ import annotations

import enum
import re

from clerk_app.validation import Invalid, ProblemCode
from clerk_app.validation.problems import normalise_code

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_EMS_DOMESTIC = re.compile(r"^\d{13}$")
_S10 = re.compile(r"^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$")
_SF = re.compile(r"^(SF\d{13}|\d{12})$")
_OTHER = re.compile(r"^[A-Z0-9]{8,30}$")


class Courier(enum.StrEnum):
    EMS = "ems"
    SF = "sf"
    JD = "jd"
    ZTO = "zto"
    YTO = "yto"
    STO = "sto"
    YUNDA = "yunda"


COURIER_NAMES = {  # as the handover record and the waybill print them
    Courier.EMS: "中国邮政EMS",
    Courier.SF: "顺丰速运",
    Courier.JD: "京东物流",
    Courier.ZTO: "中通快递",
    Courier.YTO: "圆通速递",
    Courier.STO: "申通快递",
    Courier.YUNDA: "韵达快递",
}
DEFAULT_COURIER = Courier.EMS


class TrackingError(ProblemCode):
    EMPTY = "tracking_empty"
    EMS_FORMAT = "tracking_ems_format"
    S10_CHECK = "tracking_s10_check"
    SF_FORMAT = "tracking_sf_format"
    SHAPE = "tracking_shape"

    @property
    def template(self) -> str:
        return {
            "tracking_empty": "enter the tracking number",
            "tracking_ems_format": "an EMS number has 13 digits, or 2 letters, 9 digits and 2 "
            "letters (found {found} characters)",
            "tracking_s10_check": "the check digit of this EMS number is {found}, not {expected}",
            "tracking_sf_format": "an SF number is SF and 13 digits, or 12 digits",
            "tracking_shape": "a tracking number has 8 to 30 letters and digits",
        }[self.value]


def s10_check_digit(serial: str) -> int:
    """UPU S10's check digit over the eight-digit serial."""
    remainder = 11 - sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS, strict=True)) % 11
    return {10: 0, 11: 5}.get(remainder, remainder)


def courier_name(code: str) -> str:
    """The printed name; a courier recorded as free text (before the list) prints as typed."""
    try:
        return COURIER_NAMES[Courier(code)]
    except ValueError:
        return code


def resolve_courier(text: str) -> Courier | None:
    """The listed courier a code or a printed name means (``ems``, ``EMS``, ``中国邮政EMS``);
    None for one not on the list, which is recorded as typed."""
    key = text.strip()
    for courier, name in COURIER_NAMES.items():
        if key.lower() == courier.value or key == name:
            return courier
    return None


def _ems(number: str) -> str | Invalid[TrackingError]:
    if _EMS_DOMESTIC.match(number):
        return number
    s10 = _S10.match(number)
    if s10 is None:
        return Invalid(TrackingError.EMS_FORMAT, found=str(len(number)))
    expected = s10_check_digit(s10.group(1))
    if int(s10.group(2)) != expected:
        return Invalid(TrackingError.S10_CHECK, found=s10.group(2), expected=str(expected))
    return number


def check_tracking(courier: Courier | None, value: str) -> str | Invalid[TrackingError]:
    """The tracking number normalised (upper case, no spaces or dashes), or its problem."""
    number = normalise_code(value).replace("-", "")
    if not number:
        return Invalid(TrackingError.EMPTY)
    if courier is Courier.EMS:
        return _ems(number)
    if courier is Courier.SF:
        return number if _SF.match(number) else Invalid(TrackingError.SF_FORMAT)
    return number if _OTHER.match(number) else Invalid(TrackingError.SHAPE)
