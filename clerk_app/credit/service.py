"""``CreditService.check``: the applicant's status on the joint-punishment list, or why unknown.

The lookup goes through the sync client (device token, TLS, the hall CA, error classes) with a
short timeout of its own (``[sync] credit_timeout_s``): the applicant is at the counter. Every
failure is an answer, never an exception: ``unknown`` with the reason (offline, timeout, an
answer that is not one, a refusal), and the counter goes on; 容缺 and 告知承诺 then need a
supervisor's recorded override (:func:`override_unknown_credit`).

Re-use: a ``clear`` or ``listed`` answer is given again for the same identifier for
``FRESH_S`` seconds (one visit: typing the number again, reopening the form), marked
``reused``; ``unknown`` is never re-used, so the next check asks the server again. Every
answer, asked or re-used, is on the audit trail (``credit.check``) with the identifier masked.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import replace

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.credit.types import CreditCheck, CreditState, Listing, UnknownReason
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.sync.client import Transport, parse
from clerk_app.sync.counter_line import CounterLine, NotAsked, TransportFactory
from clerk_app.validation import OverrideField, OverrideRefusal, OverrideRefused
from clerk_app.validation.overrides import MAX_REASON_LENGTH, SupervisorOverride
from clerk_app.validation.problems import normalise_code
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.masking import mask_id
from onewindow_protocol.wire.credit import CreditLookupReply, CreditStatus

log = logging.getLogger(__name__)

FRESH_S = 300


def normalised(identifier: str) -> str:
    """As the form reads it: full-width folded, invisible characters and spaces dropped."""
    return normalise_code(identifier)


def _ms(when: dt.datetime | None) -> int | None:
    return None if when is None else int(when.timestamp() * 1000)


class CreditService:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        audit: AuditService,
        *,
        clock: Clock,
        timeout_s: float,
        transport: TransportFactory,
    ) -> None:
        self._audit, self._clock = audit, clock
        self._line = CounterLine(db, protector, transport, timeout_s, "credit check")
        self._lock = threading.Lock()  # the answers kept for a visit
        self._fresh: dict[str, CreditCheck] = {}

    @open_to_clerks  # a clerk checks the applicant at the counter
    def check(self, identifier: str, *, by: Actor, case_number: str | None = None) -> CreditCheck:
        value = normalised(identifier)
        with self._lock:
            found = self._reused(value) or self._ask(value)
        self._audit.record(
            AuditAction.CREDIT_CHECK,
            by,
            target_kind="case" if case_number else None,
            target=case_number,
            detail={
                "identifier": found.identifier_masked,
                "status": found.state.value,
                "unknown_reason": found.unknown_reason.value if found.unknown_reason else None,
                "reused": found.reused,
            },
        )
        return found

    @open_to_clerks
    def close(self) -> None:
        self._line.close()

    def _reused(self, value: str) -> CreditCheck | None:
        held = self._fresh.get(value)
        if held is None or self._clock.now_ms() - held.checked_ms > FRESH_S * 1000:
            self._fresh.pop(value, None)
            return None
        return replace(held, reused=True)

    def _unknown(self, value: str, reason: UnknownReason) -> CreditCheck:
        return CreditCheck(
            CreditState.UNKNOWN, mask_id(value), self._clock.now_ms(), unknown_reason=reason
        )

    def _ask(self, value: str) -> CreditCheck:
        def lookup(t: Transport) -> CreditLookupReply:
            response = t.request("POST", paths.CREDIT_LOOKUP, json={"identifier": value})
            return parse(CreditLookupReply, response)

        try:
            reply = self._line.ask(lookup)
        except NotAsked as missed:
            return self._unknown(value, missed.reason)
        found = CreditCheck(
            CreditState.LISTED if reply.status is CreditStatus.LISTED else CreditState.CLEAR,
            mask_id(value),
            self._clock.now_ms(),
            listings=tuple(
                Listing(x.reason, x.measure, x.source, x.listed_since, x.until)
                for x in reply.listings
            ),
            server_as_of_ms=_ms(reply.as_of),
        )
        self._fresh[value] = found
        return found


def override_unknown_credit(
    check: CreditCheck, *, supervisor_id: int, supervisor_name: str, reason: str, at_ms: int
) -> SupervisorOverride:
    """A supervisor's go-ahead for 容缺 or 告知承诺 while the status is unknown: who, why,
    when; the intake service checks the role and records it with the case and the audit trail.
    ``OverrideRefused`` when the status is known (nothing to override) or the reason is
    missing or too long."""
    if check.state is not CreditState.UNKNOWN:
        raise OverrideRefused(OverrideRefusal.NOTHING_TO_OVERRIDE)
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise OverrideRefused(OverrideRefusal.REASON_REQUIRED)
    if len(cleaned) > MAX_REASON_LENGTH:
        raise OverrideRefused(OverrideRefusal.REASON_TOO_LONG)
    return SupervisorOverride(
        field=OverrideField.CREDIT_STATUS,
        value=check.identifier_masked,
        failed_check=f"credit_unknown:{check.unknown_reason or ''}",
        expected=None,
        supervisor_id=supervisor_id,
        supervisor_name=supervisor_name,
        reason=cleaned,
        at_ms=at_ms,
    )
