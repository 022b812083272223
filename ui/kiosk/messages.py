"""What the kiosk says when it cannot issue a ticket: polite, and telling the person what to
do next (the clerk-facing refusal texts in ``ui.i18n`` are for staff)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.queue.types import RefusalCode
from ui.i18n import refusal_message


def refusal_text(code: RefusalCode) -> str:
    texts = {
        RefusalCode.PAST_CUTOFF: QCoreApplication.translate(
            "Kiosk",
            "We are sorry: no more tickets can be issued for this service today. "
            "Please come again tomorrow, or book an appointment online.",
        ),
        RefusalCode.DAILY_LIMIT: QCoreApplication.translate(
            "Kiosk",
            "We are sorry: this service is fully booked for today. "
            "Please come again tomorrow, or book an appointment online.",
        ),
        RefusalCode.HALL_CLOSED: QCoreApplication.translate(
            "Kiosk", "We are sorry: the hall is closed now. Please see the opening hours."
        ),
        RefusalCode.SERVICE_INACTIVE: QCoreApplication.translate(
            "Kiosk", "We are sorry: this service is not offered at the moment."
        ),
        RefusalCode.UNKNOWN_APPOINTMENT: QCoreApplication.translate(
            "Kiosk",
            "We could not find this booking. Please check the code, or ask the staff for help.",
        ),
        RefusalCode.APPOINTMENT_NOT_TODAY: QCoreApplication.translate(
            "Kiosk", "This booking is for another day. Please come on the day of your booking."
        ),
        RefusalCode.ALREADY_CHECKED_IN: QCoreApplication.translate(
            "Kiosk", "This booking has already been checked in. Please keep your ticket."
        ),
        RefusalCode.APPOINTMENT_CANCELLED: QCoreApplication.translate(
            "Kiosk",
            "This booking was cancelled. Please take a ticket for the service, or book again.",
        ),
        RefusalCode.APPOINTMENT_TOO_EARLY: QCoreApplication.translate(
            "Kiosk",
            "It is too early to check in for this booking. Please come back shortly before "
            "your time.",
        ),
        RefusalCode.APPOINTMENT_TOO_LATE: QCoreApplication.translate(
            "Kiosk",
            "The time of this booking has passed. Please take an ordinary ticket, or ask the "
            "staff for help.",
        ),
        RefusalCode.NO_APPOINTMENT_FOR_CARD: QCoreApplication.translate(
            "Kiosk",
            "We found no booking for this ID card today. Please check in with the booking "
            "code, or ask the staff for help.",
        ),
    }
    return texts.get(code) or refusal_message(code)
