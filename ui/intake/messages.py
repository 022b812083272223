"""Validation codes, intake refusals and case states as the clerk reads them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.applicants import PassportError
from clerk_app.intake.types import CaseState, IntakeRefusal, IntakeRefused
from clerk_app.validation import CreditCodeError, IdError, Invalid, PhoneError, TextError
from ui.fee_messages import fee_and_mail_templates


def _problem_templates() -> dict[Any, str]:
    return {
        IdError.EMPTY: QCoreApplication.translate("IntakeMessage", "Enter the ID number"),
        IdError.LEGACY_15_DIGIT: QCoreApplication.translate(
            "IntakeMessage", "A 15-digit ID number is no longer valid: ask for the 18-digit one"
        ),
        IdError.BAD_LENGTH: QCoreApplication.translate(
            "IntakeMessage", "An ID number has {expected} characters, not {found}"
        ),
        IdError.BAD_CHARACTER: QCoreApplication.translate(
            "IntakeMessage", "Character {position} is {found}: only digits, and X at the end"
        ),
        IdError.BAD_REGION: QCoreApplication.translate(
            "IntakeMessage", "{found} is not a province code"
        ),
        IdError.BAD_ISSUING_PROVINCE: QCoreApplication.translate(
            "IntakeMessage",
            "A permanent-residence number gives the issuing province in characters 2-3: "
            "{found} is not a province code",
        ),
        IdError.IMPOSSIBLE_DATE: QCoreApplication.translate(
            "IntakeMessage", "The birth date {found} is not a real date"
        ),
        IdError.BIRTH_TOO_EARLY: QCoreApplication.translate(
            "IntakeMessage",
            "The birth date {found} is before {expected}: no ID number holder was born then; "
            "check the year",
        ),
        IdError.FUTURE_BIRTH_DATE: QCoreApplication.translate(
            "IntakeMessage", "The birth date {found} is in the future"
        ),
        IdError.BAD_CHECK_DIGIT: QCoreApplication.translate(
            "IntakeMessage", "The 18th character (check digit) should be {expected}"
        ),
        CreditCodeError.EMPTY: QCoreApplication.translate(
            "IntakeMessage", "Enter the unified social credit code"
        ),
        CreditCodeError.BAD_LENGTH: QCoreApplication.translate(
            "IntakeMessage", "A credit code has {expected} characters, not {found}"
        ),
        CreditCodeError.EXCLUDED_LETTER: QCoreApplication.translate(
            "IntakeMessage",
            "Character {position} is {found}, never used in credit codes; perhaps {expected}",
        ),
        CreditCodeError.BAD_CHARACTER: QCoreApplication.translate(
            "IntakeMessage", "Character {position} is {found}: not allowed here"
        ),
        CreditCodeError.BAD_REGION: QCoreApplication.translate(
            "IntakeMessage", "Character {position} is {found}: the region code is digits"
        ),
        CreditCodeError.BAD_CHECK_CHARACTER: QCoreApplication.translate(
            "IntakeMessage", "The 18th character (check character) should be {expected}"
        ),
        TextError.EMPTY: QCoreApplication.translate("IntakeMessage", "This field is required"),
        TextError.TOO_LONG: QCoreApplication.translate(
            "IntakeMessage", "{found} characters, at most {expected}"
        ),
        TextError.BAD_CHARACTER: QCoreApplication.translate(
            "IntakeMessage", "Character {position} is a control character"
        ),
        TextError.PRIVATE_USE_CHARACTER: QCoreApplication.translate(
            "IntakeMessage",
            "Character {position} comes from an old input method: enter the standard character",
        ),
        TextError.DIGIT_IN_NAME: QCoreApplication.translate(
            "IntakeMessage", "Character {position} is a digit: a name has no digits"
        ),
        PhoneError.EMPTY: QCoreApplication.translate("IntakeMessage", "Enter the phone number"),
        PhoneError.BAD_CHARACTER: QCoreApplication.translate(
            "IntakeMessage", "Character {position} is {found}: digits only"
        ),
        PhoneError.MOBILE_BAD_LENGTH: QCoreApplication.translate(
            "IntakeMessage", "A mobile number has {expected} digits, not {found}"
        ),
        PhoneError.MOBILE_BAD_PREFIX: QCoreApplication.translate(
            "IntakeMessage", "Mobile numbers start 13 to 19"
        ),
        PhoneError.LANDLINE_NEEDS_AREA_CODE: QCoreApplication.translate(
            "IntakeMessage", "A landline needs its area code, e.g. 0431-1234567"
        ),
        PhoneError.LANDLINE_BAD_LENGTH: QCoreApplication.translate(
            "IntakeMessage", "A landline has an area code and 7-8 digits"
        ),
        PhoneError.NOT_A_PHONE_NUMBER: QCoreApplication.translate(
            "IntakeMessage", "Not a phone number"
        ),
        PassportError.BAD_NUMBER: QCoreApplication.translate(
            "IntakeMessage", "A passport number has 5 to 20 letters and digits"
        ),
    }


def problem_text(invalid: Invalid[Any]) -> str:
    template = _problem_templates().get(invalid.code) or fee_and_mail_templates().get(invalid.code)
    if template is None:
        return invalid.describe()
    return template.format(
        position=invalid.position, found=invalid.found or "", expected=invalid.expected or ""
    )


def refusal_text(error: IntakeRefused) -> str:
    if error.invalid is not None:
        return problem_text(error.invalid)
    texts = {
        IntakeRefusal.INVALID_APPLICANT: QCoreApplication.translate(
            "IntakeMessage", "The applicant's details are not valid."
        ),
        IntakeRefusal.INVALID_AGENT: QCoreApplication.translate(
            "IntakeMessage", "The agent needs a name, an ID number and an authorisation."
        ),
        IntakeRefusal.UNKNOWN_ITEM: QCoreApplication.translate(
            "IntakeMessage", "This item is not in the catalogue."
        ),
        IntakeRefusal.UNKNOWN_SITUATION: QCoreApplication.translate(
            "IntakeMessage", "Choose the applicant's situation."
        ),
        IntakeRefusal.ITEM_SUSPENDED: QCoreApplication.translate(
            "IntakeMessage", "This item is suspended: no new applications."
        ),
        IntakeRefusal.UNKNOWN_MATERIAL: QCoreApplication.translate(
            "IntakeMessage", "A page is assigned to a material not on this checklist."
        ),
        IntakeRefusal.DECISION_NOT_ALLOWED: QCoreApplication.translate(
            "IntakeMessage", "The rules do not allow this decision now."
        ),
        IntakeRefusal.UNKNOWN_CASE: QCoreApplication.translate(
            "IntakeMessage", "There is no case with this number."
        ),
        IntakeRefusal.CASE_CLOSED: QCoreApplication.translate(
            "IntakeMessage", "This case is closed: it takes no further visit."
        ),
        IntakeRefusal.OTHER_ITEM: QCoreApplication.translate(
            "IntakeMessage", "This case is for another item or applicant."
        ),
        IntakeRefusal.INVALID_PAYMENT: QCoreApplication.translate(
            "IntakeMessage", "Record how the fees were paid, waived or left to pay later."
        ),
        IntakeRefusal.INVALID_MAILING: QCoreApplication.translate(
            "IntakeMessage", "The mailing address cannot be used."
        ),
        IntakeRefusal.DISK_FULL: QCoreApplication.translate(
            "IntakeMessage",
            "The disk is full: this case was not saved. "
            "Ask for space to be freed, then save it again.",
        ),
    }
    return texts[error.code]


def state_name(state: CaseState) -> str:
    names = {
        CaseState.NOTICE_ISSUED: QCoreApplication.translate(
            "IntakeMessage", "One-time notice issued"
        ),
        CaseState.ACCEPTED: QCoreApplication.translate("IntakeMessage", "Accepted"),
        CaseState.ACCEPTED_DEFERRED: QCoreApplication.translate(
            "IntakeMessage", "Accepted with deferral"
        ),
        CaseState.REFUSED: QCoreApplication.translate("IntakeMessage", "Refused"),
        CaseState.APPROVED: QCoreApplication.translate("IntakeMessage", "Approved"),
        CaseState.REJECTED: QCoreApplication.translate("IntakeMessage", "Rejected"),
        CaseState.SUPPLEMENT_REQUESTED: QCoreApplication.translate(
            "IntakeMessage", "Supplement requested"
        ),
        CaseState.HANDED_OVER: QCoreApplication.translate("IntakeMessage", "Handed over"),
    }
    return names[state]
