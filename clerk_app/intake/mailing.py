"""邮寄送达: the applicant asks at intake for the result to be mailed; the address is checked
before the case is saved.

What is checked: the recipient's name (as names are), a mainland mobile number (the courier
calls it; a landline is refused), province, city and district each present and at most
32 characters, the detailed address 5 to 120 characters, and the postal code, when given, six
digits. Whether the address exists is not checked (no address database at the counter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_app.validation import (
    Invalid,
    Phone,
    PhoneKind,
    ProblemCode,
    TextKind,
    normalise_text,
    validate_phone,
)
from clerk_app.validation.problems import compact

REGION_MAX = 32
ADDRESS_MIN, ADDRESS_MAX = 5, 120
_POSTAL = re.compile(r"^\d{6}$")


class MailingError(ProblemCode):
    NO_RECIPIENT = "mailing_no_recipient"
    BAD_RECIPIENT = "mailing_bad_recipient"
    BAD_PHONE = "mailing_bad_phone"
    NOT_A_MOBILE = "mailing_not_a_mobile"
    NO_REGION = "mailing_no_region"
    REGION_TOO_LONG = "mailing_region_too_long"
    ADDRESS_TOO_SHORT = "mailing_address_too_short"
    ADDRESS_TOO_LONG = "mailing_address_too_long"
    BAD_POSTAL_CODE = "mailing_bad_postal_code"

    @property
    def template(self) -> str:
        return {
            "mailing_no_recipient": "name the recipient",
            "mailing_bad_recipient": "the recipient's name cannot be used ({found})",
            "mailing_bad_phone": "the recipient's phone is not a phone number",
            "mailing_not_a_mobile": "the courier needs a mainland mobile number",
            "mailing_no_region": "province, city and district are all needed ({found} missing)",
            "mailing_region_too_long": f"{{found}} has at most {REGION_MAX} characters",
            "mailing_address_too_short": f"the address has at least {ADDRESS_MIN} characters",
            "mailing_address_too_long": f"the address has at most {ADDRESS_MAX} characters",
            "mailing_bad_postal_code": "a postal code has 6 digits (found {found})",
        }[self.value]


@dataclass(frozen=True, slots=True)
class MailingInput:
    recipient: str
    phone: str
    province: str
    city: str
    district: str
    address: str
    postal_code: str = ""


@dataclass(frozen=True, slots=True)
class CheckedMailing:
    recipient: str
    phone: str  # normalised; encrypted when stored
    phone_masked: str
    province: str
    city: str
    district: str
    address: str
    postal_code: str | None


def _tidy(value: str) -> str:
    return " ".join(value.split())


def _phone(value: str) -> Phone | Invalid[MailingError]:
    phone = validate_phone(value)
    if isinstance(phone, Invalid):
        return Invalid(MailingError.BAD_PHONE)
    if phone.kind is not PhoneKind.MOBILE:
        return Invalid(MailingError.NOT_A_MOBILE)
    return phone


def _where_problem(
    regions: dict[str, str], address: str, postal: str
) -> Invalid[MailingError] | None:
    for key, value in regions.items():
        if not value:
            return Invalid(MailingError.NO_REGION, found=key)
        if len(value) > REGION_MAX:
            return Invalid(MailingError.REGION_TOO_LONG, found=key)
    if len(address) < ADDRESS_MIN:
        return Invalid(MailingError.ADDRESS_TOO_SHORT)
    if len(address) > ADDRESS_MAX:
        return Invalid(MailingError.ADDRESS_TOO_LONG)
    if postal and not _POSTAL.match(postal):
        return Invalid(MailingError.BAD_POSTAL_CODE, found=str(len(postal)))
    return None


def check_mailing(m: MailingInput) -> CheckedMailing | Invalid[MailingError]:
    """The mailing as it will be stored, or its first problem."""
    if not m.recipient.strip():
        return Invalid(MailingError.NO_RECIPIENT)
    name = normalise_text(m.recipient, TextKind.PERSON_NAME)
    if isinstance(name, Invalid):
        return Invalid(MailingError.BAD_RECIPIENT, found=name.code.value)
    phone = _phone(m.phone)
    if isinstance(phone, Invalid):
        return phone
    regions = {"province": _tidy(m.province), "city": _tidy(m.city), "district": _tidy(m.district)}
    address, postal = _tidy(m.address), compact(m.postal_code)
    problem = _where_problem(regions, address, postal)
    if problem is not None:
        return problem
    return CheckedMailing(
        name.value,
        phone.value,
        phone.masked,
        regions["province"],
        regions["city"],
        regions["district"],
        address,
        postal or None,
    )
