"""Print job states, printer conditions and failure reasons as the clerk reads them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.printjobs.types import JobState, PrintJobView
from printing.backends.base import FailureReason
from printing.escpos_status import PrinterCondition


def state_text(state: JobState) -> str:
    return {
        JobState.QUEUED: QCoreApplication.translate("PrintJobText", "sending"),
        JobState.PRINTED: QCoreApplication.translate("PrintJobText", "printed"),
        JobState.UNCONFIRMED: QCoreApplication.translate("PrintJobText", "not confirmed"),
        JobState.FAILED: QCoreApplication.translate("PrintJobText", "failed"),
    }[state]


def condition_text(condition: PrinterCondition) -> str:
    return {
        PrinterCondition.OFFLINE: QCoreApplication.translate(
            "PrintJobText", "the printer is offline"
        ),
        PrinterCondition.COVER_OPEN: QCoreApplication.translate(
            "PrintJobText", "the cover is open"
        ),
        PrinterCondition.PAPER_OUT: QCoreApplication.translate(
            "PrintJobText", "the paper has run out"
        ),
        PrinterCondition.PAPER_NEAR_END: QCoreApplication.translate(
            "PrintJobText", "the paper roll is nearly used up"
        ),
        PrinterCondition.FEED_BUTTON: QCoreApplication.translate(
            "PrintJobText", "paper is being fed with the button"
        ),
        PrinterCondition.ERROR: QCoreApplication.translate(
            "PrintJobText", "the printer stopped with an error"
        ),
        PrinterCondition.MECHANICAL_ERROR: QCoreApplication.translate(
            "PrintJobText", "a mechanical error (e.g. a paper jam)"
        ),
        PrinterCondition.CUTTER_ERROR: QCoreApplication.translate(
            "PrintJobText", "the cutter is jammed"
        ),
        PrinterCondition.UNRECOVERABLE_ERROR: QCoreApplication.translate(
            "PrintJobText", "a fault that needs service"
        ),
        PrinterCondition.OVERHEATED: QCoreApplication.translate(
            "PrintJobText", "the print head is too hot and waits to cool down"
        ),
    }[condition]


def why_unconfirmed(job: PrintJobView) -> str:
    """Why the printer did not confirm the job, in the clerk's words."""
    problems = sorted(job.conditions - {PrinterCondition.PAPER_NEAR_END})
    if problems:
        separator = QCoreApplication.translate("PrintJobText", "; ")
        return separator.join(condition_text(c) for c in problems)
    if job.error_code is FailureReason.INTERRUPTED:
        return QCoreApplication.translate(
            "PrintJobText", "the connection to the printer broke off during the job"
        )
    if job.error_code is FailureReason.NO_STATUS:
        return QCoreApplication.translate(
            "PrintJobText", "the printer did not answer after the job"
        )
    if job.error_code is FailureReason.TIMEOUT:
        return QCoreApplication.translate("PrintJobText", "the print system did not answer in time")
    return job.error_message or ""


def look_at_the_paper(job: PrintJobView) -> str:
    """The question an unconfirmed job asks the clerk."""
    return QCoreApplication.translate(
        "PrintJobText",
        "The printer did not confirm this paper ({why}). Please look at the printer: "
        "did the whole paper come out?",
    ).format(why=why_unconfirmed(job))


def paper_warning(job: PrintJobView) -> str:
    """A warning a printed job carries ("" for none): the roll running out."""
    if PrinterCondition.PAPER_NEAR_END in job.conditions:
        return QCoreApplication.translate(
            "PrintJobText",
            "The ticket printer's paper roll is nearly used up: load a new one soon.",
        )
    return ""
