"""The changes feed: written in the transaction of each change, read by cursor.

A cursor is ``<epoch>.<seq>``: the server epoch and the last sequence number the client has.
Sequence numbers must become visible in order, or a reader could pass over one still being
committed; on PostgreSQL every transaction that writes the feed first takes one advisory
transaction lock (:func:`lock_feed`), on SQLite ``BEGIN IMMEDIATE`` already serialises writers.
A cursor from another epoch, malformed, or ahead of the feed is answered 410: re-pull from the
start (no cursor).
"""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Case, ChangeEvent
from central_server.services.auth import RequestView
from central_server.services.common import ms_to_datetime
from central_server.services.epoch import state_row
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.wire.changes import (
    CaseEvent,
    CatalogueEvent,
    Certificate,
    Change,
    ChangeKind,
    ChangesPage,
    SupplementRequest,
)
from onewindow_protocol.wire.common import CaseStatus

FEED_LOCK_KEY = 0x0E_57_A7_10  # any constant shared by every feed writer


def lock_feed(session: Session) -> None:
    """Serialise feed writers on PostgreSQL (held to COMMIT); SQLite already is."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FEED_LOCK_KEY})


def case_event(case: Case) -> CaseEvent:
    return CaseEvent(
        case_id=uuid.UUID(case.id),
        case_no=case.case_no,
        status=CaseStatus(case.status),
        version=case.version,
        item_code=case.item_code,
        item_version=case.item_version,
        deferred_outstanding=case.deferred_outstanding,
        certificate=Certificate.model_validate(case.certificate) if case.certificate else None,
        reason=case.reject_reason,
        supplement=SupplementRequest.model_validate(case.supplement) if case.supplement else None,
    )


def emit_case(session: Session, case: Case, now_ms: int) -> None:
    session.add(
        ChangeEvent(
            hall_code=case.hall_code,
            kind=ChangeKind.CASE_STATUS.value,
            body=case_event(case).model_dump(mode="json"),
            created_ms=now_ms,
        )
    )


def emit_catalogue(session: Session, event: CatalogueEvent, now_ms: int) -> None:
    session.add(
        ChangeEvent(
            hall_code=None,
            kind=ChangeKind.CATALOGUE_PUBLISHED.value,
            body=event.model_dump(mode="json"),
            created_ms=now_ms,
        )
    )


def _parse_cursor(cursor: str | None, epoch: str) -> int:
    if not cursor:
        return 0
    cursor_epoch, _, seq = cursor.rpartition(".")
    if cursor_epoch != epoch:
        raise Refused(
            Refusal.CURSOR_INVALID,
            "the cursor is from another server epoch; re-pull from the start",
            epoch=epoch,
        )
    if not seq.isdigit() or len(seq) > 18:
        raise Refused(
            Refusal.CURSOR_INVALID, "malformed cursor; re-pull from the start", epoch=epoch
        )
    return int(seq)


def _change(row: ChangeEvent) -> Change:
    at = ms_to_datetime(row.created_ms)
    if row.kind == ChangeKind.CATALOGUE_PUBLISHED.value:
        return Change(
            seq=row.seq,
            kind=ChangeKind.CATALOGUE_PUBLISHED,
            at=at,
            catalogue=CatalogueEvent.model_validate(row.body),
        )
    return Change(
        seq=row.seq, kind=ChangeKind.CASE_STATUS, at=at, case=CaseEvent.model_validate(row.body)
    )


def read_changes(
    ctx: ServerContext, view: RequestView, cursor: str | None, limit: int | None
) -> ChangesPage:
    """The device's page of the feed. ``view``: its token check, which read the epoch and the
    feed's highest sequence in the same statement (the API's dependency, so a request without
    a valid token is answered 401 before its query parameters are judged)."""
    page = min(limit or ctx.settings.max_changes_page, ctx.settings.max_changes_page)
    hall_code = view.principal.hall_code
    assert hall_code is not None
    with ctx.db.read() as session:
        epoch = view.epoch
        if epoch is None:
            epoch = state_row(session, ctx.now_ms()).epoch
        after = _parse_cursor(cursor, epoch)
        if after > view.feed_top:
            raise Refused(
                Refusal.CURSOR_INVALID,
                "the cursor is ahead of the server's feed; re-pull from the start",
                epoch=epoch,
            )
        rows = list(
            session.scalars(
                select(ChangeEvent)
                .where(
                    ChangeEvent.seq > after,
                    or_(ChangeEvent.hall_code == hall_code, ChangeEvent.hall_code.is_(None)),
                )
                .order_by(ChangeEvent.seq)
                .limit(page + 1)
            )
        )
    more = len(rows) > page
    rows = rows[:page]
    last = rows[-1].seq if rows else after
    return ChangesPage(
        epoch=epoch,
        changes=[_change(r) for r in rows],
        next_cursor=f"{epoch}.{last}",
        has_more=more,
    )
