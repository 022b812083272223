"""Sending the queued text messages: one background dispatcher per server process.

A message is a ``notify_message`` row queued in the transaction of what caused it; no request
sends anything. Each server process runs one :class:`Dispatcher` thread (started and stopped
in the app's lifespan) that sends the due messages and the retries as they fall due; a request
that queued a message only kicks it, so it goes out at once without the request waiting for
the gateway.

Several processes (``serve --workers N``) on one database never send a message twice: a
dispatcher *claims* a due message before sending it. On PostgreSQL the claim selects with
``FOR UPDATE SKIP LOCKED`` (two dispatchers pass each other instead of waiting) and is one
conditional UPDATE on the row (still ``queued``, still due); SQLite has one writer at a time
(``BEGIN IMMEDIATE``), and the same conditional UPDATE. A claim is a lease: it moves
``next_attempt_ms`` ``sms_lease_s`` ahead and stamps a ``claim_id``. A dispatcher that dies
after claiming loses nothing: when the lease runs out the message is due again and another
dispatcher sends it. The outcome is recorded only under the claim that sent it, so a late
answer of a dispatcher whose lease ran out changes nothing.

The gateway is called outside any transaction; the phone is decrypted only to hand it to the
gateway and never logged.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Message
from central_server.services.notifications import PHONE, Gateway, Sent, add_event, gateway_for
from onewindow_base.clock import MovableClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_protocol.wire.notifications import MessageStatus, Template

log = logging.getLogger(__name__)

MAX_PER_PASS = 500  # a pass ends after this many, and the next starts at once
STOP_TIMEOUT_S = 30.0
MIN_WAIT_S = 0.05


@dataclass(frozen=True, slots=True)
class Claimed:
    id: str
    claim_id: str
    phone_enc: str
    template: Template
    params: dict[str, Any]
    attempts: int


def claim(ctx: ServerContext) -> Claimed | None:
    """The oldest due message, leased to the caller; None when nothing is due."""
    now = ctx.now_ms()
    due = (Message.status == MessageStatus.QUEUED.value, Message.next_attempt_ms <= now)

    def work(session: Session) -> Claimed | None:
        row = session.scalars(
            select(Message)
            .where(*due)
            .order_by(Message.next_attempt_ms, Message.created_ms, Message.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        if row is None:
            return None
        claim_id = str(uuid.uuid4())
        taken = session.execute(
            update(Message)
            .where(Message.id == row.id, *due)
            .values(claim_id=claim_id, next_attempt_ms=now + ctx.settings.sms_lease_s * 1000)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            return None
        return Claimed(
            row.id, claim_id, row.phone_enc, Template(row.template), dict(row.params), row.attempts
        )

    return ctx.db.run_write(work)


def record(ctx: ServerContext, claimed: Claimed, sent: Sent) -> bool:
    """The gateway's answer, under the claim that sent it; False when the claim was lost (the
    lease ran out and another dispatcher claimed the message)."""
    now = ctx.now_ms()
    s = ctx.settings

    def work(session: Session) -> bool:
        row = session.get(Message, claimed.id, with_for_update=True)
        if row is None or row.claim_id != claimed.claim_id:
            return False
        row.claim_id = None
        row.attempts = claimed.attempts + 1
        row.updated_ms = now
        row.error = sent.error[:200] if sent.error else None
        if sent.gateway_id is not None:
            row.gateway_id = row.gateway_id or sent.gateway_id
            status = MessageStatus.SENT
        elif sent.retry and row.attempts < s.sms_max_attempts:
            row.next_attempt_ms = now + s.sms_retry_s * 1000 * row.attempts
            status = MessageStatus.QUEUED
        else:
            status = MessageStatus.FAILED
        add_event(session, row.id, status, now, detail=sent.error or sent.gateway_id)
        if row.receipt_ms is None:  # a delivery report that came first keeps its status
            row.status = status.value
        return True

    return ctx.db.run_write(work)


def send_one(ctx: ServerContext, gateway: Gateway, cipher: PersonalDataCipher) -> bool | None:
    """Claim, send and record one message: None when nothing was due, else whether the gateway
    took it."""
    claimed = claim(ctx)
    if claimed is None:
        return None
    phone = cipher.decrypt(claimed.phone_enc, context=PHONE)
    sent = gateway.send(claimed.id, phone, claimed.template, claimed.params)
    kept = record(ctx, claimed, sent)
    outcome = "sent" if sent.gateway_id else (sent.error or "failed")
    log.info("message %s (%s): %s", claimed.id, claimed.template.value, outcome)
    if not kept:
        log.info("message %s: its claim had run out; the newer claim's outcome stands", claimed.id)
    return sent.gateway_id is not None


def dispatch(
    ctx: ServerContext,
    gateway: Gateway | None = None,
    *,
    keep_going: Callable[[], bool] = lambda: True,
) -> int:
    """One pass: send the due messages until none is left; the number the gateway took."""
    gateway = gateway or gateway_for(ctx)
    cipher = PersonalDataCipher(ctx.blobs.ring)
    taken = 0
    for _ in range(MAX_PER_PASS):
        outcome = send_one(ctx, gateway, cipher)
        if outcome is None:
            break
        taken += outcome
        if not keep_going():
            break
    return taken


def next_due_ms(ctx: ServerContext) -> int | None:
    """When the next queued message falls due (a lease's end included); None when none is."""
    with ctx.db.read() as session:
        due = session.scalar(
            select(func.min(Message.next_attempt_ms)).where(
                Message.status == MessageStatus.QUEUED.value
            )
        )
    return None if due is None else int(due)


class Dispatcher:
    """The process's sending thread: a pass when kicked, when the next message falls due, and
    at least every ``sms_poll_s`` (messages queued by another process, or by the CLI).

    A test clock that moves (:class:`onewindow_base.clock.MovableClock`) kicks it, so a retry
    falls due when the test advances the clock, with no request."""

    def __init__(self, ctx: ServerContext, gateway: Gateway | None = None) -> None:
        self.ctx = ctx
        self._gateway = gateway
        self._cond = threading.Condition()
        self._requested = 0  # passes asked for
        self._started = 0  # the request count when the current or last pass began
        self._done = 0  # the request count when the last pass began, once it ended
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._unwatch: Callable[[], None] | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="message-dispatcher", daemon=True)
        self._thread.start()
        if isinstance(self.ctx.clock, MovableClock):
            self._unwatch = self.ctx.clock.on_move(self.kick)

    def stop(self) -> None:
        if self._unwatch is not None:
            self._unwatch()
            self._unwatch = None
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT_S)
            self._thread = None

    def kick(self) -> None:
        """Send what is due now (a request queued a message, or the clock moved)."""
        with self._cond:
            self._requested += 1
            self._cond.notify_all()

    def settle(self, timeout_s: float = STOP_TIMEOUT_S) -> bool:
        """Kick, and wait until a pass begun after the kick has ended (tests, ops): every
        message due now was tried. False on timeout or when the dispatcher is not running."""
        with self._cond:
            self._requested += 1
            target = self._requested
            self._cond.notify_all()
            if self._thread is None:
                return False
            return self._cond.wait_for(lambda: self._done >= target, timeout_s)

    def _run(self) -> None:
        gateway = self._gateway or gateway_for(self.ctx)
        while True:
            with self._cond:
                if self._stopping:
                    return
                self._started = self._requested
            wait_s = self._pass(gateway)
            with self._cond:
                self._done = self._started
                self._cond.notify_all()
                self._cond.wait_for(
                    lambda: self._stopping or self._requested > self._started, wait_s
                )

    def _pass(self, gateway: Gateway) -> float:
        """Send what is due; the seconds until the next pass."""
        poll = self.ctx.settings.sms_poll_s
        try:
            dispatch(self.ctx, gateway, keep_going=lambda: not self._stopping)
            due = next_due_ms(self.ctx)
        except Exception:  # the database or the gateway failing: try again after the poll
            log.exception("sending text messages failed; trying again in %.0f s", poll)
            return poll
        if due is None:
            return poll
        # A floor: a due message another process holds mid-claim is not polled in a spin.
        return min(max((due - self.ctx.now_ms()) / 1000, MIN_WAIT_S), poll)
