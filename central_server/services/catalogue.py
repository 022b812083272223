"""Catalogue publication: immutable item versions, numbered releases, ETags.

``publish`` takes a whole catalogue document (the counter's ``onewindow-catalogue`` file) and
makes it the current release. The document is read with the models the counter reads it with
(:mod:`onewindow_protocol.catalogue`): a file a counter would refuse is refused here, with the
same problems, and what is stored is the models' canonical spelling, so an item's SHA-256 here
is its checksum on the counter. An item version, ``(code, version)``, is immutable: publishing
the same pair with other content is refused, naming every such item. Publishing a document
identical to the current release changes nothing. The ETag of a release is the SHA-256 of its
canonical JSON (the counter's document checksum).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import CatalogueItem, CatalogueRelease, CatalogueReleaseItem
from central_server.services.changes import emit_catalogue, lock_feed
from central_server.services.common import ms_to_datetime
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.catalogue import codec
from onewindow_protocol.catalogue.models import CatalogueDocument
from onewindow_protocol.wire.catalogue import (
    CatalogueItemReply,
    ItemVersionRef,
    PublishOutcome,
)
from onewindow_protocol.wire.catalogue import (
    CatalogueRelease as ReleaseReply,
)
from onewindow_protocol.wire.changes import CatalogueEvent
from onewindow_protocol.wire.common import storable_text

SHOWN_PROBLEMS = 10  # in the refusal's message; the detail lists them all


def etag_of(sha256: str) -> str:
    return f'"{sha256}"'


def _invalid(problems: list[str]) -> Refused:
    return Refused(
        Refusal.CATALOGUE_INVALID,
        f"the catalogue has {len(problems)} problem(s): " + "; ".join(problems[:SHOWN_PROBLEMS]),
        problems=problems,
    )


def parse_file_text(text: str) -> CatalogueDocument:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(Refusal.CATALOGUE_INVALID, f"not JSON: {exc}") from None
    return validate(document)


def validate(document: object) -> CatalogueDocument:
    """The decoded document as the counter reads it, or a refusal listing every problem."""
    if not storable_text(document):
        raise _invalid(["text must not contain NUL characters or lone surrogates"])
    try:
        return codec.parse(document)
    except codec.CatalogueInvalid as invalid:
        raise _invalid([str(p) for p in invalid.problems]) from None


def _current(session: Session) -> CatalogueRelease | None:
    return session.scalars(
        select(CatalogueRelease).order_by(CatalogueRelease.release.desc()).limit(1)
    ).first()


# Built once: every hello runs it, and needs neither the header (JSON) nor the label.
_CURRENT_RELEASE = (
    select(CatalogueRelease.release, CatalogueRelease.sha256)
    .order_by(CatalogueRelease.release.desc())
    .limit(1)
)


def current_release(session: Session) -> tuple[int, str] | None:
    row = session.execute(_CURRENT_RELEASE).first()
    return None if row is None else (int(row.release), etag_of(row.sha256))


def publish(ctx: ServerContext, document: CatalogueDocument | object) -> PublishOutcome:
    """Make ``document`` (read already, or a decoded JSON value) the current release."""
    doc = document if isinstance(document, CatalogueDocument) else validate(document)
    items = doc.items
    header = {k: v for k, v in codec.document_json(doc).items() if k != "items"}
    release_sha = codec.document_checksum(doc)
    now = ctx.now_ms()

    def work(session: Session) -> PublishOutcome:
        lock_feed(session)
        current = _current(session)
        if current is not None and current.sha256 == release_sha:
            return PublishOutcome(
                release=current.release,
                label=current.label,
                etag=etag_of(current.sha256),
                created=False,
                items_new=0,
                items_unchanged=len(items),
            )
        new, clashes = 0, []
        for item in items:
            body = codec.canonical(codec.item_json(item))
            digest = codec.item_checksum(item)
            known = session.get(CatalogueItem, (item.code, item.version))
            if known is None:
                session.add(
                    CatalogueItem(
                        code=item.code,
                        version=item.version,
                        body=body,
                        sha256=digest,
                        published_ms=now,
                    )
                )
                new += 1
            elif known.sha256 != digest:
                clashes.append(f"{item.code} v{item.version}")
        if clashes:
            raise Refused(
                Refusal.CATALOGUE_IMMUTABLE,
                "published item versions cannot change; give these a new version: "
                + ", ".join(clashes),
                items=clashes,
            )
        row = CatalogueRelease(
            label=doc.version,
            header=header,
            sha256=release_sha,
            published_ms=now,
        )
        session.add(row)
        session.flush()
        for position, item in enumerate(items):
            session.add(
                CatalogueReleaseItem(
                    release=row.release,
                    position=position,
                    code=item.code,
                    version=item.version,
                )
            )
        etag = etag_of(release_sha)
        emit_catalogue(
            session, CatalogueEvent(release=row.release, label=row.label, etag=etag), now
        )
        return PublishOutcome(
            release=row.release,
            label=row.label,
            etag=etag,
            created=True,
            items_new=new,
            items_unchanged=len(items) - new,
        )

    return ctx.db.run_write(work)


def release(ctx: ServerContext, number: int | None) -> ReleaseReply:
    with ctx.db.read() as session:
        row = _current(session) if number is None else session.get(CatalogueRelease, number)
        if row is None:
            if number is None:
                raise Refused(Refusal.NO_CATALOGUE, "no catalogue has been published yet")
            raise Refused(Refusal.RELEASE_NOT_FOUND, f"no catalogue release {number}")
        pairs = session.execute(
            select(
                CatalogueItem.code, CatalogueItem.version, CatalogueItem.sha256, CatalogueItem.body
            )
            .join(
                CatalogueReleaseItem,
                (CatalogueReleaseItem.code == CatalogueItem.code)
                & (CatalogueReleaseItem.version == CatalogueItem.version),
            )
            .where(CatalogueReleaseItem.release == row.release)
            .order_by(CatalogueReleaseItem.position)
        ).all()
        document = {**row.header, "items": [json.loads(p.body) for p in pairs]}
        return ReleaseReply(
            release=row.release,
            label=row.label,
            published_at=ms_to_datetime(row.published_ms),
            etag=etag_of(row.sha256),
            items=[ItemVersionRef(code=p.code, version=p.version, sha256=p.sha256) for p in pairs],
            document=document,
        )


def release_etag(ctx: ServerContext, number: int | None) -> str | None:
    """The ETag alone, for a conditional GET without building the document."""
    with ctx.db.read() as session:
        row = _current(session) if number is None else session.get(CatalogueRelease, number)
        return None if row is None else etag_of(row.sha256)


def item(ctx: ServerContext, code: str, version: int) -> CatalogueItemReply:
    with ctx.db.read() as session:
        row = session.get(CatalogueItem, (code, version))
        if row is None:
            raise Refused(Refusal.ITEM_NOT_FOUND, f"no catalogue item {code} version {version}")
        return CatalogueItemReply(
            code=row.code,
            version=row.version,
            sha256=row.sha256,
            published_at=ms_to_datetime(row.published_ms),
            item=json.loads(row.body),
        )


def item_body(session: Session, code: str, version: int) -> dict[str, Any]:
    row = session.get(CatalogueItem, (code, version))
    return {} if row is None else dict(json.loads(row.body))
