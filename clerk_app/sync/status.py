"""What the app shows of sync: a plain snapshot of the link and the outbox, the unacknowledged
operations for the sync panel, and putting an operation that needs attention back in line.

The snapshot is read from the database (``sync_state`` and the outbox), so every window of the
hall database sees the same figures, whichever process ran the last cycle. ``SYNCING`` is never
read from the database: the app sets it on its copy while its own cycle runs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Operator, actor_of, open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.sync_models import OutboxOperation
from clerk_app.licences.checks import FailedCheck, unacknowledged_failures
from clerk_app.licences.checks import counts as licence_counts
from clerk_app.sync import state, trail
from clerk_app.sync.engine import SKEW_WARN_MS
from clerk_app.sync.push import ACKED, NEEDS_ATTENTION, PENDING
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database

MAX_ITEMS = 500  # the panel lists at most this many operations (the counts are exact)


class Link(enum.StrEnum):
    NOT_ENROLLED = "not_enrolled"  # this counter has no central server
    UNKNOWN = "unknown"  # enrolled, no cycle has finished yet
    ONLINE = "online"  # the last cycle reached the server
    OFFLINE = "offline"  # the last cycle failed; work waits in the outbox
    SYNCING = "syncing"  # a cycle of this app is running now


class ItemState(enum.StrEnum):
    PENDING = "pending"  # waiting for the next cycle
    FAILED = "failed"  # still pending, its last attempt failed (it is retried)
    NEEDS_ATTENTION = "needs_attention"  # rejected, conflicting or its scan missing: parked


@dataclass(frozen=True, slots=True)
class SyncSnapshot:
    link: Link
    server_url: str | None
    pending: int  # unacknowledged operations that will be sent (failed ones included)
    failed: int  # of those, the ones whose last attempt failed
    attention: int  # parked operations needing a person
    last_success_ms: int | None
    last_error: str | None
    skew_ms: int | None  # the server's clock minus this PC's, at the last hello
    backoff_until_ms: int
    last_error_code: str | None = None  # see SyncState.last_error_code
    licence_failures: int = (
        0  # typed e-licence numbers the registry did not confirm, unacknowledged
    )

    @property
    def skew_warning(self) -> bool:
        return self.skew_ms is not None and abs(self.skew_ms) > SKEW_WARN_MS


@dataclass(frozen=True, slots=True)
class OutboxItem:
    seq: int
    kind: str  # the operation, e.g. case.accept
    case_number: str | None
    state: ItemState
    attempts: int
    created_ms: int
    reason: str | None  # the server's result code and message, or the local reason


def _link(row: state.SyncStatus) -> Link:
    if not row.enrolled:
        return Link.NOT_ENROLLED
    if row.last_error is not None:
        return Link.OFFLINE
    return Link.ONLINE if row.last_success_ms is not None else Link.UNKNOWN


def snapshot(session: Session) -> SyncSnapshot:
    row = state.status(session)
    counted = session.execute(
        select(
            OutboxOperation.state,
            OutboxOperation.last_error.is_not(None),
            func.count(),
        )
        .where(OutboxOperation.state != ACKED)
        .group_by(OutboxOperation.state, OutboxOperation.last_error.is_not(None))
    ).all()
    pending = sum(int(n) for st, _err, n in counted if st == PENDING)
    failed = sum(int(n) for st, err, n in counted if st == PENDING and err)
    attention = sum(int(n) for st, _err, n in counted if st == NEEDS_ATTENTION)
    _waiting, licence_failures = licence_counts(session)
    return SyncSnapshot(
        link=_link(row),
        server_url=row.server_url,
        pending=pending,
        failed=failed,
        attention=attention,
        last_success_ms=row.last_success_ms,
        last_error=row.last_error,
        skew_ms=row.skew_ms,
        backoff_until_ms=row.backoff_until_ms,
        last_error_code=row.last_error_code,
        licence_failures=licence_failures,
    )


def _item_state(op_state: str, last_error: str | None) -> ItemState:
    if op_state == NEEDS_ATTENTION:
        return ItemState.NEEDS_ATTENTION
    return ItemState.FAILED if last_error else ItemState.PENDING


def outbox_items(session: Session, limit: int = MAX_ITEMS) -> tuple[OutboxItem, ...]:
    """Unacknowledged operations, those needing attention first, then in sequence order."""
    rows = session.execute(
        select(
            OutboxOperation.seq,
            OutboxOperation.kind,
            IntakeCase.case_number,
            OutboxOperation.state,
            OutboxOperation.attempts,
            OutboxOperation.created_ms,
            OutboxOperation.last_error,
        )
        .outerjoin(IntakeCase, IntakeCase.case_uuid == OutboxOperation.case_uuid)
        .where(OutboxOperation.state != ACKED)
        .order_by((OutboxOperation.state == NEEDS_ATTENTION).desc(), OutboxOperation.seq)
        .limit(limit)
    ).all()
    return tuple(
        OutboxItem(
            seq=r.seq,
            kind=r.kind,
            case_number=r.case_number,
            state=_item_state(r.state, r.last_error),
            attempts=r.attempts,
            created_ms=r.created_ms,
            reason=r.last_error,
        )
        for r in rows
    )


class SyncMonitor:
    """The app's read side of sync, and the one write it offers: retrying a parked operation."""

    def __init__(
        self, db: Database, *, clock: Clock | None = None, hall_id: int | None = None
    ) -> None:
        self.db = db
        self._audit = AuditService(db, clock)
        self._hall_id = hall_id

    @open_to_clerks
    def licence_failures(self) -> tuple[FailedCheck, ...]:
        """The hall's failed e-licence verifications nobody acknowledged: the clerk continues
        the case (the material is then missing again); the supervisor acknowledges them."""
        return tuple(self.db.run_read(lambda s: unacknowledged_failures(s, self._hall_id)))

    @open_to_clerks
    def snapshot(self) -> SyncSnapshot:
        return self.db.run_read(snapshot)

    @open_to_clerks
    def items(self) -> tuple[OutboxItem, ...]:
        return self.db.run_read(outbox_items)

    @open_to_clerks
    def retry(self, seq: int, by: Operator) -> bool:
        """Put an operation that needs attention back in line for the next cycle (after the
        cause was fixed: a scan restored, the server's data corrected). The same operation id
        is sent again, so the server still answers ``duplicate`` if it had applied it. False
        when the operation is not parked (acknowledged or already pending meanwhile). The
        retry is an audit record of ``by``, committed with it."""

        def work(session: Session) -> bool:
            parked = session.execute(
                select(OutboxOperation.kind, OutboxOperation.case_uuid, OutboxOperation.last_error)
                .where(OutboxOperation.seq == seq, OutboxOperation.state == NEEDS_ATTENTION)
                .with_for_update()
            ).first()
            if parked is None:
                return False
            done = session.execute(
                update(OutboxOperation)
                .where(OutboxOperation.seq == seq, OutboxOperation.state == NEEDS_ATTENTION)
                .values(state=PENDING, next_attempt_ms=0)
            )
            if not getattr(done, "rowcount", 0):
                return False
            trail.record_retry(
                self._audit,
                session,
                actor_of(by),
                seq=seq,
                kind=parked.kind,
                case_uuid=parked.case_uuid,
                last_error=parked.last_error,
            )
            return True

        return self.db.run_write(work)
