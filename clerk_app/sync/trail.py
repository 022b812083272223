"""What sync leaves in the hall's audit trail (the chain every counter of the hall writes to).

An outbox operation the server answers ``conflict`` or ``rejected``, one parked because its
scan is gone from this PC, and a person putting a parked operation back in line: each is a
record appended in the transaction that changes the operation's state, so neither the state
nor its record exists without the other.

A record names the case by its number, the operation by its kind and outbox sequence, and the
server's reason code; never the server's message, the payload or the operation id (the first
two may carry personal data, and the audit trail holds none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction, Outcome
from clerk_app.db.intake_models import IntakeCase

SYNC_ACTOR = Actor(None, "sync")  # the counter's sync engine, acting for nobody in particular
LOCAL_BLOB_MISSING = "local_blob_missing"
UNREADABLE_CODE = "unreadable_code"
# A reason code as the protocol defines them (``payload_mismatch``, ``rejected/unknown_item``):
# anything else the server sends is recorded as UNREADABLE_CODE, so no stray text (or what
# looks like an ID number) reaches the audit trail and no reply can stop the outbox.
_CODE = re.compile(r"[a-z][a-z_]{0,62}(/[a-z][a-z_]{0,62})?")

_ACTIONS = {
    "conflict": AuditAction.SYNC_CONFLICT,
    "rejected": AuditAction.SYNC_REJECTED,
    LOCAL_BLOB_MISSING: AuditAction.SYNC_PARKED,
}


@dataclass(frozen=True, slots=True)
class Parked:
    """An operation moved to needs attention: ``status`` is the server's result status
    (``conflict``, ``rejected``) or :data:`LOCAL_BLOB_MISSING`; ``code`` the server's reason."""

    seq: int
    kind: str
    case_uuid: str | None
    status: str
    code: str | None


def _case_numbers(session: Session, uuids: set[str]) -> dict[str, str]:
    if not uuids:
        return {}
    rows = session.execute(
        select(IntakeCase.case_uuid, IntakeCase.case_number).where(IntakeCase.case_uuid.in_(uuids))
    )
    return {row.case_uuid: row.case_number for row in rows}


def _target(numbers: dict[str, str], case_uuid: str | None) -> tuple[str, str | None]:
    number = numbers.get(case_uuid) if case_uuid else None
    return ("case", number) if number else ("sync_operation", None)


def record_parked(audit: AuditService, session: Session, parked: Iterable[Parked]) -> None:
    """One record per operation parked in ``session``'s transaction."""
    parked = list(parked)
    numbers = _case_numbers(session, {p.case_uuid for p in parked if p.case_uuid})
    for p in parked:
        kind, target = _target(numbers, p.case_uuid)
        detail: dict[str, object] = {"operation": p.kind, "seq": p.seq}
        if p.code is not None:
            detail["code"] = _code(p.code)
        audit.append(
            session,
            _ACTIONS[p.status],
            SYNC_ACTOR,
            outcome=Outcome.FAILED if p.status == LOCAL_BLOB_MISSING else Outcome.DENIED,
            target_kind=kind,
            target=target,
            detail=detail,
        )


def _code(code: str) -> str:
    return code if _CODE.fullmatch(code) else UNREADABLE_CODE


def reason_code(last_error: str | None) -> str | None:
    """``rejected/invalid_payload`` of ``rejected/invalid_payload: <the server's message>``
    (the operation's ``last_error``), without the message."""
    if not last_error:
        return None
    return _code(last_error.split(":", 1)[0].strip())


def record_retry(
    audit: AuditService,
    session: Session,
    by: Actor,
    *,
    seq: int,
    kind: str,
    case_uuid: str | None,
    last_error: str | None,
) -> None:
    """A person put a parked operation back in line; the record says why it had been parked
    (the reason code of its ``last_error``)."""
    numbers = _case_numbers(session, {case_uuid} if case_uuid else set())
    target_kind, target = _target(numbers, case_uuid)
    detail: dict[str, object] = {"operation": kind, "seq": seq}
    code = reason_code(last_error)
    if code:
        detail["was"] = code
    audit.append(
        session,
        AuditAction.SYNC_RETRY,
        by,
        target_kind=target_kind,
        target=target,
        detail=detail,
    )
