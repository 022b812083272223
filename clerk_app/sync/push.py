"""Push the outbox: per case in sequence order, in batches, blobs first; apply the results.

Ordering holds per case only: a case's next operation waits until the one before it is
acknowledged, and a case whose head operation needs attention is skipped, so one stuck case
never blocks the others (docs/sync-rules.md). Each batch's results are applied in one local
transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clerk_app.audit.service import AuditService
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.sync import blobs as blob_upload
from clerk_app.sync.client import ErrorKind, SyncError, Transport, parse
from clerk_app.sync.payload import HALL_TZ, schema_version, to_wire
from clerk_app.sync.trail import LOCAL_BLOB_MISSING, Parked, record_parked
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import Clock
from onewindow_base.crashpoint import crashpoint
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.wire.ops import BatchResult, OperationResult, ResultStatus

log = logging.getLogger(__name__)

PENDING, ACKED, NEEDS_ATTENTION = "pending", "acked", "needs_attention"
MAX_BATCH = 50
MISSING_BLOB_RETRIES = 2  # then the operation waits for the next cycle
MAX_ROUNDS = 1000  # a guard: each round acknowledges or parks at least one operation


@dataclass
class PushReport:
    pushed: int = 0  # acknowledged now (applied or duplicate)
    attention: int = 0  # moved to needs attention now
    codes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Op:
    seq: int
    op_id: str
    kind: str
    case_uuid: str | None
    blobs: tuple[str, ...]
    wire: dict[str, Any]


def ready(session: Session, protector: PersonalDataProtector, now_ms: int) -> list[_Op]:
    """The head operation of every case that can move, in sequence order."""
    rows = session.execute(
        select(
            OutboxOperation.seq,
            OutboxOperation.op_id,
            OutboxOperation.kind,
            OutboxOperation.case_uuid,
            OutboxOperation.state,
            OutboxOperation.next_attempt_ms,
            OutboxOperation.blobs,
            OutboxOperation.payload_enc,
            OutboxOperation.created_ms,
        )
        .where(OutboxOperation.state != ACKED)
        .order_by(OutboxOperation.seq)
    ).all()
    seen: set[str] = set()
    out: list[_Op] = []
    for r in rows:
        key = r.case_uuid or r.op_id
        if key in seen:
            continue  # a later operation of a case whose head is still unacknowledged
        seen.add(key)
        if r.state != PENDING or r.next_attempt_ms > now_ms:
            continue
        stored = json.loads(protector.decrypt(r.payload_enc, context=OUTBOX))
        envelope = {
            "op_id": r.op_id,
            "device_seq": r.seq,
            "kind": r.kind,
            "schema_version": schema_version(r.kind, stored),
            "created_at": dt.datetime.fromtimestamp(r.created_ms / 1000, HALL_TZ).isoformat(),
            "payload": to_wire(r.kind, stored, r.created_ms),
        }
        out.append(_Op(r.seq, r.op_id, r.kind, r.case_uuid, tuple(json.loads(r.blobs)), envelope))
    return out


def _apply(
    session: Session,
    batch: list[_Op],
    results: list[OperationResult],
    now: int,
    audit: AuditService,
) -> None:
    """The batch's results, and an audit record of each conflict and rejection, together."""
    parked: list[Parked] = []
    for op, result in zip(batch, results, strict=True):
        values: dict[str, Any] = {"attempts": OutboxOperation.attempts + 1}
        if result.status in (ResultStatus.APPLIED, ResultStatus.DUPLICATE):
            values |= {"state": ACKED, "acked_ms": now, "last_error": None}
        elif result.status is ResultStatus.MISSING_BLOB:
            values |= {"last_error": "missing_blob: " + ",".join(result.missing_blobs)}
        else:
            values |= {
                "state": NEEDS_ATTENTION,
                "last_error": f"{result.status.value}/{result.code}: {result.message or ''}",
            }
            parked.append(Parked(op.seq, op.kind, op.case_uuid, result.status.value, result.code))
        values["result"] = result.model_dump_json()
        session.execute(
            update(OutboxOperation).where(OutboxOperation.seq == op.seq).values(**values)
        )
    record_parked(audit, session, parked)


