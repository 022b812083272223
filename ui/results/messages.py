"""Refusals of the pickup window as translated text (the core only returns codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.results.types import ResultRefusal, ResultRefused


def _tr(text: str) -> str:
    return QCoreApplication.translate("Pickup", text)


def refusal_text(refused: ResultRefused) -> str:
    code = refused.code
    if code is ResultRefusal.DEFERRED_OUTSTANDING:
        return _tr(
            "A deferred material has not arrived yet ({materials}). The certificate is "
            "released only when every deferred material is in."
        ).format(materials=refused.detail)
    texts = {
        ResultRefusal.UNKNOWN_CASE: _tr("This case is not in the hall's records."),
        ResultRefusal.NOT_DECIDED: _tr(
            "There is nothing to hand over: the back office has not approved this case."
        ),
        ResultRefusal.NO_CERTIFICATE_NUMBER: _tr(
            "The central system has not numbered this certificate yet. Synchronise and try again."
        ),
        ResultRefusal.ALREADY_HANDED_OVER: _tr(
            "This certificate has already been handed over; it cannot be handed over twice."
        ),
        ResultRefusal.WRONG_PERSON: _tr(
            "This ID number is neither the applicant's nor the case agent's. An agent must "
            "show an authorisation letter: enter its reference."
        ),
        ResultRefusal.INVALID_ID: _tr(
            "The ID number is not a valid resident ID number. Check it and type it again."
        ),
        ResultRefusal.MISSING_COURIER: _tr("Enter the courier and the tracking number."),
        ResultRefusal.UNKNOWN_MATERIAL: _tr("This material is not deferred in this case."),
        ResultRefusal.NOT_PRINTED: _tr("This paper has never been printed."),
    }
    return texts[code]
