"""The kiosk's printer interface. The printing package provides the real backends (ESC/POS,
system printer); the kiosk only needs this much, passed in its constructor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class KioskTicket:
    hall_name_zh: str
    hall_name_en: str
    service_name_zh: str
    service_name_en: str
    number: str
    ahead: int
    eta_minutes: int
    issued: dt.datetime  # aware, in the hall's time zone


class TicketPrintFailed(Exception):  # noqa: N818 - a printer problem the kiosk shows
    """``unconfirmed``: the bytes went out but the printer did not confirm the ticket, so it
    may have come out (the kiosk asks the visitor to look)."""

    def __init__(self, message: str, *, unconfirmed: bool = False) -> None:
        self.message = message
        self.unconfirmed = unconfirmed
        super().__init__(message)


class TicketPrinter(Protocol):
    def print_ticket(self, ticket: KioskTicket) -> None:
        """Print one ticket; raise :class:`TicketPrintFailed` when it cannot."""
