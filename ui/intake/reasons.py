"""Why a material stands where it does and why a decision is open.

The words of a ``ReasonCode`` are the core's catalogue (``clerk_app.intake.reason_texts``),
shared with the papers; only the names of decisions and states, and why the central server's
registers could not be asked (the credit line and the e-licence box), are Qt translations.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from clerk_app.credit.types import UnknownReason
from clerk_app.intake.checklist import MaterialStatus, Reason
from clerk_app.intake.reason_texts import ground_text
from clerk_app.intake.reason_texts import reason_text as core_reason_text
from clerk_app.intake.rules import Decision
from ui.i18n import ui_language


def ground_name(value: str | None) -> str:
    return ground_text(value, ui_language())


def reason_text(reason: Reason, names: Mapping[str, str]) -> str:
    """The reason as the catalogue words it, in the UI language (the same text a paper has)."""
    return core_reason_text(reason, ui_language(), names)


def decision_name(decision: Decision) -> str:
    names = {
        Decision.ACCEPT: QCoreApplication.translate("IntakeReason", "Accept"),
        Decision.ONE_TIME_NOTICE: QCoreApplication.translate("IntakeReason", "One-time notice"),
        Decision.DEFERRAL: QCoreApplication.translate("IntakeReason", "Accept with deferral"),
        Decision.REFUSE: QCoreApplication.translate("IntakeReason", "Refuse"),
    }
    return names[decision]


def status_name(status: MaterialStatus) -> str:
    names = {
        MaterialStatus.COMPLETE: QCoreApplication.translate("IntakeReason", "Complete"),
        MaterialStatus.MISSING: QCoreApplication.translate("IntakeReason", "Missing"),
        MaterialStatus.DEFECTIVE: QCoreApplication.translate("IntakeReason", "Defective"),
        MaterialStatus.REPLACED: QCoreApplication.translate(
            "IntakeReason", "Replaced by e-licence"
        ),
        MaterialStatus.DEFERRED: QCoreApplication.translate("IntakeReason", "Deferred"),
        MaterialStatus.NOT_NEEDED: QCoreApplication.translate("IntakeReason", "Not needed"),
        MaterialStatus.COMMITTED: QCoreApplication.translate(
            "IntakeReason", "Committed (notify-and-commit)"
        ),
    }
    return names[status]


def unknown_reason_text(reason: UnknownReason | None) -> str:
    """Why a register (credit, e-licences) could not be asked; None reads as offline."""
    texts = {
        UnknownReason.NOT_ENROLLED: QCoreApplication.translate(
            "IntakeReason", "this counter has no central server"
        ),
        UnknownReason.OFFLINE: QCoreApplication.translate(
            "IntakeReason", "the central server cannot be reached"
        ),
        UnknownReason.TIMEOUT: QCoreApplication.translate(
            "IntakeReason", "the central server did not answer in time"
        ),
        UnknownReason.INVALID_REPLY: QCoreApplication.translate(
            "IntakeReason", "the central server's answer was unreadable"
        ),
        UnknownReason.REFUSED: QCoreApplication.translate(
            "IntakeReason", "the central server refused the lookup"
        ),
        UnknownReason.NOT_CHECKABLE: QCoreApplication.translate("IntakeReason", "not checkable"),
        UnknownReason.PENDING: QCoreApplication.translate("IntakeReason", "still checking"),
    }
    return texts[reason or UnknownReason.OFFLINE]
