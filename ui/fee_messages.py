"""The problems of a payment, a mailing address and a tracking number as the clerk reads them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.fees import PaymentError
from clerk_app.intake.mailing import MailingError
from clerk_app.results.couriers import TrackingError
from clerk_app.validation import Invalid


def fee_and_mail_templates() -> dict[Any, str]:
    return {
        PaymentError.REQUIRED: QCoreApplication.translate(
            "FeeMessage", "This item has fees: record the payment, a waiver, or pay later"
        ),
        PaymentError.BAD_AMOUNT: QCoreApplication.translate(
            "FeeMessage", "The amount is yuan with at most two decimals, e.g. 8 or 8.50"
        ),
        PaymentError.WRONG_AMOUNT: QCoreApplication.translate(
            "FeeMessage", "{found} yuan entered, but the fees come to {expected}"
        ),
        PaymentError.BAD_REFERENCE: QCoreApplication.translate(
            "FeeMessage", "A non-tax payment reference has 20 digits, not {found}"
        ),
        PaymentError.NO_REASON: QCoreApplication.translate(
            "FeeMessage", "Give the reason for waiving the fees"
        ),
        PaymentError.REASON_TOO_LONG: QCoreApplication.translate(
            "FeeMessage", "The reason is too long (at most 200 characters)"
        ),
        PaymentError.NOT_AT_PICKUP: QCoreApplication.translate(
            "FeeMessage", "The fees must be paid or waived before the result is handed over"
        ),
        MailingError.NO_RECIPIENT: QCoreApplication.translate("FeeMessage", "Enter the recipient"),
        MailingError.BAD_RECIPIENT: QCoreApplication.translate(
            "FeeMessage", "The recipient's name cannot be used"
        ),
        MailingError.BAD_PHONE: QCoreApplication.translate(
            "FeeMessage", "The recipient's phone is not a phone number"
        ),
        MailingError.NOT_A_MOBILE: QCoreApplication.translate(
            "FeeMessage", "The courier needs a mobile number (11 digits, 1…)"
        ),
        MailingError.NO_REGION: QCoreApplication.translate(
            "FeeMessage", "Enter the province, city and district"
        ),
        MailingError.REGION_TOO_LONG: QCoreApplication.translate(
            "FeeMessage", "A province, city or district name is too long"
        ),
        MailingError.ADDRESS_TOO_SHORT: QCoreApplication.translate(
            "FeeMessage", "Enter the full street address"
        ),
        MailingError.ADDRESS_TOO_LONG: QCoreApplication.translate(
            "FeeMessage", "The address is too long (at most 120 characters)"
        ),
        MailingError.BAD_POSTAL_CODE: QCoreApplication.translate(
            "FeeMessage", "A postal code has 6 digits"
        ),
        TrackingError.EMPTY: QCoreApplication.translate("FeeMessage", "Enter the tracking number"),
        TrackingError.EMS_FORMAT: QCoreApplication.translate(
            "FeeMessage", "An EMS number has 13 digits, or 2 letters, 9 digits and 2 letters"
        ),
        TrackingError.S10_CHECK: QCoreApplication.translate(
            "FeeMessage",
            "The check digit of this EMS number is {found}, it should be {expected}: "
            "check the number",
        ),
        TrackingError.SF_FORMAT: QCoreApplication.translate(
            "FeeMessage", "An SF Express number is SF and 13 digits, or 12 digits"
        ),
        TrackingError.SHAPE: QCoreApplication.translate(
            "FeeMessage", "A tracking number has 8 to 30 letters and digits"
        ),
    }


def fee_problem_text(invalid: Invalid[Any]) -> str:
    """A payment's, an address's or a tracking number's problem, translated."""
    template = fee_and_mail_templates().get(invalid.code)
    if template is None:
        return invalid.describe()
    return template.format(found=invalid.found or "", expected=invalid.expected or "")