class Pusher:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        store: BlobStore,
        clock: Clock,
        *,
        chunk_bytes: int = blob_upload.DEFAULT_CHUNK,
    ) -> None:
        self.db = db
        self.protector = protector
        self.store = store
        self.clock = clock
        self.chunk_bytes = chunk_bytes
        self.audit = AuditService(db, clock)

    def _upload(self, t: Transport, shas: list[str], known: set[str]) -> None:
        for sha in shas:
            if sha in known:
                continue
            blob_upload.upload(t, self.store, sha, chunk_bytes=self.chunk_bytes)
            known.add(sha)

    def _post(self, t: Transport, batch: list[_Op]) -> list[tuple[list[_Op], BatchResult]]:
        """Post ``batch``, halving it on 413 until the server takes it."""
        try:
            reply = t.request(
                "POST", paths.OPERATIONS, json={"operations": [o.wire for o in batch]}
            )
        except SyncError as error:
            if error.status == 413 and len(batch) > 1:
                half = len(batch) // 2
                return self._post(t, batch[:half]) + self._post(t, batch[half:])
            raise
        result = parse(BatchResult, reply)
        if [str(r.op_id) for r in result.results] != [o.op_id for o in batch]:
            raise SyncError(
                ErrorKind.RETRYABLE,
                "the server's results do not match the batch",
                code="invalid_reply",
            )
        return [(batch, result)]

    def _park_missing_local_blobs(self, ops: list[_Op], report: PushReport) -> list[_Op]:
        """An operation whose scan is gone from this PC cannot be sent: it needs attention
        (blocking only its case) instead of failing every cycle."""
        keep: list[_Op] = []
        parked: list[tuple[_Op, str]] = []
        for op in ops:
            missing = [sha for sha in op.blobs if not self.store.exists(sha)]
            if missing:
                parked.append((op, f"{LOCAL_BLOB_MISSING}: " + ",".join(missing)))
            else:
                keep.append(op)
        if parked:

            def work(session: Session) -> None:
                for op, error in parked:
                    session.execute(
                        update(OutboxOperation)
                        .where(OutboxOperation.seq == op.seq)
                        .values(state=NEEDS_ATTENTION, last_error=error)
                    )
                record_parked(
                    self.audit,
                    session,
                    (
                        Parked(op.seq, op.kind, op.case_uuid, LOCAL_BLOB_MISSING, None)
                        for op, _ in parked
                    ),
                )

            self.db.run_write(work)
            report.attention += len(parked)
            report.codes[LOCAL_BLOB_MISSING] = len(parked)
            log.warning("%d operations wait for scans missing on this PC", len(parked))
        return keep

    def _record(self, batch: list[_Op], result: BatchResult) -> None:
        now = self.clock.now_ms()
        self.db.run_write(lambda session: _apply(session, batch, result.results, now, self.audit))

    def push(self, t: Transport, *, max_batch: int = MAX_BATCH) -> PushReport:
        report = PushReport()
        known: set[str] = set()
        retried: dict[object, int] = {}  # missing_blob answers per operation in this push
        for _round in range(MAX_ROUNDS):
            ops = self.db.run_read(lambda s: ready(s, self.protector, self.clock.now_ms()))
            if not ops:
                break
            sendable = self._park_missing_local_blobs(ops, report)
            progressed = len(sendable) < len(ops)
            ops = sendable
            for start in range(0, len(ops), max_batch):
                batch = ops[start : start + max_batch]
                self._upload(t, sorted({b for o in batch for b in o.blobs}), known)
                for sent, result in self._post(t, batch):
                    crashpoint("push.after_ack")
                    self._record(sent, result)
                    for r in result.results:
                        if r.status in (ResultStatus.APPLIED, ResultStatus.DUPLICATE):
                            report.pushed += 1
                            progressed = True
                        elif r.status is ResultStatus.MISSING_BLOB:
                            known.difference_update(r.missing_blobs)
                            self._upload(t, r.missing_blobs, known)
                            retried[r.op_id] = retried.get(r.op_id, 0) + 1
                            progressed = progressed or retried[r.op_id] <= MISSING_BLOB_RETRIES
                        else:
                            report.attention += 1
                            progressed = True
                            key = f"{r.status.value}/{r.code}"
                            report.codes[key] = report.codes.get(key, 0) + 1
            if not progressed:
                break
        return report
