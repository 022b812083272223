"""Why a material stands where it does and why a decision is open: ``ReasonCode`` translated."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from clerk_app.intake.checklist import MaterialStatus, Reason, ReasonCode
from clerk_app.intake.rules import Decision

CONTEXT = "IntakeReason"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _templates() -> dict[ReasonCode, str]:
    return {
        ReasonCode.NOT_RECEIVED: _t("{material}: not received"),
        ReasonCode.COPIES_SHORT: _t("{material}: {have} of {need} copies"),
        ReasonCode.ORIGINAL_NOT_CHECKED: _t("{material}: the original was not checked"),
        ReasonCode.DEFECT_NOTED: _t("{material}: {text}"),
        ReasonCode.NOT_DEFERRABLE: _t("{material}: this item does not allow deferring it"),
        ReasonCode.ELICENCE_NOT_ACCEPTED: _t("{material}: no e-licence can replace it"),
        ReasonCode.SCAN_MISSING: _t("{material}: no scan attached yet"),
        ReasonCode.SUPPLY_BY_MISSING: _t("{material}: deferred without a supply-by date"),
        ReasonCode.REPLACED_BY_ELICENCE: _t("{material}: replaced by e-licence {text}"),
        ReasonCode.DEFERRED_UNTIL: _t("{material}: deferred, to be supplied by {on}"),
        ReasonCode.ALL_COMPLETE: _t("Every required material is complete"),
        ReasonCode.MATERIAL_DEFERRED: _t("{material}: deferred, so only deferral fits"),
        ReasonCode.NOTHING_MISSING: _t("Nothing is missing or defective"),
        ReasonCode.NOTHING_DEFERRED: _t("No material is marked deferred"),
        ReasonCode.NOT_MARKED_DEFERRED: _t("{material}: deferrable, but not marked deferred"),
        ReasonCode.BAD_CREDIT: _t("The applicant has a bad-credit flag: no deferral"),
        ReasonCode.SUPPLY_BY_AFTER_PROMISE: _t(
            "{material}: supply-by date {on} is after the promised date {limit}"
        ),
        ReasonCode.PROMISED_DATE_UNKNOWN: _t(
            "The promised date is unknown (holiday calendar missing)"
        ),
        ReasonCode.REFUSAL_GROUND: _t("Ground for refusal: {text}"),
        ReasonCode.REFUSAL_GROUND_STATED: _t("A ground for refusal is recorded: {text}"),
        ReasonCode.NO_REFUSAL_GROUND: _t(
            "No ground for refusal: missing materials call for a one-time notice"
        ),
        ReasonCode.REFUSAL_EXPLANATION_MISSING: _t("Write out the reason for refusing"),
        ReasonCode.COMPETENT_AGENCY_MISSING: _t("Name the competent agency"),
        ReasonCode.RELIEF_RIGHTS_MISSING: _t("The refusal must state the relief rights"),
        ReasonCode.RELIEF_PERIOD_TOO_SHORT: _t("Relief periods are shorter than the law's"),
    }


def ground_name(value: str | None) -> str:
    names = {
        "outside_remit": _t("outside this agency's remit"),
        "no_licence_needed": _t("no licence is needed"),
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
    )


def decision_name(decision: Decision) -> str:
    names = {
        Decision.ACCEPT: _t("Accept"),
        Decision.ONE_TIME_NOTICE: _t("One-time notice"),
        Decision.DEFERRAL: _t("Accept with deferral"),
        Decision.REFUSE: _t("Refuse"),
    }
    return names[decision]


def status_name(status: MaterialStatus) -> str:
    names = {
        MaterialStatus.COMPLETE: _t("Complete"),
        MaterialStatus.MISSING: _t("Missing"),
        MaterialStatus.DEFECTIVE: _t("Defective"),
        MaterialStatus.REPLACED: _t("Replaced by e-licence"),
        MaterialStatus.DEFERRED: _t("Deferred"),
        MaterialStatus.NOT_NEEDED: _t("Not needed"),
    }
    return names[status]
