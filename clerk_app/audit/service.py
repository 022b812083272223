"""Appending to the audit trail, verifying it, reading it back, purging past retention.

A record is appended inside the caller's write transaction, so the action and its record commit
or roll back together. The head row is locked first (PostgreSQL; SQLite write transactions are
serial anyway), which keeps the chain a single line under concurrent writers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Permission, open_to_clerks, requires
from clerk_app.audit.chain import GENESIS, canonical_detail, record_hash
from clerk_app.audit.types import (
    SYSTEM,
    Actor,
    AuditAction,
    AuditEntry,
    Outcome,
    Problem,
    ProblemKind,
    VerifyReport,
)
from clerk_app.db.audit_models import AuditHead, AuditRecord
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database

if TYPE_CHECKING:
    from clerk_app.accounts.authz import Operator

log = logging.getLogger(__name__)

HEAD_ID = 1
MIN_RETENTION_DAYS = 180
DAY_MS = 86_400_000


class RetentionRefused(ValueError):  # noqa: N818 - an expected refusal with its reason
    pass


class AuditService:
    def __init__(self, db: Database, clock: Clock | None = None, *, key: bytes | None = None):
        self._db = db
        self._clock = clock or SystemClock()
        self._key = key

    def _gate(self) -> Gate:
        return Gate(self, self._db)

    # ---------------------------------------------------------------- writing
    @open_to_clerks  # every service records its users' actions
    def append(
        self,
        session: Session,
        action: AuditAction,
        actor: Actor = SYSTEM,
        *,
        outcome: Outcome = Outcome.OK,
        target_kind: str | None = None,
        target: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> int:
        """Add one record in ``session``'s write transaction; returns its number."""
        text = canonical_detail(detail)
        head = self._locked_head(session)
        seq = head.last_seq + 1
        record = AuditRecord(
            seq=seq,
            at_ms=self._clock.now_ms(),
            actor_id=actor.user_id,
            actor=actor.name,
            action=action.value,
            outcome=outcome.value,
            target_kind=target_kind,
            target=target,
            detail=text,
            prev_hash=head.last_hash,
        )
        record.hash = record_hash(self._key, record)
        session.add(record)
        head.last_seq, head.last_hash = seq, record.hash
        session.flush()
        return seq

    @open_to_clerks
    def record(
        self,
        action: AuditAction,
        actor: Actor = SYSTEM,
        *,
        outcome: Outcome = Outcome.OK,
        target_kind: str | None = None,
        target: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> int:
        """Append in a transaction of its own (for events with nothing else to write)."""
        return self._db.run_write(
            lambda s: self.append(
                s,
                action,
                actor,
                outcome=outcome,
                target_kind=target_kind,
                target=target,
                detail=detail,
            )
        )

    def _locked_head(self, session: Session) -> AuditHead:
        values = {
            "id": HEAD_ID,
            "last_seq": 0,
            "last_hash": GENESIS,
            "first_seq": 1,
            "anchor_hash": GENESIS,
        }
        insert = postgresql.insert if self._db.is_postgres else sqlite.insert
        session.execute(insert(AuditHead).values(**values).on_conflict_do_nothing())
        head = session.scalars(
            select(AuditHead).where(AuditHead.id == HEAD_ID).with_for_update()
        ).one()
        session.refresh(head)  # the row as locked, not a stale identity-map copy
        return head

    # ---------------------------------------------------------------- checking
    @open_to_clerks  # says whether the chain is intact, shows no record
    def verify(self, *, batch: int = 2000) -> VerifyReport:
        return self._db.run_read(lambda s: _verify(s, self._key, batch))

    # ---------------------------------------------------------------- reading
    @open_to_clerks
    def entries(self, from_ms: int, to_ms: int) -> list[AuditEntry]:
        """Records with ``from_ms <= at_ms < to_ms``, oldest first: for the services and the
        checks of this package; no screen or command shows them (taking them out of the system
        is :meth:`export`)."""

        def work(session: Session) -> list[AuditEntry]:
            rows = session.scalars(
                select(AuditRecord)
                .where(AuditRecord.at_ms >= from_ms, AuditRecord.at_ms < to_ms)
                .order_by(AuditRecord.seq)
            )
            return [_entry(r) for r in rows]

        return self._db.run_read(work)

    @requires(Permission.AUDIT_EXPORT)
    def export(self, from_ms: int, to_ms: int, by: Operator) -> list[AuditEntry]:
        """:meth:`entries` for taking out of the system: audit administrators only, and the
        export itself is recorded."""
        from clerk_app.accounts.authz import actor_of  # noqa: PLC0415 - builds on us

        found = self.entries(from_ms, to_ms)
        self.record(
            AuditAction.AUDIT_EXPORT,
            actor_of(by),
            detail={"from_ms": from_ms, "to_ms": to_ms, "records": len(found)},
        )
        return found

    # ---------------------------------------------------------------- retention
    @requires(Permission.AUDIT_PURGE)
    def purge(self, older_than_days: int, by: Operator, *, retention_days: int) -> int:
        """Delete records older than ``older_than_days`` (never under the retention period)."""
        from clerk_app.accounts.authz import actor_of  # noqa: PLC0415 - builds on us

        actor = actor_of(by)
        keep = max(retention_days, MIN_RETENTION_DAYS)
        if older_than_days < keep:
            raise RetentionRefused(f"audit records are kept at least {keep} days")
        cutoff = self._clock.now_ms() - older_than_days * DAY_MS

        def work(session: Session) -> int:
            head = self._locked_head(session)
            doomed = select(func.max(AuditRecord.seq)).where(
                AuditRecord.at_ms < cutoff, AuditRecord.seq < head.last_seq
            )
            last_doomed = session.execute(doomed).scalar()
            if last_doomed is None:
                purged = 0
            else:
                first_kept = session.scalars(
                    select(AuditRecord).where(AuditRecord.seq == last_doomed + 1)
                ).one()
                result = session.execute(delete(AuditRecord).where(AuditRecord.seq <= last_doomed))
                purged = cast("CursorResult[Any]", result).rowcount
                head.first_seq, head.anchor_hash = first_kept.seq, first_kept.prev_hash
            self.append(
                session,
                AuditAction.AUDIT_PURGE,
                actor,
                detail={"older_than_days": older_than_days, "purged": purged},
            )
            return purged

        return self._db.run_write(work)


def _entry(r: AuditRecord) -> AuditEntry:
    return AuditEntry(
        r.seq, r.at_ms, r.actor_id, r.actor, r.action, r.outcome, r.target_kind, r.target, r.detail
    )


def _records(session: Session, batch: int) -> Iterator[AuditRecord]:
    after = 0
    while True:
        rows = list(
            session.scalars(
                select(AuditRecord)
                .where(AuditRecord.seq > after)
                .order_by(AuditRecord.seq)
                .limit(batch)
            )
        )
        yield from rows
        if len(rows) < batch:
            return
        after = rows[-1].seq
        session.expunge_all()


def _verify(session: Session, key: bytes | None, batch: int) -> VerifyReport:
    head = session.get(AuditHead, HEAD_ID)
    problems: list[Problem] = []
    expected_seq = head.first_seq if head else 1
    expected_prev = head.anchor_hash if head else GENESIS
    checked, first, last = 0, None, None
    for r in _records(session, batch):
        checked += 1
        first = r.seq if first is None else first
        if r.seq != expected_seq:
            kind = ProblemKind.GAP if r.seq > expected_seq else ProblemKind.LINK_BROKEN
            problems.append(Problem(kind, r.seq, f"expected record {expected_seq}"))
        if r.prev_hash != expected_prev:
            problems.append(Problem(ProblemKind.LINK_BROKEN, r.seq, "does not link to the last"))
        if record_hash(key, r) != r.hash:
            problems.append(Problem(ProblemKind.EDITED, r.seq, "content does not match its hash"))
        expected_seq, expected_prev, last = r.seq + 1, r.hash, r.seq
    if head is None:
        if checked:
            problems.append(Problem(ProblemKind.HEAD_MISSING, None, "records but no head"))
    elif head.last_seq != (last or 0) or (last is not None and head.last_hash != expected_prev):
        problems.append(
            Problem(
                ProblemKind.TAIL_MISSING,
                last,
                f"the head names record {head.last_seq}, the last found is {last or 0}",
            )
        )
    if problems:
        log.warning("audit trail verification found %d problems", len(problems))
    return VerifyReport(checked, first, last, tuple(problems))
