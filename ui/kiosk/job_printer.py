"""The kiosk's tickets through the print-job service: each one recorded, archived, retryable.

``PrintService`` sends synchronously; the kiosk already calls ``print_ticket`` through the task
runner, off the GUI thread.
"""

from __future__ import annotations

from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import PrintRefused
from printing.documents import QueueTicketDoc
from ui.kiosk.printer import TicketPrintFailed


class JobTicketPrinter:
    def __init__(self, jobs: PrintService) -> None:
        self._jobs = jobs

    def print_ticket(self, ticket: QueueTicketDoc, ticket_id: int) -> None:
        try:
            job = self._jobs.print_ticket(ticket, ticket_id=ticket_id)
        except PrintRefused as exc:
            raise TicketPrintFailed(str(exc)) from exc
        if not job.printed:
            message = job.error_message or str(job.error_code)
            raise TicketPrintFailed(message, unconfirmed=job.unconfirmed)
