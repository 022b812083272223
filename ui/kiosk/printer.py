"""The kiosk's printer interface. The printing package provides the real backends (ESC/POS,
system printer); the kiosk only needs this much, passed in its constructor."""

from __future__ import annotations

from typing import Protocol

from printing.documents import QueueTicketDoc


class TicketPrintFailed(Exception):  # noqa: N818 - a printer problem the kiosk shows
    """``unconfirmed``: the bytes went out but the printer did not confirm the ticket, so it
    may have come out (the kiosk asks the visitor to look)."""

    def __init__(self, message: str, *, unconfirmed: bool = False) -> None:
        self.message = message
        self.unconfirmed = unconfirmed
        super().__init__(message)


class TicketPrinter(Protocol):
    def print_ticket(self, ticket: QueueTicketDoc, ticket_id: int) -> None:
        """Print one ticket; raise :class:`TicketPrintFailed` when it cannot."""
