"""What the job service returns: plain values, never rows bound to a session."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from clerk_app.db.printing_models import PrintJobRow
from printing.backends.base import FailureReason, PayloadFormat
from printing.documents import DocumentKind
from printing.escpos_status import PrinterCondition, conditions_of


class JobState(StrEnum):
    QUEUED = "queued"
    PRINTED = "printed"
    # Sent, but the printer did not confirm it (the connection broke, no status answer, a
    # problem reported): someone looks at the paper and says whether it printed.
    UNCONFIRMED = "unconfirmed"
    FAILED = "failed"  # nothing printed: retry sends it again


class RefusalCode(StrEnum):
    """Why nothing was printed or recorded."""

    NO_PRINTER = "no_printer"  # no printer configured for this role and paper
    UNPRINTABLE = "unprintable"  # a character no bundled font or the printer's encoding has
    WRONG_PRINTER = "wrong_printer"  # e.g. an A4 paper routed to a ticket printer
    UNKNOWN_JOB = "unknown_job"
    NOT_FAILED = "not_failed"  # only a failed job can be retried
    NOT_UNCONFIRMED = "not_unconfirmed"  # only an unconfirmed job waits for a look at the paper
    NO_ARCHIVE = "no_archive"

    @classmethod
    def from_failure(cls, reason: FailureReason) -> RefusalCode:
        if reason is FailureReason.UNPRINTABLE:
            return cls.UNPRINTABLE
        return cls.WRONG_PRINTER


class PrintRefused(Exception):  # noqa: N818 - an expected outcome, like QueueRefused
    def __init__(self, code: RefusalCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class PrintJobView:
    id: int
    document_kind: DocumentKind
    owner_key: str
    printer_name: str
    role: str
    payload_format: PayloadFormat
    payload_sha256: str
    archive_id: int | None
    archive_sha256: str | None
    is_copy: bool
    repeats_job_id: int | None
    state: JobState
    error_code: FailureReason | None
    error_message: str | None
    attempt: int
    created_ms: int
    finished_ms: int | None
    printer_status: str | None = None  # a ticket printer's answer after the job: ok or conditions

    @property
    def printed(self) -> bool:
        return self.state is JobState.PRINTED

    @property
    def unconfirmed(self) -> bool:
        return self.state is JobState.UNCONFIRMED

    @property
    def conditions(self) -> frozenset[PrinterCondition]:
        """What the printer reported after the job (empty: all well, or it was not asked)."""
        return conditions_of(self.printer_status)


def job_view(row: PrintJobRow, archive_sha256: str | None) -> PrintJobView:
    return PrintJobView(
        id=row.id,
        document_kind=DocumentKind(row.document_kind),
        owner_key=row.owner_key,
        printer_name=row.printer_name,
        role=row.role,
        payload_format=PayloadFormat(row.payload_format),
        payload_sha256=row.payload_sha256,
        archive_id=row.archive_id,
        archive_sha256=archive_sha256,
        is_copy=row.is_copy,
        repeats_job_id=row.repeats_job_id,
        state=JobState(row.state),
        error_code=FailureReason(row.error_code) if row.error_code else None,
        error_message=row.error_message,
        attempt=row.attempt,
        created_ms=row.created_ms,
        finished_ms=row.finished_ms,
        printer_status=row.printer_status,
    )
