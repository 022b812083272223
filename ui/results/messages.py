"""Refusals of the pickup window as translated text (the core only returns codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.results.types import ResultRefusal, ResultRefused


def refusal_text(refused: ResultRefused) -> str:
    code = refused.code
    if code is ResultRefusal.DEFERRED_OUTSTANDING:
        return QCoreApplication.translate(
            "Pickup",
            "A deferred material has not arrived yet ({materials}). The certificate is "
            "released only when every deferred material is in.",
        ).format(materials=refused.detail)
    texts = {
        ResultRefusal.UNKNOWN_CASE: QCoreApplication.translate(
            "Pickup", "This case is not in the hall's records."
        ),
        ResultRefusal.NOT_DECIDED: QCoreApplication.translate(
            "Pickup", "There is nothing to hand over: the back office has not approved this case."
        ),
        ResultRefusal.NO_CERTIFICATE_NUMBER: QCoreApplication.translate(
            "Pickup",
            "The central system has not numbered this certificate yet. Synchronise and try again.",
        ),
        ResultRefusal.ALREADY_HANDED_OVER: QCoreApplication.translate(
            "Pickup",
            "This certificate has already been handed over; it cannot be handed over twice.",
        ),
        ResultRefusal.WRONG_PERSON: QCoreApplication.translate(
            "Pickup",
            "This ID number is neither the applicant's nor the case agent's. An agent must "
            "show an authorisation letter: enter its reference.",
        ),
        ResultRefusal.INVALID_ID: QCoreApplication.translate(
            "Pickup", "The ID number is not a valid resident ID number. Check it and type it again."
        ),
        ResultRefusal.MISSING_COURIER: QCoreApplication.translate(
            "Pickup", "Enter the courier and the tracking number."
        ),
        ResultRefusal.UNKNOWN_MATERIAL: QCoreApplication.translate(
            "Pickup", "This material is not deferred in this case."
        ),
        ResultRefusal.NOT_PRINTED: QCoreApplication.translate(
            "Pickup", "This paper has never been printed."
        ),
        ResultRefusal.NOT_HANDED_OVER: QCoreApplication.translate(
            "Pickup", "This result has not been handed over: there is no handover record yet."
        ),
    }
    return texts[code]
