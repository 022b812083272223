"""The joint-punishment list (联合惩戒名单): who is on it, and the counters' lookup.

An entry names a resident ID number or a unified social credit code (its check character must
compute: ``onewindow_protocol.identifiers``, the counter's own arithmetic), why it is listed,
the measure, the list it comes from, since when and, optionally, until when. The identifier is
stored only as an HMAC under the server's key ring (the lookup) and masked (the listing): an
ID number has too few possibilities for a plain hash to hide it. Nothing here logs one.

The lookup accepts any identifier of the right shape (a number a supervisor let through a wrong
check character is asked too) and answers ``listed`` with every entry in force on the hall's
day, else ``clear``, with the server's time and when the list last changed.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import CreditListing
from central_server.services.common import ms_to_datetime
from central_server.services.errors import Refusal, Refused
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_protocol.identifiers import subject_kind
from onewindow_protocol.masking import mask_id
from onewindow_protocol.wire.credit import (
    CreditListing as WireListing,
)
from onewindow_protocol.wire.credit import (
    CreditListingIn,
    CreditListingOut,
    CreditLookupReply,
    CreditStatus,
)

_CONTEXT = "onewindow:credit-subject"


def subject_hash(ctx: ServerContext, identifier: str) -> str:
    return PersonalDataCipher(ctx.blobs.ring).lookup_hash(identifier, context=_CONTEXT)


def normalised(identifier: str) -> str:
    """Upper case, no spaces (a lower-case x of an ID number is its X)."""
    return "".join(identifier.split()).upper()


def server_today(ctx: ServerContext) -> dt.date:
    return ms_to_datetime(ctx.now_ms()).astimezone(ZoneInfo(ctx.settings.timezone)).date()


def _in_force(session: Session, digest: str, today: dt.date) -> list[CreditListing]:
    query = (
        select(CreditListing)
        .where(
            CreditListing.subject_hash == digest,
            CreditListing.removed_ms.is_(None),
            CreditListing.listed_since <= today,
            or_(CreditListing.until.is_(None), CreditListing.until >= today),
        )
        .order_by(CreditListing.id)
    )
    return list(session.scalars(query))


def _updated_ms(session: Session) -> int | None:
    added = session.scalar(select(func.max(CreditListing.added_ms)))
    removed = session.scalar(select(func.max(CreditListing.removed_ms)))
    stamps = [int(v) for v in (added, removed) if v is not None]
    return max(stamps) if stamps else None


def lookup(ctx: ServerContext, identifier: str) -> CreditLookupReply:
    digest = subject_hash(ctx, normalised(identifier))
    today = server_today(ctx)
    with ctx.db.read() as session:
        rows = _in_force(session, digest, today)
        updated = _updated_ms(session)
    return CreditLookupReply(
        status=CreditStatus.LISTED if rows else CreditStatus.CLEAR,
        listings=[
            WireListing(
                reason=r.reason,
                measure=r.measure,
                source=r.source,
                listed_since=r.listed_since,
                until=r.until,
            )
            for r in rows
        ],
        as_of=ms_to_datetime(ctx.now_ms()),
        list_updated_at=ms_to_datetime(updated) if updated is not None else None,
    )


def _out(row: CreditListing) -> CreditListingOut:
    return CreditListingOut(
        id=row.id,
        identifier_masked=row.subject_masked,
        kind=row.subject_kind,
        reason=row.reason,
        measure=row.measure,
        source=row.source,
        listed_since=row.listed_since,
        until=row.until,
        added_by=row.added_by,
        added_at=ms_to_datetime(row.added_ms),
    )


def add(ctx: ServerContext, entry: CreditListingIn) -> CreditListingOut:
    """List a subject; refused when its check character does not compute (a typo would list
    nobody and let the real subject through) or the period ends before it starts."""
    identifier = normalised(entry.identifier)
    kind = subject_kind(identifier)
    if kind is None:
        raise Refused(
            Refusal.CREDIT_SUBJECT_INVALID,
            "not a valid resident ID number or unified social credit code (check character)",
        )
    if entry.until is not None and entry.until < entry.listed_since:
        raise Refused(Refusal.CREDIT_SUBJECT_INVALID, "the listing ends before it starts")
    now = ctx.now_ms()

    def work(session: Session) -> CreditListingOut:
        row = CreditListing(
            subject_hash=subject_hash(ctx, identifier),
            subject_masked=mask_id(identifier),
            subject_kind=kind.value,
            reason=entry.reason,
            measure=entry.measure,
            source=entry.source,
            listed_since=entry.listed_since,
            until=entry.until,
            added_by=entry.added_by,
            added_ms=now,
        )
        session.add(row)
        session.flush()
        return _out(row)

    return ctx.db.run_write(work)


def remove(ctx: ServerContext, identifier: str, by: str) -> list[CreditListingOut]:
    """Take every entry of the subject off the list (kept, marked removed); refused when it
    has none."""
    digest = subject_hash(ctx, normalised(identifier))
    now = ctx.now_ms()

    def work(session: Session) -> list[CreditListingOut]:
        rows = list(
            session.scalars(
                select(CreditListing)
                .where(CreditListing.subject_hash == digest, CreditListing.removed_ms.is_(None))
                .with_for_update()
            )
        )
        if not rows:
            raise Refused(Refusal.LISTING_NOT_FOUND, "this identifier is not on the list")
        for row in rows:
            row.removed_ms, row.removed_by = now, by
        return [_out(r) for r in rows]

    return ctx.db.run_write(work)


def listings(ctx: ServerContext) -> list[CreditListingOut]:
    """Every entry not removed (also those not yet or no longer in force), oldest first."""
    with ctx.db.read() as session:
        rows = session.scalars(
            select(CreditListing)
            .where(CreditListing.removed_ms.is_(None))
            .order_by(CreditListing.id)
        )
        return [_out(r) for r in rows]
