"""One translated sentence for what a queue operation just did, shown in the status line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.queue import TicketState
from clerk_app.queue.types import TicketView


def called(ticket: TicketView | None) -> str:
    if ticket is None:
        return QCoreApplication.translate(
            "Outcome", "Nobody is waiting for this window's services."
        )
    return QCoreApplication.translate("Outcome", "Called {number}.").format(number=ticket.number)


def recalled(ticket: TicketView) -> str:
    if ticket.state is TicketState.NO_SHOW:
        text = QCoreApplication.translate(
            "Outcome", "{number} was recalled too often and is now a no-show."
        )
    else:
        text = QCoreApplication.translate("Outcome", "Recalled {number}.")
    return text.format(number=ticket.number)


def skipped(ticket: TicketView) -> str:
    text = QCoreApplication.translate("Outcome", "{number} did not come: marked as a no-show.")
    return text.format(number=ticket.number)


def started(ticket: TicketView) -> str:
    return QCoreApplication.translate("Outcome", "Serving {number}.").format(number=ticket.number)


def finished(ticket: TicketView) -> str:
    return QCoreApplication.translate("Outcome", "{number} is done.").format(number=ticket.number)


def transferred(ticket: TicketView, target: str) -> str:
    text = QCoreApplication.translate("Outcome", "{number} transferred to {target}.")
    return text.format(number=ticket.number, target=target)


def parked(ticket: TicketView, minutes: int) -> str:
    # "min" needs no plural form: one message for every number, in every lupdate version.
    text = QCoreApplication.translate(
        "Outcome", "{number} parked; it can be called again in {minutes} min."
    )
    return text.format(number=ticket.number, minutes=minutes)


def paused(reason: str) -> str:
    return QCoreApplication.translate("Outcome", "Service paused: {reason}.").format(reason=reason)


def resumed() -> str:
    return QCoreApplication.translate("Outcome", "Service resumed.")
