"""Applying the central server's case status changes to the local case (called by sync).

Sync calls :func:`apply_server_status` for each ``case.status`` change it pulls, in the
transaction that also stores its cursor. An event whose version is not above the case's
``server_version`` is old news: it is ignored, so a status never goes backwards.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import CaseStatusEvent, IntakeCase
from clerk_app.intake.types import CaseState
from clerk_app.results.types import SERVER_STATE, ServerStatus

DECIDED = frozenset({"approved", "rejected"})  # the back office's decision (figures)


def apply_server_status(session: Session, case_id: int, event: ServerStatus, now_ms: int) -> bool:
    """Record ``event`` and move the case; False when the event is not newer than the case."""
    case = session.scalars(
        select(IntakeCase).where(IntakeCase.id == case_id).with_for_update()
    ).one()
    if event.version <= case.server_version:
        return False
    number = event.certificate_number or _certificate_number(event)
    session.add(
        CaseStatusEvent(
            case_id=case_id,
            server_seq=event.server_seq,
            version=event.version,
            status=event.status,
            at_ms=event.at_ms,
            received_ms=now_ms,
            certificate_number=number,
            detail=json.dumps(dict(event.detail), ensure_ascii=False, sort_keys=True),
        )
    )
    case.server_version = event.version
    state = SERVER_STATE.get(event.status)
    if event.status == "received":  # the back office has the case: accepted, maybe deferred
        deferred = bool(event.detail.get("deferred_outstanding"))
        state = CaseState.ACCEPTED_DEFERRED if deferred else CaseState.ACCEPTED
    if state is not None:
        case.state = state.value
    if number:
        case.certificate_number = number
    if event.status in DECIDED and case.decided_ms is None:
        case.decided_ms = event.at_ms
    case.updated_ms = now_ms
    session.flush()
    return True


def _certificate_number(event: ServerStatus) -> str | None:
    certificate = event.detail.get("certificate")
    if isinstance(certificate, dict) and certificate.get("number"):
        return str(certificate["number"])
    return None
