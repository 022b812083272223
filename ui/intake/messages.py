"""Validation codes, intake refusals and case states as the clerk reads them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.applicants import PassportError
from clerk_app.intake.types import CaseState, IntakeRefusal, IntakeRefused
from clerk_app.validation import CreditCodeError, IdError, Invalid, PhoneError, TextError

CONTEXT = "IntakeMessage"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _problem_templates() -> dict[Any, str]:
    return {
        IdError.EMPTY: _t("Enter the ID number"),
        IdError.LEGACY_15_DIGIT: _t(
            "A 15-digit ID number is no longer valid: ask for the 18-digit one"
        ),
        IdError.BAD_LENGTH: _t("An ID number has {expected} characters, not {found}"),
        IdError.BAD_CHARACTER: _t("Character {position} is {found}: only digits, and X at the end"),
        IdError.BAD_REGION: _t("{found} is not a province code"),
        IdError.IMPOSSIBLE_DATE: _t("The birth date {found} is not a real date"),
        IdError.FUTURE_BIRTH_DATE: _t("The birth date {found} is in the future"),
        IdError.BAD_CHECK_DIGIT: _t("The 18th character (check digit) should be {expected}"),
        CreditCodeError.EMPTY: _t("Enter the unified social credit code"),
        CreditCodeError.BAD_LENGTH: _t("A credit code has {expected} characters, not {found}"),
        CreditCodeError.EXCLUDED_LETTER: _t(
            "Character {position} is {found}, never used in credit codes; perhaps {expected}"
        ),
        CreditCodeError.BAD_CHARACTER: _t("Character {position} is {found}: not allowed here"),
        CreditCodeError.BAD_REGION: _t(
            "Character {position} is {found}: the region code is digits"
        ),
        CreditCodeError.BAD_CHECK_CHARACTER: _t(
            "The 18th character (check character) should be {expected}"
        ),
        TextError.EMPTY: _t("This field is required"),
        TextError.TOO_LONG: _t("{found} characters, at most {expected}"),
        TextError.BAD_CHARACTER: _t("Character {position} is a control character"),
        TextError.PRIVATE_USE_CHARACTER: _t(
            "Character {position} comes from an old input method: enter the standard character"
        ),
        TextError.DIGIT_IN_NAME: _t("Character {position} is a digit: a name has no digits"),
        PhoneError.EMPTY: _t("Enter the phone number"),
        PhoneError.BAD_CHARACTER: _t("Character {position} is {found}: digits only"),
        PhoneError.MOBILE_BAD_LENGTH: _t("A mobile number has {expected} digits, not {found}"),
        PhoneError.MOBILE_BAD_PREFIX: _t("Mobile numbers start 13 to 19"),
        PhoneError.LANDLINE_NEEDS_AREA_CODE: _t(
            "A landline needs its area code, e.g. 0431-1234567"
        ),
        PhoneError.LANDLINE_BAD_LENGTH: _t("A landline has an area code and 7-8 digits"),
        PhoneError.NOT_A_PHONE_NUMBER: _t("Not a phone number"),
        PassportError.BAD_NUMBER: _t("A passport number has 5 to 20 letters and digits"),
    }


def problem_text(invalid: Invalid[Any]) -> str:
    template = _problem_templates().get(invalid.code)
    if template is None:
        return invalid.describe()
    return template.format(
        position=invalid.position, found=invalid.found or "", expected=invalid.expected or ""
    )


def refusal_text(error: IntakeRefused) -> str:
    if error.invalid is not None:
        return problem_text(error.invalid)
    texts = {
        IntakeRefusal.INVALID_APPLICANT: _t("The applicant's details are not valid."),
        IntakeRefusal.INVALID_AGENT: _t(
            "The agent needs a name, an ID number and an authorisation."
        ),
        IntakeRefusal.UNKNOWN_ITEM: _t("This item is not in the catalogue."),
        IntakeRefusal.UNKNOWN_SITUATION: _t("Choose the applicant's situation."),
        IntakeRefusal.ITEM_SUSPENDED: _t("This item is suspended: no new applications."),
        IntakeRefusal.UNKNOWN_MATERIAL: _t(
            "A page is assigned to a material not on this checklist."
        ),
        IntakeRefusal.DECISION_NOT_ALLOWED: _t("The rules do not allow this decision now."),
        IntakeRefusal.UNKNOWN_CASE: _t("There is no case with this number."),
        IntakeRefusal.CASE_CLOSED: _t("This case is closed: it takes no further visit."),
        IntakeRefusal.OTHER_ITEM: _t("This case is for another item or applicant."),
    }
    return texts[error.code]


def state_name(state: CaseState) -> str:
    names = {
        CaseState.NOTICE_ISSUED: _t("One-time notice issued"),
        CaseState.ACCEPTED: _t("Accepted"),
        CaseState.ACCEPTED_DEFERRED: _t("Accepted with deferral"),
        CaseState.REFUSED: _t("Refused"),
        CaseState.APPROVED: _t("Approved"),
        CaseState.REJECTED: _t("Rejected"),
        CaseState.SUPPLEMENT_REQUESTED: _t("Supplement requested"),
        CaseState.HANDED_OVER: _t("Handed over"),
    }
    return names[state]
