"""``LicenceService``: the applicant's e-licences from the central server's registry, their PDF
copies, and verifying a typed licence number.

Like the credit check, every request goes through the sync client (device token, TLS, the hall
CA, error classes) with a short timeout of its own (``[sync] licence_timeout_s``): the applicant
is at the counter. A failure is an answer, never an exception: ``unknown`` with the reason, and
the clerk may type the licence number instead (待核验, verified on the next sync by
``clerk_app.licences.checks``). Each lookup is on the audit trail (``licence.lookup``) with the
holder masked; a PDF copy is kept in the hall's blob store, sealed like the scans.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TypeVar

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.credit.service import normalised
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.licences.types import (
    Licence,
    LicenceLookup,
    LookupState,
    Verification,
    VerifyOutcome,
)
from clerk_app.sync.client import Transport, parse
from clerk_app.sync.counter_line import CounterLine, NotAsked, TransportFactory
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.masking import mask_id
from onewindow_protocol.wire.licences import LicenceLookupReply, LicenceOut, LicenceVerifyReply

log = logging.getLogger(__name__)

MAX_COPY_BYTES = 20 * 1024 * 1024
T = TypeVar("T")


def licence_of(x: LicenceOut) -> Licence:
    return Licence(
        id=str(x.id),
        type_code=x.type,
        type_name=x.type_name,
        number=x.number,
        holder_name=x.holder_name,
        holder_masked=x.holder_masked,
        issuer=x.issuer,
        valid_from=x.valid_from,
        valid_until=x.valid_until,
        status=x.status.value,
        source=x.source.value,
        copy_sha256=x.copy_sha256,
        copy_size=x.copy_size,
    )


def ask_verify(
    t: Transport,
    type_code: str,
    number: str,
    holder: str,
    *,
    case: tuple[str, str] | None = None,
) -> Verification:
    """One verification over ``t``; a :class:`SyncError` when it could not be asked.
    ``case``: the case number and material code it stands in for, so the server records the
    outcome on its copy of the case."""
    body = {"type": type_code, "number": number.strip(), "holder": normalised(holder)}
    if case is not None:
        body["case_no"], body["material"] = case
    reply = parse(LicenceVerifyReply, t.request("POST", paths.LICENCES_VERIFY, json=body))
    licence = licence_of(reply.licence) if reply.licence is not None else None
    return Verification(VerifyOutcome(reply.outcome.value), licence)


class LicenceService:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        audit: AuditService,
        blobs: BlobStore,
        *,
        clock: Clock,
        timeout_s: float,
        transport: TransportFactory,
    ) -> None:
        self._db, self._audit, self._blobs, self._clock = db, audit, blobs, clock
        self._line = CounterLine(db, protector, transport, timeout_s, "licence registry")

    @open_to_clerks  # a clerk looks up the applicant's licences at the counter
    def lookup(
        self,
        holder: str,
        type_code: str | None = None,
        *,
        by: Actor,
        case_number: str | None = None,
    ) -> LicenceLookup:
        value = normalised(holder)
        body: dict[str, object] = {"holder": value}
        if type_code is not None:
            body["type"] = type_code
        now = self._clock.now_ms()
        try:
            reply = self._line.ask(
                lambda t: parse(
                    LicenceLookupReply, t.request("POST", paths.LICENCES_LOOKUP, json=body)
                )
            )
        except NotAsked as missed:
            found = LicenceLookup(
                LookupState.UNKNOWN, mask_id(value), now, unknown_reason=missed.reason
            )
        else:
            licences = tuple(licence_of(x) for x in reply.licences)
            state_ = LookupState.FOUND if licences else LookupState.NONE
            found = LicenceLookup(state_, mask_id(value), now, licences)
        self._audit.record(
            AuditAction.LICENCE_LOOKUP,
            by,
            target_kind="case" if case_number else None,
            target=case_number,
            detail={
                "holder": found.holder_masked,
                "type": type_code,
                "status": found.state.value,
                "found": len(found.licences),  # not their numbers: an ID card's is the ID
                "unknown_reason": found.unknown_reason.value if found.unknown_reason else None,
            },
        )
        return found

    @open_to_clerks
    def fetch_copy(self, licence: Licence) -> str | None:
        """The licence's PDF copy into the hall's blob store (sealed: it names the holder); its
        SHA-256, or None when it has none or it could not be fetched (the licence still stands
        in for the material; the case says it has no copy)."""
        if licence.copy_sha256 is None:
            return None
        if self._blobs.exists(licence.copy_sha256):
            return licence.copy_sha256
        path = paths.LICENCE_COPY.format(licence_id=licence.id)
        try:
            data = self._line.ask(lambda t: t.request("GET", path).content)
        except NotAsked as missed:
            log.info("licence copy not fetched (%s)", missed.reason.value)
            return None
        if len(data) > MAX_COPY_BYTES or hashlib.sha256(data).hexdigest() != licence.copy_sha256:
            log.info("licence copy refused: not the copy the registry named")
            return None
        return self._blobs.put_bytes(data)

    @open_to_clerks
    def verify(self, type_code: str, number: str, holder: str) -> Verification:
        try:
            return self._line.ask(lambda t: ask_verify(t, type_code, number, holder))
        except NotAsked as missed:
            return Verification(None, unknown_reason=missed.reason)

    @open_to_clerks
    def close(self) -> None:
        self._line.close()
