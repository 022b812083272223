"""The e-licence registry (电子证照库): lookups and verification for the counters, the
certificates this server issues, and imported licences.

A licence is unique by (type, number). The holder's resident ID number or credit code is kept
only as an HMAC under the server's key ring (the lookup) and masked; nothing here logs one. A
licence's status is read on the server's day: revoked when its issuer withdrew it, expired
past its last valid day, else valid. Its PDF copy is a blob (sealed like every blob).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Case, Licence
from central_server.services.common import ms_to_datetime
from central_server.services.credit import normalised, server_today
from central_server.services.errors import Refusal, Refused
from central_server.services.licence_copy import CopyFields, render_copy
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_protocol.identifiers import subject_kind
from onewindow_protocol.masking import mask_id
from onewindow_protocol.wire.licences import (
    LicenceIn,
    LicenceLookupReply,
    LicenceOut,
    LicenceSource,
    LicenceStatus,
    LicenceVerifyReply,
    LicenceVerifyRequest,
    VerifyOutcome,
)

_CONTEXT = "onewindow:licence-holder"
ISSUED_TYPE_PREFIX = "CERT."  # an issued certificate's type: CERT.<item code>
MAX_LOOKUP = 200


def holder_hash(ctx: ServerContext, identifier: str) -> str:
    return PersonalDataCipher(ctx.blobs.ring).lookup_hash(normalised(identifier), context=_CONTEXT)


def holder_matches(ctx: ServerContext, identifier: str, digest: str) -> bool:
    """Constant-time: whether ``identifier`` is the holder hashed in ``digest``."""
    return PersonalDataCipher(ctx.blobs.ring).matches(
        normalised(identifier), digest, context=_CONTEXT
    )


def status_on(row: Licence, today: dt.date) -> LicenceStatus:
    if row.revoked:
        return LicenceStatus.REVOKED
    if row.valid_until is not None and row.valid_until < today:
        return LicenceStatus.EXPIRED
    return LicenceStatus.VALID


def out(row: Licence, today: dt.date) -> LicenceOut:
    return LicenceOut(
        id=uuid.UUID(row.id),
        type=row.type_code,
        type_name=row.type_name,
        number=row.number,
        holder_name=row.holder_name,
        holder_masked=row.holder_masked,
        issuer=row.issuer,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        status=status_on(row, today),
        source=LicenceSource(row.source),
        copy_sha256=row.copy_sha256,
        copy_size=row.copy_size,
    )


def lookup(ctx: ServerContext, holder: str, type_code: str | None) -> LicenceLookupReply:
    digest = holder_hash(ctx, holder)
    today = server_today(ctx)
    query = select(Licence).where(Licence.holder_hash == digest)
    if type_code is not None:
        query = query.where(Licence.type_code == type_code)
    query = query.order_by(Licence.type_code, Licence.valid_from.desc(), Licence.number)
    with ctx.db.read() as session:
        rows = list(session.scalars(query.limit(MAX_LOOKUP)))
        found = [out(r, today) for r in rows]
    return LicenceLookupReply(licences=found, as_of=ms_to_datetime(ctx.now_ms()))


def verify(
    ctx: ServerContext, request: LicenceVerifyRequest, *, hall_code: str | None = None
) -> LicenceVerifyReply:
    """The licence's standing; with ``case_no`` and ``material`` the outcome is also recorded
    on that material of the case when the case is of ``hall_code`` (the asking device's).
    Asking again records the same again: a counter may repeat a verification it could not
    record (docs/sync-rules.md)."""
    today = server_today(ctx)
    number = request.number.strip()
    with ctx.db.read() as session:
        row = session.scalars(
            select(Licence).where(Licence.type_code == request.type, Licence.number == number)
        ).first()
        if row is None:
            outcome, licence = VerifyOutcome.NOT_FOUND, None
        elif not holder_matches(ctx, request.holder, row.holder_hash):
            outcome, licence = VerifyOutcome.HOLDER_MISMATCH, None  # says nothing of the holder
        else:
            licence = out(row, today)
            outcome = VerifyOutcome(licence.status.value)
    as_of = ms_to_datetime(ctx.now_ms())
    if request.case_no and request.material and hall_code:
        record = {
            "type": request.type,
            "number": number,
            "check": "verified" if outcome is VerifyOutcome.VALID else "failed",
            "outcome": outcome.value,
            "checked_at": as_of.isoformat(),
        }
        case_no, material = request.case_no, request.material
        ctx.db.run_write(lambda s: _record_on_case(s, hall_code, case_no, material, record))
    return LicenceVerifyReply(outcome=outcome, licence=licence, as_of=as_of)


def _record_on_case(
    session: Session, hall_code: str, case_no: str, material: str, record: dict[str, Any]
) -> None:
    """``e_licence`` on the case's material (the counter pushed the case before verifying)."""
    case = session.scalars(
        select(Case).where(Case.case_no == case_no).with_for_update()
    ).one_or_none()
    if case is None or case.hall_code != hall_code:
        return  # not (yet) here, or another hall's: the answer stands, nothing is recorded
    materials = [dict(m) for m in case.materials]
    for m in materials:
        if m.get("code") == material:
            m["e_licence"] = record
    case.materials = materials  # a new list: the JSON column sees the change


def copy(ctx: ServerContext, licence_id: uuid.UUID) -> bytes:
    """The licence's PDF copy, verified against its hash."""
    with ctx.db.read() as session:
        row = session.get(Licence, str(licence_id))
        sha256 = row.copy_sha256 if row is not None else None
    if sha256 is None or not ctx.blobs.exists(sha256):
        raise Refused(Refusal.LICENCE_NOT_FOUND, "no such licence, or it has no copy")
    return ctx.blobs.read_bytes(sha256)


def _store_copy(ctx: ServerContext, data: bytes) -> str:
    """Sealed in the blob store; named by the licence row only (the ``blob`` table lists what
    counters uploaded)."""
    return ctx.blobs.put_bytes(data)


def register_issued(
    session: Session,
    ctx: ServerContext,
    *,
    case_no: str,
    applicant: dict[str, Any],
    item_code: str,
    certificate: dict[str, Any],
    now: int,
) -> Licence | None:
    """The certificate of an approved case, registered as a licence it issued (in the approving
    transaction). None when the holder has no resident ID number or credit code to find it by
    (a passport): the certificate stands, the registry cannot serve it."""
    holder = normalised(str(applicant.get("id_number", "")))
    if subject_kind(holder) is None:
        return None
    valid_from = dt.date.fromisoformat(str(certificate["valid_from"]))
    until = certificate.get("valid_until")
    valid_until = dt.date.fromisoformat(str(until)) if until else None
    fields = CopyFields(
        title=str(certificate["result_name"]),
        number=str(certificate["number"]),
        holder_name=str(certificate["holder"]),
        holder_masked=mask_id(holder),
        issuer=str(certificate["issuing_authority"]) or "—",
        valid_from=valid_from,
        valid_until=valid_until,
        issued_at=ms_to_datetime(now),
    )
    data = render_copy(fields)
    row = Licence(
        id=str(uuid.uuid4()),
        type_code=f"{ISSUED_TYPE_PREFIX}{item_code}"[:64],
        type_name=fields.title[:200],
        number=fields.number,
        holder_hash=holder_hash(ctx, holder),
        holder_masked=fields.holder_masked,
        holder_name=fields.holder_name[:200],
        issuer=fields.issuer[:200],
        valid_from=valid_from,
        valid_until=valid_until,
        revoked=False,
        source=LicenceSource.ISSUED.value,
        case_no=case_no,
        copy_sha256=_store_copy(ctx, data),
        copy_size=len(data),
        added_ms=now,
        updated_ms=now,
    )
    session.add(row)
    return row


def listing(ctx: ServerContext, holder: str | None = None) -> list[LicenceOut]:
    """Every licence (or one holder's), by type and number; holders masked."""
    today = server_today(ctx)
    query = select(Licence).order_by(Licence.type_code, Licence.number)
    if holder is not None:
        query = query.where(Licence.holder_hash == holder_hash(ctx, holder))
    with ctx.db.read() as session:
        return [out(r, today) for r in session.scalars(query)]


def upsert_imported(
    session: Session, ctx: ServerContext, entry: LicenceIn, pdf: bytes | None, now: int
) -> str:
    """Add or update one imported licence: ``added``, ``updated`` or ``unchanged``. Refused
    when the (type, number) is a licence this server issued: an import never rewrites one."""
    holder = normalised(entry.holder)
    if subject_kind(holder) is None:
        raise Refused(
            Refusal.LICENCE_IMPORT_INVALID, "holder: the check character does not compute"
        )
    if entry.valid_until is not None and entry.valid_until < entry.valid_from:
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, "valid_until is before valid_from")
    row = session.scalars(
        select(Licence).where(Licence.type_code == entry.type, Licence.number == entry.number)
    ).first()
    if row is not None and row.source == LicenceSource.ISSUED.value:
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, "this licence was issued by this server")
    values: dict[str, Any] = {
        "type_name": entry.type_name,
        "holder_hash": holder_hash(ctx, holder),
        "holder_masked": mask_id(holder),
        "holder_name": entry.holder_name,
        "issuer": entry.issuer,
        "valid_from": entry.valid_from,
        "valid_until": entry.valid_until,
        "revoked": entry.revoked,
    }
    if pdf is not None:
        values["copy_sha256"] = _store_copy(ctx, pdf)
        values["copy_size"] = len(pdf)
    if row is None:
        session.add(
            Licence(
                id=str(uuid.uuid4()),
                type_code=entry.type,
                number=entry.number,
                source=LicenceSource.IMPORTED.value,
                case_no=None,
                added_ms=now,
                updated_ms=now,
                **({"copy_sha256": None, "copy_size": None} | values),
            )
        )
        session.flush()
        return "added"
    if all(getattr(row, k) == v for k, v in values.items()):
        return "unchanged"
    for k, v in values.items():
        setattr(row, k, v)
    row.updated_ms = now
    session.flush()
    return "updated"
