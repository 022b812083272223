"""Batched, idempotent operations with one result each.

Each operation runs in its own savepoint inside the batch's transaction, and an applied one
writes its ``operation`` row (id, payload hash, result) in that same savepoint as its effect, so
"applied" and "recorded" cannot part. Replaying an id gives ``duplicate`` with the first result
when the payload hash matches, ``conflict`` when it does not (nothing is overwritten). Only
applied operations are recorded: a ``rejected`` or ``missing_blob`` one changed nothing, and
sending it again is evaluated afresh. The payload hash is the SHA-256 of the canonical JSON of
``{"kind", "schema_version", "payload"}``.

Unique constraints are the backstop: a clash that slips past the checks (two transactions at
once) surfaces as an IntegrityError, the savepoint is rolled back and the operation is judged
again against what the other transaction committed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Case, Device, Operation
from central_server.services import blobs
from central_server.services.appointments import APPOINTMENT_PAYLOADS, apply_appointment
from central_server.services.auth import Principal
from central_server.services.changes import lock_feed
from central_server.services.common import canonical_json, ms_to_datetime, sha256_text
from central_server.services.epoch import EpochGuard, GuardMark, guard_mark
from central_server.services.errors import Refusal, Refused
from central_server.services.intake import Apply, Outcome, apply, conflict, rejected
from central_server.services.notifications import NOTIFY_PAYLOADS, apply_notification
from onewindow_protocol.wire.ops import (
    PAYLOADS,
    BatchResult,
    OperationBatch,
    OperationIn,
    OperationResult,
    ResultStatus,
)

log = logging.getLogger(__name__)

MAX_ERRORS_SHOWN = 5


def payload_hash(op: OperationIn) -> str:
    body = {"kind": op.kind.value, "schema_version": op.schema_version, "payload": op.payload}
    return sha256_text(canonical_json(body))


def _validation_message(exc: ValidationError) -> str:
    """Field paths and reasons only: the offending values may be personal data."""
    parts = [
        f"{'.'.join(str(p) for p in err['loc']) or 'payload'}: {err['msg']}"
        for err in exc.errors()[:MAX_ERRORS_SHOWN]
    ]
    more = exc.error_count() - MAX_ERRORS_SHOWN
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")


def _not_applied(op: OperationIn, outcome: Outcome) -> OperationResult:
    return OperationResult(
        op_id=op.op_id,
        status=outcome.status,
        code=outcome.code,
        message=outcome.message,
        missing_blobs=outcome.missing,
    )


def _replay(recorded: Operation, op: OperationIn, device_id: str, digest: str) -> OperationResult:
    if recorded.device_id != device_id:
        return _not_applied(
            op, conflict("operation_id_reused", "another device applied this operation id")
        )
    if recorded.payload_hash != digest:
        return _not_applied(
            op,
            conflict(
                "payload_mismatch",
                "this operation id was applied with a different payload; nothing was overwritten",
            ),
        )
    original = OperationResult.model_validate(recorded.result)
    return original.model_copy(
        update={"status": ResultStatus.DUPLICATE, "original_status": original.status}
    )


class OperationService:
    def __init__(
        self, ctx: ServerContext, guard: EpochGuard, kick: Callable[[], None] = lambda: None
    ) -> None:
        """``kick``: tell the message dispatcher that a batch may have queued a message."""
        self.ctx = ctx
        self.guard = guard
        self.kick = kick

    def push(self, principal: Principal, batch: OperationBatch) -> BatchResult:
        limit = self.ctx.settings.max_batch
        if len(batch.operations) > limit:
            raise Refused(
                Refusal.BATCH_TOO_LARGE,
                f"at most {limit} operations per batch",
                max_batch=limit,
            )
        assert principal.device_id is not None
        assert principal.hall_code is not None

        def work(session: Session) -> tuple[list[OperationResult], GuardMark | None]:
            lock_feed(session)
            now = self.ctx.now_ms()
            apply_ctx = Apply(
                session=session,
                device_id=principal.device_id or "",
                hall_code=principal.hall_code or "",
                now_ms=now,
                blob_stored=lambda s, sha: blobs.is_stored(s, self.ctx, sha),
            )
            results = [self._one(apply_ctx, op) for op in batch.operations]
            if self.ctx.settings.slow_ms:
                log.info(
                    "holding the batch %d ms before committing (slow_ms)", self.ctx.settings.slow_ms
                )
                time.sleep(self.ctx.settings.slow_ms / 1000)
            applied = any(r.status is ResultStatus.APPLIED for r in results)
            # The epoch guard's new mark, read in this transaction (one statement, no second
            # transaction); it counts this batch's rows, so it is written only after COMMIT.
            return results, guard_mark(session) if applied else None

        results, mark = self.ctx.db.run_write(work)
        self.guard.record_mark(mark)
        for r in results:
            log.info("operation %s: %s %s", r.op_id, r.status.value, r.code or "")
        if any(r.status is ResultStatus.APPLIED for r in results):
            self.kick()  # a turn-near message goes out at once, without this request waiting
        return BatchResult(results=results, server_time=ms_to_datetime(self.ctx.now_ms()))

    def _one(self, a: Apply, op: OperationIn) -> OperationResult:
        digest = payload_hash(op)
        recorded = a.session.scalar(select(Operation).where(Operation.op_id == str(op.op_id)))
        if recorded is not None:
            return _replay(recorded, op, a.device_id, digest)
        model = PAYLOADS.get((op.kind, op.schema_version))
        if model is None:
            return _not_applied(
                op,
                rejected(
                    "unsupported_schema_version",
                    f"{op.kind.value} has no payload schema version {op.schema_version}",
                ),
            )
        try:
            payload = model.model_validate(op.payload)
        except ValidationError as exc:
            return _not_applied(op, rejected("invalid_payload", _validation_message(exc)))
        savepoint = a.session.begin_nested()
        try:
            result = self._apply(a, op, digest, payload)
        except Outcome as outcome:
            savepoint.rollback()
            return _not_applied(op, outcome)
        except IntegrityError as exc:
            savepoint.rollback()
            return self._after_clash(a, op, digest, exc)
        savepoint.commit()
        return result

    def _apply(self, a: Apply, op: OperationIn, digest: str, payload: BaseModel) -> OperationResult:
        seq_holder = a.session.scalar(
            select(Operation.op_id).where(
                Operation.device_id == a.device_id, Operation.device_seq == op.device_seq
            )
        )
        if seq_holder is not None:
            raise conflict(
                "device_sequence_reused",
                f"device sequence {op.device_seq} was used by another operation (a copied or "
                "restored device database?); continue above hello's last_device_seq",
            )
        row = Operation(
            op_id=str(op.op_id),
            device_id=a.device_id,
            device_seq=op.device_seq,
            kind=op.kind.value,
            payload_hash=digest,
            result={},
            applied_ms=a.now_ms,
        )
        a.session.add(row)
        a.session.flush()
        case = None
        if isinstance(payload, APPOINTMENT_PAYLOADS):
            apply_appointment(a, payload)
        elif isinstance(payload, NOTIFY_PAYLOADS):
            apply_notification(a, self.ctx, payload)
        else:
            case = apply(a, op.kind, payload)
        result = OperationResult(
            op_id=op.op_id,
            status=ResultStatus.APPLIED,
            applied_at=ms_to_datetime(a.now_ms),
            case=case,
        )
        row.result = result.model_dump(mode="json")
        device = a.session.get(Device, a.device_id)
        if device is not None and op.device_seq > device.last_seq:
            device.last_seq = op.device_seq
        a.session.flush()
        return result

    def _after_clash(
        self, a: Apply, op: OperationIn, digest: str, exc: IntegrityError
    ) -> OperationResult:
        recorded = a.session.scalar(select(Operation).where(Operation.op_id == str(op.op_id)))
        if recorded is not None:
            return _replay(recorded, op, a.device_id, digest)
        case_no = op.payload.get("case_no")
        case_id = op.payload.get("case_id")
        holder = a.session.scalar(select(Case.id).where(Case.case_no == case_no))
        if holder is not None and holder != str(case_id):
            return _not_applied(
                op, conflict("case_number_taken", f"case number {case_no} belongs to another case")
            )
        if case_id is not None and a.session.get(Case, str(case_id)) is not None:
            return _not_applied(op, conflict("case_exists", "the case was received meanwhile"))
        seq_holder = a.session.scalar(
            select(Operation.op_id).where(
                Operation.device_id == a.device_id, Operation.device_seq == op.device_seq
            )
        )
        if seq_holder is not None:
            return _not_applied(
                op, conflict("device_sequence_reused", "device sequence used by another operation")
            )
        raise exc
