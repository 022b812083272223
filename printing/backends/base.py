"""The one interface every printer has: ``send(job)``, which returns when the printer took
the job and raises :class:`PrintError` with a reason code when it did not.

A reason says whether paper may have come out (:attr:`FailureReason.paper_uncertain`): a
connection that broke after bytes went out, or a printer that did not confirm the job, leaves
the job *unconfirmed* and someone must look at the paper; the others mean nothing was printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from printing.escpos_status import PrinterStatus


class PayloadFormat(StrEnum):
    PDF = "pdf"
    ESCPOS = "escpos"


class FailureReason(StrEnum):
    OFFLINE = "offline"  # not reachable: no answer, connection refused, device absent
    INTERRUPTED = "interrupted"  # the connection broke once bytes had gone out
    TIMEOUT = "timeout"  # the spooler did not answer: the job may still be queued
    NO_STATUS = "no_status"  # the printer took the job but did not answer the status query
    PRINTER_PROBLEM = "printer_problem"  # its status after the job names a problem
    REJECTED = "rejected"  # the spooler or device refused the job
    NOT_CONFIGURED = "not_configured"  # no such printer, queue or command
    WRONG_FORMAT = "wrong_format"  # e.g. printer bytes sent to a PDF printer
    UNPRINTABLE = "unprintable"  # the document has a character no font or encoding has
    IO_ERROR = "io_error"

    @property
    def paper_uncertain(self) -> bool:
        """Part or all of the job may have printed: the paper must be looked at."""
        return self in _PAPER_UNCERTAIN


_PAPER_UNCERTAIN = frozenset(
    {
        FailureReason.INTERRUPTED,
        FailureReason.TIMEOUT,
        FailureReason.NO_STATUS,
        FailureReason.PRINTER_PROBLEM,
    }
)


class PrintError(Exception):
    """A job that did not reach the printer; ``reason`` is for code, the message for people."""

    def __init__(
        self, reason: FailureReason, message: str, *, status: PrinterStatus | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.status = status  # what the printer answered to the status query, if it did


@dataclass(frozen=True)
class PrintJob:
    title: str
    payload: bytes = field(repr=False)
    format: PayloadFormat
    copies: int = 1
    job_id: int | None = None


class Printer(Protocol):
    """A destination for jobs; implementations live in this package and in ``ui.printing``."""

    @property
    def name(self) -> str: ...

    @property
    def format(self) -> PayloadFormat:
        """What ``send`` accepts: PDF pages or ESC/POS bytes."""

    def send(self, job: PrintJob) -> PrinterStatus | None:
        """Hand the job to the printer; raises :class:`PrintError`. A printer that reports
        its state returns what it said after the job (None: this printer cannot tell)."""


def check_format(printer: Printer, job: PrintJob) -> None:
    if job.format is not printer.format:
        raise PrintError(
            FailureReason.WRONG_FORMAT,
            f"printer {printer.name} takes {printer.format.value}, not {job.format.value}",
        )
