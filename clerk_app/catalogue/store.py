"""The catalogue in the database: stage a version, swap it in atomically, export, roll back.

An import is one write transaction: take the catalogue lock, check the document against what
is stored (a version label or an item ``(code, version)`` never changes content), add the item
versions that are new, list the version's items, then move the active flag and add a row to
the activation history (which version was in force when: the figures read it). Any failure
rolls the whole transaction back, so the active catalogue is either the old one or the new one,
never a mix. Old versions are kept: cases pin the version they were taken under. The sync engine
calls :meth:`CatalogueStore.install` with a document it downloaded into staging.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session, selectinload

from clerk_app.catalogue.format import (
    CatalogueDocument,
    document_checksum,
    item_checksum,
    same_content_checksums,
)
from clerk_app.catalogue.rows import detail_view, item_row, spec_of
from clerk_app.catalogue.types import (
    CatalogueRefusal,
    CatalogueRefused,
    CatalogueVersionInfo,
    ImportOutcome,
    ItemDetail,
    Problem,
)
from clerk_app.db.catalogue_models import (
    CatalogueActivation,
    CatalogueItem,
    CatalogueMaterial,
    CatalogueVersion,
    CatalogueVersionItem,
)
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

LOCK_KEY = 0x0E_CA7A_106E  # pg_advisory_xact_lock key serialising catalogue imports
_CHUNK = 500


def version_info(row: CatalogueVersion) -> CatalogueVersionInfo:
    return CatalogueVersionInfo(
        version_id=row.id,
        label=row.label,
        source=row.source,
        note=row.note,
        checksum=row.checksum,
        item_count=row.item_count,
        imported_ms=row.imported_ms,
        activated_ms=row.activated_ms,
        active=row.active,
    )


def active_row(session: Session) -> CatalogueVersion | None:
    return session.scalar(select(CatalogueVersion).where(CatalogueVersion.active.is_(True)))


def _stored_items(session: Session, codes: Sequence[str]) -> dict[tuple[str, int], tuple[int, str]]:
    """(code, version) -> (id, content hash) of the stored item versions with these codes."""
    found: dict[tuple[str, int], tuple[int, str]] = {}
    for start in range(0, len(codes), _CHUNK):
        rows = session.execute(
            select(
                CatalogueItem.code,
                CatalogueItem.item_version,
                CatalogueItem.id,
                CatalogueItem.content_hash,
            ).where(CatalogueItem.code.in_(codes[start : start + _CHUNK]))
        )
        for code, version, item_id, content_hash in rows:
            found[(code, version)] = (item_id, content_hash)
    return found


def conflicts(session: Session, doc: CatalogueDocument) -> list[Problem]:
    """What the database refuses in ``doc``: new content under a stored label or item version."""
    problems: list[Problem] = []
    stored_version = session.scalar(
        select(CatalogueVersion).where(CatalogueVersion.label == doc.version)
    )
    if stored_version is not None and stored_version.checksum not in same_content_checksums(doc):
        problems.append(
            Problem(
                "version",
                f"catalogue version {doc.version!r} is already stored with different content; "
                "a published version never changes, give this one a new label",
            )
        )
    stored = _stored_items(session, [item.code for item in doc.items])
    for index, item in enumerate(doc.items):
        known = stored.get((item.code, item.version))
        if known is not None and known[1] != item_checksum(item):
            problems.append(
                Problem(
                    f"items[{index}].version",
                    f"item {item.code} version {item.version} is already stored with different "
                    "content; publish the change as a new item version",
                    item.code,
                )
            )
    return problems


def _lock(session: Session) -> None:
    """Serialise importers (SQLite's BEGIN IMMEDIATE already does)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


def _stage(session: Session, doc: CatalogueDocument, now_ms: int) -> tuple[int, int, int]:
    """Store the version, inactive, with its items; returns (version id, added, reused)."""
    version = CatalogueVersion(
        label=doc.version,
        source=doc.source,
        note=doc.note,
        checksum=document_checksum(doc),
        item_count=len(doc.items),
        imported_ms=now_ms,
        active=False,
    )
    session.add(version)
    stored = _stored_items(session, [item.code for item in doc.items])
    new_rows = {
        (item.code, item.version): item_row(item)
        for item in doc.items
        if (item.code, item.version) not in stored
    }
    session.add_all(new_rows.values())
    session.flush()
    links = []
    for order, item in enumerate(doc.items):
        key = (item.code, item.version)
        item_id = new_rows[key].id if key in new_rows else stored[key][0]
        links.append(
            {"version_id": version.id, "item_id": item_id, "code": item.code, "sort_order": order}
        )
    session.execute(insert(CatalogueVersionItem), links)
    return version.id, len(new_rows), len(doc.items) - len(new_rows)


def _deactivate_all(session: Session) -> int | None:
    previous = active_row(session)
    if previous is None:
        return None
    session.execute(
        update(CatalogueVersion).where(CatalogueVersion.active.is_(True)).values(active=False)
    )
    return previous.id


def _mark_active(session: Session, version_id: int, now_ms: int) -> None:
    """Activate it, and add it to the history of the version in force (the figures read it)."""
    session.execute(
        update(CatalogueVersion)
        .where(CatalogueVersion.id == version_id)
        .values(active=True, activated_ms=now_ms)
    )
    session.add(CatalogueActivation(version_id=version_id, activated_ms=now_ms))


def _swap(session: Session, version_id: int, now_ms: int) -> int | None:
    """Make ``version_id`` the active catalogue; returns the previously active one."""
    previous = _deactivate_all(session)
    _mark_active(session, version_id, now_ms)
    session.flush()
    return previous


class CatalogueStore:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock = clock or SystemClock()

    def install(self, session: Session, doc: CatalogueDocument) -> ImportOutcome:
        """Stage ``doc`` and swap it in, inside the caller's write transaction."""
        _lock(session)
        problems = conflicts(session, doc)
        if problems:
            raise CatalogueRefused(CatalogueRefusal.INVALID_FILE, tuple(problems))
        now = self.clock.now_ms()
        existing = session.scalar(
            select(CatalogueVersion).where(CatalogueVersion.label == doc.version)
        )
        if existing is not None:  # the same version again: at most a switch back to it
            switch = not existing.active
            previous = _swap(session, existing.id, now) if switch else None
            session.refresh(existing)
            return ImportOutcome(
                version_info(existing),
                created=False,
                activated=switch,
                items_added=0,
                items_reused=existing.item_count,
                previous_version_id=previous,
            )
        version_id, added, reused = _stage(session, doc, now)
        previous = _swap(session, version_id, now)
        version = session.get_one(CatalogueVersion, version_id)
        session.refresh(version)
        log.info(
            "catalogue %s installed: %d items (%d new item versions)",
            doc.version,
            len(doc.items),
            added,
        )
        return ImportOutcome(
            version_info(version),
            created=True,
            activated=True,
            items_added=added,
            items_reused=reused,
            previous_version_id=previous,
        )

    def import_document(self, doc: CatalogueDocument) -> ImportOutcome:
        return self.db.run_write(lambda session: self.install(session, doc))

    def check(self, doc: CatalogueDocument) -> list[Problem]:
        return self.db.run_read(lambda session: conflicts(session, doc))

    def activate(self, version_id: int) -> CatalogueVersionInfo:
        """Switch back (or forward) to a stored version."""

        def work(session: Session) -> CatalogueVersionInfo:
            _lock(session)
            row = session.get(CatalogueVersion, version_id)
            if row is None:
                raise CatalogueRefused(CatalogueRefusal.UNKNOWN_VERSION, detail=str(version_id))
            if not row.active:
                _swap(session, version_id, self.clock.now_ms())
                session.refresh(row)
            return version_info(row)

        return self.db.run_write(work)

    def versions(self) -> tuple[CatalogueVersionInfo, ...]:
        def work(session: Session) -> tuple[CatalogueVersionInfo, ...]:
            rows = session.scalars(select(CatalogueVersion).order_by(CatalogueVersion.id))
            return tuple(version_info(r) for r in rows)

        return self.db.run_read(work)

    def details(
        self, session: Session, version: CatalogueVersion, item_ids: Sequence[int] | None = None
    ) -> list[ItemDetail]:
        """Items of ``version`` with everything they hold, in the catalogue's order."""
        query = (
            select(CatalogueItem)
            .join(CatalogueVersionItem, CatalogueVersionItem.item_id == CatalogueItem.id)
            .where(CatalogueVersionItem.version_id == version.id)
            .order_by(CatalogueVersionItem.sort_order)
            .options(
                selectinload(CatalogueItem.situations),
                selectinload(CatalogueItem.fees),
                selectinload(CatalogueItem.materials).selectinload(CatalogueMaterial.situations),
            )
        )
        if item_ids is not None:
            query = query.where(CatalogueItem.id.in_(item_ids))
        return [detail_view(row, version) for row in session.scalars(query)]

    def export_document(self, version_id: int | None = None) -> CatalogueDocument:
        def work(session: Session) -> CatalogueDocument:
            row = (
                active_row(session)
                if version_id is None
                else session.get(CatalogueVersion, version_id)
            )
            if row is None:
                code = (
                    CatalogueRefusal.NO_ACTIVE_CATALOGUE
                    if version_id is None
                    else CatalogueRefusal.UNKNOWN_VERSION
                )
                raise CatalogueRefused(code)
            items = tuple(spec_of(d) for d in self.details(session, row))
            return CatalogueDocument(
                version=row.label, source=row.source, note=row.note, items=items
            )

        return self.db.run_read(work)
