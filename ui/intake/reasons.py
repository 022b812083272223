"""Why a material stands where it does and why a decision is open: ``ReasonCode`` translated."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.checklist import MaterialStatus, Reason, ReasonCode
from clerk_app.intake.rules import Decision


def _templates() -> dict[ReasonCode, str]:
    return {
        ReasonCode.NOT_RECEIVED: QCoreApplication.translate(
            "IntakeReason", "{material}: not received"
        ),
        ReasonCode.COPIES_SHORT: QCoreApplication.translate(
            "IntakeReason", "{material}: {have} of {need} copies"
        ),
        ReasonCode.ORIGINAL_NOT_CHECKED: QCoreApplication.translate(
            "IntakeReason", "{material}: the original was not checked"
        ),
        ReasonCode.DEFECT_NOTED: QCoreApplication.translate("IntakeReason", "{material}: {text}"),
        ReasonCode.NOT_DEFERRABLE: QCoreApplication.translate(
            "IntakeReason", "{material}: this item does not allow deferring it"
        ),
        ReasonCode.ELICENCE_NOT_ACCEPTED: QCoreApplication.translate(
            "IntakeReason", "{material}: no e-licence can replace it"
        ),
        ReasonCode.NOT_COMMITTABLE: QCoreApplication.translate(
            "IntakeReason", "{material}: this item takes no commitment for it"
        ),
        ReasonCode.COMMITMENT_EXCLUDED: QCoreApplication.translate(
            "IntakeReason", "{material}: bad-credit flag, so no notify-and-commit: bring it"
        ),
        ReasonCode.COMMITTED: QCoreApplication.translate(
            "IntakeReason", "{material}: on the applicant's signed commitment"
        ),
        ReasonCode.POST_CHECK_DATE_UNKNOWN: QCoreApplication.translate(
            "IntakeReason",
            "The post-check date is unknown (holiday calendar missing); it is set once the "
            "year is loaded",
        ),
        ReasonCode.SCAN_MISSING: QCoreApplication.translate(
            "IntakeReason", "{material}: no scan attached yet"
        ),
        ReasonCode.SUPPLY_BY_MISSING: QCoreApplication.translate(
            "IntakeReason", "{material}: deferred without a supply-by date"
        ),
        ReasonCode.REPLACED_BY_ELICENCE: QCoreApplication.translate(
            "IntakeReason", "{material}: replaced by e-licence {text}"
        ),
        ReasonCode.DEFERRED_UNTIL: QCoreApplication.translate(
            "IntakeReason", "{material}: deferred, to be supplied by {on}"
        ),
        ReasonCode.ALL_COMPLETE: QCoreApplication.translate(
            "IntakeReason", "Every required material is complete"
        ),
        ReasonCode.MATERIAL_DEFERRED: QCoreApplication.translate(
            "IntakeReason", "{material}: deferred, so only deferral fits"
        ),
        ReasonCode.NOTHING_MISSING: QCoreApplication.translate(
            "IntakeReason", "Nothing is missing or defective"
        ),
        ReasonCode.NOTHING_DEFERRED: QCoreApplication.translate(
            "IntakeReason", "No material is marked deferred"
        ),
        ReasonCode.NOT_MARKED_DEFERRED: QCoreApplication.translate(
            "IntakeReason", "{material}: deferrable, but not marked deferred"
        ),
        ReasonCode.BAD_CREDIT: QCoreApplication.translate(
            "IntakeReason", "The applicant has a bad-credit flag: no deferral"
        ),
        ReasonCode.SUPPLY_BY_AFTER_PROMISE: QCoreApplication.translate(
            "IntakeReason", "{material}: supply-by date {on} is after the promised date {limit}"
        ),
        ReasonCode.PROMISED_DATE_UNKNOWN: QCoreApplication.translate(
            "IntakeReason",
            "The promised date runs into {year}, whose holiday calendar is not loaded: the "
            "receipt will promise a decision within {need} working days of acceptance, "
            "without a date",
        ),
        ReasonCode.SUPPLY_BY_UNKNOWN_YEAR: QCoreApplication.translate(
            "IntakeReason",
            "{material}: {on} cannot be checked against the promise, which runs into {year} "
            "(holiday calendar not loaded): choose {limit} or earlier",
        ),
        ReasonCode.REFUSAL_GROUND: QCoreApplication.translate(
            "IntakeReason", "Ground for refusal: {text}"
        ),
        ReasonCode.REFUSAL_GROUND_STATED: QCoreApplication.translate(
            "IntakeReason", "A ground for refusal is recorded: {text}"
        ),
        ReasonCode.NO_REFUSAL_GROUND: QCoreApplication.translate(
            "IntakeReason", "No ground for refusal: missing materials call for a one-time notice"
        ),
        ReasonCode.REFUSAL_EXPLANATION_MISSING: QCoreApplication.translate(
            "IntakeReason", "Write out the reason for refusing"
        ),
        ReasonCode.COMPETENT_AGENCY_MISSING: QCoreApplication.translate(
            "IntakeReason", "Name the competent agency"
        ),
        ReasonCode.RELIEF_RIGHTS_MISSING: QCoreApplication.translate(
            "IntakeReason", "The refusal must state the relief rights"
        ),
        ReasonCode.RELIEF_PERIOD_TOO_SHORT: QCoreApplication.translate(
            "IntakeReason", "Relief periods are shorter than the law's"
        ),
    }


def ground_name(value: str | None) -> str:
    names = {
        "outside_remit": QCoreApplication.translate("IntakeReason", "outside this agency's remit"),
        "no_licence_needed": QCoreApplication.translate("IntakeReason", "no licence is needed"),
    }
    return names.get(value or "", value or "")


def reason_text(reason: Reason, names: Mapping[str, str]) -> str:
    material = names.get(reason.material or "", reason.material or "")
    text = reason.text
    if reason.code in (ReasonCode.REFUSAL_GROUND, ReasonCode.REFUSAL_GROUND_STATED):
        text = ground_name(text)
    return _templates()[reason.code].format(
        material=material,
        have=reason.have,
        need=reason.need,
        text=text,
        on=reason.on.isoformat() if reason.on else "",
        limit=reason.limit.isoformat() if reason.limit else "",
        year=reason.year if reason.year is not None else "?",
    )


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
