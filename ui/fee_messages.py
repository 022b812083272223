"""The problems of a payment, a mailing address and a tracking number as the clerk reads them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.fees import PaymentError
from clerk_app.intake.mailing import MailingError
from clerk_app.results.couriers import TrackingError
from clerk_app.validation import Invalid


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeeMessage", text)


def fee_and_mail_templates() -> dict[Any, str]:
    return {
        PaymentError.REQUIRED: _tr(
            "This item has fees: record the payment, a waiver, or pay later"
        ),
        PaymentError.BAD_AMOUNT: _tr(
            "The amount is yuan with at most two decimals, e.g. 8 or 8.50"
        ),
        PaymentError.WRONG_AMOUNT: _tr("{found} yuan entered, but the fees come to {expected}"),
        PaymentError.BAD_REFERENCE: _tr("A non-tax payment reference has 20 digits, not {found}"),
        PaymentError.NO_REASON: _tr("Give the reason for waiving the fees"),
        PaymentError.REASON_TOO_LONG: _tr("The reason is too long (at most 200 characters)"),
        PaymentError.NOT_AT_PICKUP: _tr(
            "The fees must be paid or waived before the result is handed over"
        ),
        MailingError.NO_RECIPIENT: _tr("Enter the recipient"),
        MailingError.BAD_RECIPIENT: _tr("The recipient's name cannot be used"),
        MailingError.BAD_PHONE: _tr("The recipient's phone is not a phone number"),
        MailingError.NOT_A_MOBILE: _tr("The courier needs a mobile number (11 digits, 1…)"),
        MailingError.NO_REGION: _tr("Enter the province, city and district"),
        MailingError.REGION_TOO_LONG: _tr("A province, city or district name is too long"),
        MailingError.ADDRESS_TOO_SHORT: _tr("Enter the full street address"),
        MailingError.ADDRESS_TOO_LONG: _tr("The address is too long (at most 120 characters)"),
        MailingError.BAD_POSTAL_CODE: _tr("A postal code has 6 digits"),
        TrackingError.EMPTY: _tr("Enter the tracking number"),
        TrackingError.EMS_FORMAT: _tr(
            "An EMS number has 13 digits, or 2 letters, 9 digits and 2 letters"
        ),
        TrackingError.S10_CHECK: _tr(
            "The check digit of this EMS number is {found}, it should be {expected}: "
            "check the number"
        ),
        TrackingError.SF_FORMAT: _tr("An SF Express number is SF and 13 digits, or 12 digits"),
        TrackingError.SHAPE: _tr("A tracking number has 8 to 30 letters and digits"),
    }


def fee_problem_text(invalid: Invalid[Any]) -> str:
    """A payment's, an address's or a tracking number's problem, translated."""
    template = fee_and_mail_templates().get(invalid.code)
    if template is None:
        return invalid.describe()
    return template.format(found=invalid.found or "", expected=invalid.expected or "")
