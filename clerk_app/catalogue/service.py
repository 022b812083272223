"""The catalogue facade the UI, the CLI and intake call; it returns frozen dataclasses only.

Intake takes an item under the active catalogue version and pins ``catalogue_version_id`` on
the case; later reads of that case's item pass the pinned version, which stays in the database
after newer catalogues are imported.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Operator, Permission, actor_of, open_to_clerks, requires
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.catalogue.format import CatalogueDocument, dumps, load_file
from clerk_app.catalogue.rows import summary_view
from clerk_app.catalogue.search import DEFAULT_LIMIT, SearchIndex, make_entry
from clerk_app.catalogue.store import CatalogueStore, active_row
from clerk_app.catalogue.types import (
    CatalogueRefusal,
    CatalogueRefused,
    CatalogueVersionInfo,
    ImportOutcome,
    ItemDetail,
    ItemSummary,
    SearchHit,
)
from clerk_app.db.catalogue_models import CatalogueItem, CatalogueVersion, CatalogueVersionItem
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database


def _version(session: Session, version_id: int | None) -> CatalogueVersion:
    row = active_row(session) if version_id is None else session.get(CatalogueVersion, version_id)
    if row is None:
        if version_id is None:
            raise CatalogueRefused(CatalogueRefusal.NO_ACTIVE_CATALOGUE)
        raise CatalogueRefused(CatalogueRefusal.UNKNOWN_VERSION, detail=str(version_id))
    return row


def _items_in_order(session: Session, version_id: int) -> list[tuple[CatalogueItem, int]]:
    rows = session.execute(
        select(CatalogueItem, CatalogueVersionItem.sort_order)
        .join(CatalogueVersionItem, CatalogueVersionItem.item_id == CatalogueItem.id)
        .where(CatalogueVersionItem.version_id == version_id)
        .order_by(CatalogueVersionItem.sort_order)
    )
    return [(item, order) for item, order in rows]


class CatalogueService:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.store = CatalogueStore(db, clock)
        self._audit = AuditService(db, clock)
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()

    def _gate(self) -> Gate:
        return Gate(self._audit, self.db)

    # ------------------------------------------------------------------ versions
    @open_to_clerks
    def active_version(self) -> CatalogueVersionInfo | None:
        infos = [v for v in self.store.versions() if v.active]
        return infos[0] if infos else None

    @open_to_clerks
    def versions(self) -> tuple[CatalogueVersionInfo, ...]:
        return self.store.versions()

    @requires(Permission.CATALOGUE)
    def activate(self, version_id: int, *, by: Operator) -> CatalogueVersionInfo:
        """Make a stored version active again (a roll-back); administrators only."""
        info = self.store.activate(version_id)
        self._changed(by, "activate", info.label)
        return info

    def _changed(self, by: Operator, what: str, label: str) -> None:
        self._audit.record(
            AuditAction.CATALOGUE_CHANGE,
            actor_of(by),
            target_kind="catalogue_version",
            target=label,
            detail={"change": what},
        )

    # ------------------------------------------------------------------ files
    @open_to_clerks
    def validate_file(self, path: Path) -> CatalogueDocument:
        """Everything an import would refuse, without changing anything."""
        doc = load_file(path)
        problems = self.store.check(doc)
        if problems:
            raise CatalogueRefused(CatalogueRefusal.INVALID_FILE, tuple(problems))
        return doc

    @requires(Permission.CATALOGUE)
    def import_file(self, path: Path, *, by: Operator) -> ImportOutcome:
        return self.import_document(load_file(path), by=by)

    @requires(Permission.CATALOGUE)
    def import_document(self, doc: CatalogueDocument, *, by: Operator) -> ImportOutcome:
        """Store a catalogue and make it active; administrators only, the change audited."""
        outcome = self.store.import_document(doc)
        if outcome.created or outcome.activated:
            self._changed(by, "import", outcome.version.label)
        return outcome

    @open_to_clerks
    def export_document(self, version_id: int | None = None) -> CatalogueDocument:
        return self.store.export_document(version_id)

    @open_to_clerks
    def export_file(self, path: Path, version_id: int | None = None) -> CatalogueDocument:
        """Write the catalogue to ``path`` whole or not at all (temporary file, then rename)."""
        doc = self.export_document(version_id)
        path = path.resolve()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(dumps(doc))
                out.flush()
                os.fsync(out.fileno())
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return doc

    # ------------------------------------------------------------------ items
    @open_to_clerks
    def list_items(self, version_id: int | None = None) -> tuple[ItemSummary, ...]:
        def work(session: Session) -> tuple[ItemSummary, ...]:
            version = _version(session, version_id)
            return tuple(summary_view(item) for item, _ in _items_in_order(session, version.id))

        return self.db.run_read(work)

    @open_to_clerks
    def item(self, item_id: int, version_id: int | None = None) -> ItemDetail:
        """An item with its situations and materials, as listed in ``version_id`` (default:
        the active version); a case passes the version it pinned."""

        def work(session: Session) -> ItemDetail:
            version = _version(session, version_id)
            found = self.store.details(session, version, [item_id])
            if not found:
                raise CatalogueRefused(CatalogueRefusal.UNKNOWN_ITEM, detail=str(item_id))
            return found[0]

        return self.db.run_read(work)

    @open_to_clerks
    def item_by_code(self, code: str, version_id: int | None = None) -> ItemDetail:
        def work(session: Session) -> int:
            version = _version(session, version_id)
            item_id = session.scalar(
                select(CatalogueVersionItem.item_id).where(
                    CatalogueVersionItem.version_id == version.id,
                    CatalogueVersionItem.code == code,
                )
            )
            if item_id is None:
                raise CatalogueRefused(CatalogueRefusal.UNKNOWN_ITEM, detail=code)
            return item_id

        return self.item(self.db.run_read(work), version_id)

    # ------------------------------------------------------------------ search
    @open_to_clerks
    def search_index(self) -> SearchIndex:
        """The active catalogue's index; rebuilt only when another version became active.

        Costs one small query when nothing changed. The UI loads it off the GUI thread and then
        searches it keystroke by keystroke in memory.
        """

        def active_id(session: Session) -> int:
            return _version(session, None).id

        version_id = self.db.run_read(active_id)
        with self._index_lock:
            if self._index is not None and self._index.version_id == version_id:
                return self._index

        def build(session: Session) -> SearchIndex:
            rows = _items_in_order(session, version_id)
            entries = (
                make_entry(summary_view(item), order, item.name_pinyin, item.name_initials)
                for item, order in rows
            )
            return SearchIndex.build(version_id, entries)

        index = self.db.run_read(build)
        with self._index_lock:
            self._index = index
        return index

    @open_to_clerks
    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> tuple[SearchHit, ...]:
        return self.search_index().search(text, limit)
