"""Applicant data checks: pure functions returning a frozen value or an ``Invalid`` with a code.

Every validator normalises first (NFKC, so full-width digits and a lowercase x are accepted;
the zero-width characters copy and paste leaves dropped, see ``invisible``) and then returns
either the normalised value with what can be derived from it, or the first problem found as
``Invalid(code, position, found, expected)``. The UI translates the code; the CLI prints
``describe()``. Nothing here logs, and nothing here reads the clock.
"""

from clerk_app.validation.credit_code import (
    CreditCode,
    CreditCodeError,
    RegisteringAuthority,
    org_code_check_character,
    override_credit_code,
    validate_credit_code,
)
from clerk_app.validation.ids import (
    IdError,
    IdKind,
    ResidentId,
    Sex,
    override_resident_id,
    validate_resident_id,
)
from clerk_app.validation.names import (
    NormalisedText,
    TextError,
    TextKind,
    normalise_person_name,
    normalise_text,
)
from clerk_app.validation.overrides import (
    OverrideField,
    OverrideRefusal,
    OverrideRefused,
    SupervisorOverride,
)
from clerk_app.validation.phone import Phone, PhoneError, PhoneKind, validate_phone
from clerk_app.validation.problems import Invalid, ProblemCode, normalise_code
from onewindow_protocol.identifiers import credit_check_character, id_check_character

__all__ = [
    "CreditCode",
    "CreditCodeError",
    "IdError",
    "IdKind",
    "Invalid",
    "NormalisedText",
    "OverrideField",
    "OverrideRefusal",
    "OverrideRefused",
    "Phone",
    "PhoneError",
    "PhoneKind",
    "ProblemCode",
    "RegisteringAuthority",
    "ResidentId",
    "Sex",
    "SupervisorOverride",
    "TextError",
    "TextKind",
    "credit_check_character",
    "id_check_character",
    "normalise_code",
    "normalise_person_name",
    "normalise_text",
    "org_code_check_character",
    "override_credit_code",
    "override_resident_id",
    "validate_credit_code",
    "validate_phone",
    "validate_resident_id",
]
