"""The one interface every printer has: ``send(job)``, which returns when the printer took
the job and raises :class:`PrintError` with a reason code when it did not."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class PayloadFormat(StrEnum):
    PDF = "pdf"
    ESCPOS = "escpos"


class FailureReason(StrEnum):
    OFFLINE = "offline"  # not reachable: no answer, connection refused, device absent
    INTERRUPTED = "interrupted"  # the connection broke while the job was being sent
    TIMEOUT = "timeout"
    REJECTED = "rejected"  # the spooler or device refused the job
    NOT_CONFIGURED = "not_configured"  # no such printer, queue or command
    WRONG_FORMAT = "wrong_format"  # e.g. printer bytes sent to a PDF printer
    UNPRINTABLE = "unprintable"  # the document has a character no font or encoding has
    IO_ERROR = "io_error"


class PrintError(Exception):
    """A job that did not reach the printer; ``reason`` is for code, the message for people."""

    def __init__(self, reason: FailureReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


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

    def send(self, job: PrintJob) -> None:
        """Hand the job to the printer; raises :class:`PrintError`."""


def check_format(printer: Printer, job: PrintJob) -> None:
    if job.format is not printer.format:
        raise PrintError(
            FailureReason.WRONG_FORMAT,
            f"printer {printer.name} takes {printer.format.value}, not {job.format.value}",
        )
