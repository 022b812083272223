"""Checking what the clerk typed about the applicant (and their agent) before anything is saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from clerk_app.intake.types import (
    AgentInput,
    ApplicantInput,
    ApplicantKind,
    IdType,
    IntakeRefusal,
    IntakeRefused,
)
from clerk_app.validation import (
    Invalid,
    ProblemCode,
    SupervisorOverride,
    TextKind,
    normalise_code,
    normalise_text,
    validate_credit_code,
    validate_phone,
    validate_resident_id,
)
from onewindow_protocol.masking import mask_id

PASSPORT_MIN, PASSPORT_MAX = 5, 20


class PassportError(ProblemCode):
    BAD_NUMBER = "passport_bad_number"

    @property
    def template(self) -> str:
        return f"a passport number has {PASSPORT_MIN} to {PASSPORT_MAX} letters and digits"


@dataclass(frozen=True, slots=True)
class CheckedApplicant:
    kind: ApplicantKind
    name: str
    id_type: IdType
    id_value: str  # normalised: what is encrypted and hashed
    id_masked: str
    phone: str | None
    phone_masked: str | None
    address: str | None
    overridden: bool
    override: SupervisorOverride | None = None  # who let a failed check through, and why
    legal_representative: str | None = None  # a company's
    contact: str | None = None  # a company's contact person; ``phone`` is theirs


@dataclass(frozen=True, slots=True)
class CheckedAgent:
    name: str
    id_value: str
    id_masked: str
    authorisation: str


def _refuse(code: IntakeRefusal, field_name: str, invalid: Invalid[Any]) -> IntakeRefused:
    return IntakeRefused(code, invalid.describe(), field_name=field_name, invalid=invalid)


def _passport(value: str) -> str | Invalid[PassportError]:
    text = normalise_code(value)
    if not (PASSPORT_MIN <= len(text) <= PASSPORT_MAX) or not text.isascii() or not text.isalnum():
        return Invalid(PassportError.BAD_NUMBER)
    return text


def check_passport(value: str) -> str | Invalid[PassportError]:
    """The passport number normalised, or why it cannot be one (the UI checks as typed)."""
    return _passport(value)


def _identity(applicant: ApplicantInput, today: dt.date) -> tuple[str, str, bool]:
    if applicant.override is not None:  # a supervisor vouched for a real code failing its check
        return applicant.override.value, mask_id(applicant.override.value), True
    if applicant.id_type is IdType.RESIDENT_ID:
        found = validate_resident_id(applicant.id_value, today=today)
        if isinstance(found, Invalid):
            raise _refuse(IntakeRefusal.INVALID_APPLICANT, "id_value", found)
        return found.value, found.masked, False
    if applicant.id_type is IdType.CREDIT_CODE:
        code = validate_credit_code(applicant.id_value)
        if isinstance(code, Invalid):
            raise _refuse(IntakeRefusal.INVALID_APPLICANT, "id_value", code)
        return code.value, code.value, False  # a company's code is public: shown whole
    passport = _passport(applicant.id_value)
    if isinstance(passport, Invalid):
        raise _refuse(IntakeRefusal.INVALID_APPLICANT, "id_value", passport)
    return passport, mask_id(passport), False


def check_applicant(
    applicant: ApplicantInput, today: dt.date, *, new_case: bool = False
) -> CheckedApplicant:
    """The applicant as typed, checked whole. A company opening a new case names its legal
    representative and contact (its receipt prints them); a case saved before they were asked
    for continues without them."""
    kind = (
        TextKind.PERSON_NAME
        if applicant.kind is ApplicantKind.PERSON
        else TextKind.ORGANISATION_NAME
    )
    name = normalise_text(applicant.name, kind)
    if isinstance(name, Invalid):
        raise _refuse(IntakeRefusal.INVALID_APPLICANT, "name", name)
    id_value, id_masked, overridden = _identity(applicant, today)
    phone = phone_masked = None
    if applicant.phone and applicant.phone.strip():
        found = validate_phone(applicant.phone)
        if isinstance(found, Invalid):
            raise _refuse(IntakeRefusal.INVALID_APPLICANT, "phone", found)
        phone, phone_masked = found.value, found.masked
    legal_representative = contact = None
    if applicant.kind is ApplicantKind.COMPANY:  # a person has neither
        legal_representative = _person_name(
            applicant.legal_representative, "legal_representative", required=new_case
        )
        contact = _person_name(applicant.contact, "contact", required=new_case)
    address = None
    if applicant.address and applicant.address.strip():
        checked = normalise_text(applicant.address, TextKind.ADDRESS)
        if isinstance(checked, Invalid):
            raise _refuse(IntakeRefusal.INVALID_APPLICANT, "address", checked)
        address = checked.value
    return CheckedApplicant(
        applicant.kind,
        name.value,
        applicant.id_type,
        id_value,
        id_masked,
        phone,
        phone_masked,
        address,
        overridden,
        applicant.override,
        legal_representative,
        contact,
    )


def _person_name(value: str | None, field_name: str, *, required: bool) -> str | None:
    """A company's legal representative or contact: a person's name, checked like one."""
    if not required and (value is None or not value.strip()):
        return None
    name = normalise_text(value or "", TextKind.PERSON_NAME)
    if isinstance(name, Invalid):
        raise _refuse(IntakeRefusal.INVALID_APPLICANT, field_name, name)
    return name.value


def check_agent(agent: AgentInput, today: dt.date) -> CheckedAgent:
    name = normalise_text(agent.name, TextKind.PERSON_NAME)
    if isinstance(name, Invalid):
        raise _refuse(IntakeRefusal.INVALID_AGENT, "agent_name", name)
    found = validate_resident_id(agent.id_value, today=today)
    if isinstance(found, Invalid):
        raise _refuse(IntakeRefusal.INVALID_AGENT, "agent_id_value", found)
    authorisation = agent.authorisation.strip()
    if not authorisation:
        raise IntakeRefused(
            IntakeRefusal.INVALID_AGENT, "an agent needs an authorisation", field_name="agent"
        )
    return CheckedAgent(name.value, found.value, found.masked, authorisation[:200])
