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
from collections.abc import Callable
from dataclasses import replace

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.credit.types import CreditCheck, CreditState, Listing, UnknownReason
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.sync import state
from clerk_app.sync.client import Credentials, ErrorKind, SyncError, Transport, parse
from clerk_app.validation import OverrideField, OverrideRefusal, OverrideRefused
from clerk_app.validation.overrides import MAX_REASON_LENGTH, SupervisorOverride
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database
from onewindow_protocol.identifiers import mask_subject
from onewindow_protocol.wire.credit import CreditLookupReply, CreditStatus

log = logging.getLogger(__name__)

FRESH_S = 300
LOOKUP_PATH = "/v1/credit/lookup"
TransportFactory = Callable[[str, Credentials, float], Transport]


def normalised(identifier: str) -> str:
    return "".join(identifier.split()).upper()


def _reason(error: SyncError) -> UnknownReason:
    if error.code == "network":
        return UnknownReason.TIMEOUT if error.detail.get("timeout") else UnknownReason.OFFLINE
    if error.code == "invalid_reply":
        return UnknownReason.INVALID_REPLY
    if error.kind is ErrorKind.RETRYABLE:
        return UnknownReason.OFFLINE  # unavailable: 5xx, 429, 503, a failed TLS handshake
    return UnknownReason.REFUSED  # a revoked device, an upgrade needed, another 4xx


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
        self._db, self._protector, self._audit = db, protector, audit
        self._clock, self._timeout_s, self._transport = clock, timeout_s, transport
        self._lock = threading.Lock()  # one lookup at a time: the kept transport is not shared
        self._kept: tuple[tuple[str, str, str], Transport] | None = None
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
        with self._lock:
            self._drop()

    def _reused(self, value: str) -> CreditCheck | None:
        held = self._fresh.get(value)
        if held is None or self._clock.now_ms() - held.checked_ms > FRESH_S * 1000:
            self._fresh.pop(value, None)
            return None
        return replace(held, reused=True)

    def _unknown(self, value: str, reason: UnknownReason) -> CreditCheck:
        return CreditCheck(
            CreditState.UNKNOWN, mask_subject(value), self._clock.now_ms(), unknown_reason=reason
        )

    def _ask(self, value: str) -> CreditCheck:
        row = self._db.run_read(state.status)
        if not row.enrolled or not row.server_url:
            return self._unknown(value, UnknownReason.NOT_ENROLLED)
        url = row.server_url
        secret = self._db.run_read(
            lambda s: state.refresh_credential(state.load(s), self._protector)
        )
        if secret is None:
            return self._unknown(value, UnknownReason.NOT_ENROLLED)
        credentials = Credentials(row.device_id, secret)
        try:
            transport = self._connection(url, credentials)
            response = transport.request("POST", LOOKUP_PATH, json={"identifier": value})
            reply = parse(CreditLookupReply, response)
        except SyncError as error:
            self._drop()  # the next check starts on a fresh connection
            reason = _reason(error)
            log.info("credit check not answered (%s): %s", reason.value, error.code)
            return self._unknown(value, reason)
        found = CreditCheck(
            CreditState.LISTED if reply.status is CreditStatus.LISTED else CreditState.CLEAR,
            mask_subject(value),
            self._clock.now_ms(),
            listings=tuple(
                Listing(x.reason, x.measure, x.source, x.listed_since, x.until)
                for x in reply.listings
            ),
            server_as_of_ms=_ms(reply.as_of),
        )
        self._fresh[value] = found
        return found

    def _connection(self, url: str, credentials: Credentials) -> Transport:
        """The last check's transport when it is for the same server and credential: its
        access token is reused (a token costs the server a password hash)."""
        key = (url, credentials.device_id, credentials.refresh_credential)
        if self._kept is None or self._kept[0] != key:
            self._drop()
            self._kept = (key, self._transport(url, credentials, self._timeout_s))
        return self._kept[1]

    def _drop(self) -> None:
        if self._kept is not None:
            self._kept[1].close()
            self._kept = None


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
