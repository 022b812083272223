"""Delivery reports (回执) from the province's SMS platform.

The platform posts a batch of reports to ``POST /v1/gateway/sms/receipts``, signed with the
secret the server shares with it (``sms_secret``, the one it sends with): the header
``X-OneWindow-Timestamp`` (Unix seconds) and ``X-OneWindow-Signature`` =
``hex(HMAC-SHA256(secret, timestamp + "." + raw body))``. A signature that does not match, or
a timestamp more than ``sms_receipt_skew_s`` from the server's clock (a replayed request), is
refused before the body is read for anything.

Each report is applied on its own and says what became of it. It is idempotent (the same
report twice is one ``duplicate``) and safe out of order: the status follows the report with
the latest ``reported_at``, and a report older than that is kept in the message's history as
``stale`` without changing it. A report can arrive before the gateway's reply to the send was
recorded (the platform is fast, the reply slow): the message takes the report's status, and
the reply only fills in the attempt.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Message, MessageEvent
from central_server.services.errors import Refusal, Refused
from central_server.services.notifications import GATEWAY, add_event
from onewindow_protocol.wire.notifications import (
    DeliveryReport,
    DeliveryReports,
    MessageStatus,
    ReceiptOutcome,
    ReceiptReply,
    ReceiptResult,
)

log = logging.getLogger(__name__)

TIMESTAMP_HEADER = "X-OneWindow-Timestamp"
SIGNATURE_HEADER = "X-OneWindow-Signature"
MAX_BODY_BYTES = 512 * 1024  # read before the signature is checked: bounded


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """What the platform sends in ``X-OneWindow-Signature``."""
    message = timestamp.encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(ctx: ServerContext, timestamp: str | None, sent: str | None, body: bytes) -> None:
    """Refused unless the request carries a fresh, matching signature."""
    secret = ctx.settings.sms_secret
    if not secret:
        raise Refused(
            Refusal.NOT_ALLOWED,
            "delivery reports need the gateway's shared secret (CENTRAL_SERVER_SMS_SECRET)",
        )
    if not timestamp or not sent or not timestamp.isascii() or not timestamp.isdigit():
        raise Refused(Refusal.SIGNATURE_INVALID, f"send {TIMESTAMP_HEADER} and {SIGNATURE_HEADER}")
    if not hmac.compare_digest(signature(secret, timestamp, body), sent.strip().lower()):
        raise Refused(Refusal.SIGNATURE_INVALID, "the signature does not match the body")
    skew = abs(ctx.now_ms() // 1000 - int(timestamp))
    if skew > ctx.settings.sms_receipt_skew_s:
        raise Refused(
            Refusal.SIGNATURE_INVALID,
            f"the timestamp is {skew} s from the server's clock (a replay, or a clock to set)",
        )


def parse(body: bytes) -> DeliveryReports:
    """The batch, or 422 naming what is wrong where (never the values)."""
    try:
        return DeliveryReports.model_validate_json(body)
    except ValidationError as exc:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        raise Refused(
            Refusal.INVALID_REQUEST,
            'not a delivery report batch: expected {"reports": [{"request_id" or "id", '
            '"status": "delivered"|"failed", "code", "reported_at"}]}',
            errors=errors,
        ) from None


def _message(session: Session, report: DeliveryReport) -> Message | None:
    if report.request_id is not None:
        row = session.get(Message, str(report.request_id), with_for_update=True)
        if row is not None:
            return row
    if report.id is not None:
        return session.scalars(
            select(Message).where(Message.gateway_id == report.id).with_for_update()
        ).first()
    return None


def _apply(session: Session, report: DeliveryReport, now: int) -> ReceiptResult:
    row = _message(session, report)
    if row is None:
        return ReceiptResult.UNKNOWN
    at = int(report.reported_at.timestamp() * 1000)
    status = MessageStatus(report.status.value)
    seen = session.scalar(
        select(MessageEvent.seq).where(
            MessageEvent.message_id == row.id,
            MessageEvent.source == GATEWAY,
            MessageEvent.status == status.value,
            MessageEvent.at_ms == at,
            MessageEvent.code.is_(None)
            if report.code is None
            else MessageEvent.code == report.code,
        )
    )
    if seen is not None:
        return ReceiptResult.DUPLICATE
    add_event(session, row.id, status, at, source=GATEWAY, code=report.code, recorded_ms=now)
    if row.receipt_ms is not None and at <= row.receipt_ms:
        return ReceiptResult.STALE
    row.status, row.delivery_code, row.receipt_ms = status.value, report.code, at
    row.gateway_id = row.gateway_id or report.id
    row.error = None if status is MessageStatus.DELIVERED else f"not delivered: {report.code}"
    row.updated_ms = now
    return ReceiptResult.APPLIED


def apply_reports(ctx: ServerContext, batch: DeliveryReports) -> ReceiptReply:
    now = ctx.now_ms()

    def work(session: Session) -> list[ReceiptResult]:
        results = []
        for report in batch.reports:
            results.append(_apply(session, report, now))
            session.flush()  # a report twice in one batch is a duplicate
        return results

    results = ctx.db.run_write(work)
    for report, result in zip(batch.reports, results, strict=True):
        log.info("delivery report %s: %s %s", report.request_id or report.id, report.status, result)
    return ReceiptReply(
        results=[
            ReceiptOutcome(id=r.id, request_id=r.request_id, result=result)
            for r, result in zip(batch.reports, results, strict=True)
        ]
    )


def mark_delivered(ctx: ServerContext, gateway_id: str) -> bool:
    """A delivery receipt relayed by the back office; False when no sent message has that id."""
    now = ctx.now_ms()

    def work(session: Session) -> bool:
        row = session.scalar(select(Message).where(Message.gateway_id == gateway_id))
        if row is None or row.status != MessageStatus.SENT.value:
            return False
        add_event(session, row.id, MessageStatus.DELIVERED, now, source=GATEWAY)
        row.status, row.updated_ms, row.receipt_ms = MessageStatus.DELIVERED.value, now, now
        return True

    return ctx.db.run_write(work)
