"""Catalogue publication: immutable item versions, numbered releases, ETags.

``publish`` takes a whole catalogue document (the counter's ``onewindow-catalogue`` file: a
top-level object whose ``items`` each carry ``code``, ``version`` and ``name_zh``; other fields
are kept as they are) and makes it the current release. An item version, ``(code, version)``,
is immutable: publishing the same pair with other content is refused, naming every such item.
Publishing a document identical to the current release changes nothing. The ETag of a release
is the SHA-256 of its canonical JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import CatalogueItem, CatalogueRelease, CatalogueReleaseItem
from central_server.services.changes import emit_catalogue, lock_feed
from central_server.services.common import canonical_json, ms_to_datetime, sha256_text
from central_server.services.errors import Refusal, Refused
from central_server.wire.catalogue import (
    CatalogueItemReply,
    ItemVersionRef,
    PublishOutcome,
)
from central_server.wire.catalogue import (
    CatalogueRelease as ReleaseReply,
)
from central_server.wire.changes import CatalogueEvent
from central_server.wire.common import storable_text

ITEM_CODE = re.compile(r"[0-9A-Z]{1,36}")
LABEL_MAX = 64


def etag_of(sha256: str) -> str:
    return f'"{sha256}"'


def _problems(document: object) -> list[str]:
    if not isinstance(document, dict):
        return ["the catalogue must be a JSON object"]
    if not storable_text(document):
        return ["text must not contain NUL characters or lone surrogates"]
    items = document.get("items")
    if not isinstance(items, list) or not items:
        return ["items: must be a non-empty list"]
    problems: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"items[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be an object")
            continue
        code, version, name = item.get("code"), item.get("version"), item.get("name_zh")
        if not isinstance(code, str) or not ITEM_CODE.fullmatch(code):
            problems.append(f"{where}.code: must be 1-36 of 0-9 A-Z")
        elif code in seen:
            problems.append(f"{where}.code: {code} appears twice")
        else:
            seen.add(code)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            problems.append(f"{where}.version: must be a whole number >= 1")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}.name_zh: must be a non-empty string")
    return problems


def parse_file_text(text: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(Refusal.CATALOGUE_INVALID, f"not JSON: {exc}") from None
    validate(document)
    assert isinstance(document, dict)
    return document


def validate(document: object) -> None:
    problems = _problems(document)
    if problems:
        raise Refused(
            Refusal.CATALOGUE_INVALID,
            f"the catalogue has {len(problems)} problem(s): " + "; ".join(problems[:10]),
            problems=problems,
        )


def _current(session: Session) -> CatalogueRelease | None:
    return session.scalars(
        select(CatalogueRelease).order_by(CatalogueRelease.release.desc()).limit(1)
    ).first()


def current_release(session: Session) -> tuple[int, str] | None:
    row = _current(session)
    return None if row is None else (row.release, etag_of(row.sha256))


def publish(ctx: ServerContext, document: dict[str, Any]) -> PublishOutcome:
    validate(document)
    items: list[dict[str, Any]] = document["items"]
    header = {k: v for k, v in document.items() if k != "items"}
    release_sha = sha256_text(canonical_json(document))
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
            body = canonical_json(item)
            digest = sha256_text(body)
            known = session.get(CatalogueItem, (item["code"], item["version"]))
            if known is None:
                session.add(
                    CatalogueItem(
                        code=item["code"],
                        version=item["version"],
                        body=body,
                        sha256=digest,
                        published_ms=now,
                    )
                )
                new += 1
            elif known.sha256 != digest:
                clashes.append(f"{item['code']} v{item['version']}")
        if clashes:
            raise Refused(
                Refusal.CATALOGUE_IMMUTABLE,
                "published item versions cannot change; give these a new version: "
                + ", ".join(clashes),
                items=clashes,
            )
        label = document.get("version")
        row = CatalogueRelease(
            label=str(label)[:LABEL_MAX] if isinstance(label, str | int) else "",
            header=header,
            sha256=release_sha,
            published_ms=now,
        )
        session.add(row)
        session.flush()
        row.label = row.label or f"release-{row.release}"
        for position, item in enumerate(items):
            session.add(
                CatalogueReleaseItem(
                    release=row.release,
                    position=position,
                    code=item["code"],
                    version=item["version"],
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
