"""帮办代办 records in the database: giving a ticket's records to the case its visit saved,
reading them back for the case, and the ``case.assist`` operation each one sends the server.

The records are written by :class:`clerk_app.assistance.service.AssistanceService` as the
helper finishes; one made while the applicant waited (the case has no number yet) waits with
its ticket until the clerk's decision saves the case, in that write transaction, like a photo
check (:mod:`clerk_app.intake.photo_checks`). A record reaches the server only once it has its
case, after the case's own operation (the outbox keeps a case's operations in order).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import CaseAssistance, IntakeCase
from clerk_app.intake.outbox import Operation
from clerk_app.intake.types import AssistanceKind, AssistanceView

ASSIST_KIND = "case.assist"
_HALL_TZ = ZoneInfo("Asia/Shanghai")  # what the wire's times are written in (sync.payload)


def attach_to_case(
    session: Session, *, hall_id: int, case: IntakeCase, ticket_id: int | None
) -> list[CaseAssistance]:
    """Give the case the records made for its ticket that no case has yet (another hall's, or
    one already with a case, stay as they are); returns them, oldest first."""
    if ticket_id is None:
        return []
    rows = list(
        session.scalars(
            select(CaseAssistance)
            .where(
                CaseAssistance.ticket_id == ticket_id,
                CaseAssistance.case_id.is_(None),
                CaseAssistance.hall_id == hall_id,
            )
            .order_by(CaseAssistance.finished_ms, CaseAssistance.id)
        )
    )
    for row in rows:
        row.case_id = case.id
    return rows


def assistance_views(session: Session, case_id: int) -> tuple[AssistanceView, ...]:
    number = session.scalar(select(IntakeCase.case_number).where(IntakeCase.id == case_id))
    rows = session.scalars(
        select(CaseAssistance)
        .where(CaseAssistance.case_id == case_id)
        .order_by(CaseAssistance.finished_ms, CaseAssistance.id)
    )
    return tuple(view_of(row, number) for row in rows)


def kinds_of(stored: str) -> tuple[AssistanceKind, ...]:
    return tuple(AssistanceKind(k) for k in stored.split(",") if k)


def view_of(row: CaseAssistance, case_number: str | None) -> AssistanceView:
    return AssistanceView(
        assist_uuid=row.assist_uuid,
        helper_name=row.helper_name,
        kinds=kinds_of(row.kinds),
        started_ms=row.started_ms,
        finished_ms=row.finished_ms,
        minutes=row.minutes,
        authorisation_seen=row.authorisation_seen,
        authorisation_ref=row.authorisation_ref,
        case_number=case_number,
        ticket_number=row.ticket_number,
        note=row.note,
    )


def assist_operation(row: CaseAssistance, case: IntakeCase, hall_code: str) -> Operation:
    """``case.assist`` in the server's shape (CaseAssistV1); the note stays at the counter."""
    payload: dict[str, Any] = {
        "assist_id": row.assist_uuid,
        "case_id": case.case_uuid,
        "case_no": case.case_number,
        "hall_code": hall_code,
        "helper": row.helper_username,
        "helper_name": row.helper_name,
        "kinds": list(row.kinds.split(",")),
        "assisted_at": dt.datetime.fromtimestamp(row.finished_ms / 1000, _HALL_TZ).isoformat(),
    }
    if row.minutes is not None:
        payload["minutes"] = row.minutes
    if AssistanceKind.PROXY.value in payload["kinds"]:
        authorisation: dict[str, Any] = {"letter_seen": row.authorisation_seen}
        if row.authorisation_ref:
            authorisation["reference"] = row.authorisation_ref
        payload["authorisation"] = authorisation
    return Operation(ASSIST_KIND, case.case_uuid, payload)
