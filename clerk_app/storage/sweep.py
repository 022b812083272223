"""The orphan-blob sweep: files in the blob store that no database row refers to.

A save writes its scans to the store first and commits the rows that name them afterwards
(docs/sync-rules.md, "Local durability"), so a process killed in between, a disk that filled up
part-way through a multi-page file, or a draft closed without saving leaves blobs nobody refers to.
The sweep deletes them, and stray temporary files, once they are older than a grace period.

What it never deletes:
- a blob named by a committed row (case pages and their thumbnails, archived documents, print
  payloads, pad signatures' images and strokes, the blobs of outbox operations, acknowledged
  payloads, the pictures kept with photo checks, the blobs of outbox operations, acknowledged
  ones included: they are kept for replays after a server restore). Rows name blobs by their
  plaintext SHA-256; the store maps each to its keyed file name (and to the plain name of a
  blob not yet sealed);
- a blob younger than the grace period: a save in flight has written it and not committed yet.
  The store refreshes a blob's time when a save finds it already stored, so this holds for
  deduplicated scans too. The list of files is taken *before* the references are read, and each
  file's age is checked again just before it goes, so a blob that a save took up meanwhile is
  either referenced or young by then.

On PostgreSQL several counters share one hall database; a blob is kept if any of them refers to
it, which is the safe side when the store is shared too.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import CasePage, CasePhotoCheck
from clerk_app.db.printing_models import ArchivedDocument, PrintJobRow
from clerk_app.db.signature_models import CaseSignature
from clerk_app.db.sync_models import OutboxOperation
from onewindow_base.blobs import BlobStore, FileKind, StoredFile
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

DEFAULT_GRACE_S = 24 * 3600  # longer than any intake visit: a draft's scans are safe


@dataclass(frozen=True, slots=True)
class SweepReport:
    deleted: int  # orphan blobs deleted
    temporaries: int  # stray temporary files deleted
    bytes_freed: int
    referenced: int  # blobs kept because a row names them
    young: int  # unreferenced files kept because they are inside the grace period


def referenced_digests(session: Session) -> set[str]:
    """The plaintext SHA-256 of every blob that a committed row refers to."""
    found: set[str] = set()
    columns = (
        CasePage.sha256,
        CasePage.thumb_sha256,
        ArchivedDocument.sha256,
        PrintJobRow.payload_sha256,
        CaseSignature.png_sha256,
        CaseSignature.strokes_sha256,
        CasePhotoCheck.card_photo_sha256,
        CasePhotoCheck.camera_sha256,
    )
    for column in columns:
        found.update(d for d in session.scalars(select(column).distinct()) if d)
    for listed in session.scalars(select(OutboxOperation.blobs)):
        found.update(json.loads(listed or "[]"))
    return found


def sweep_orphan_blobs(
    db: Database,
    store: BlobStore,
    *,
    grace_s: float = DEFAULT_GRACE_S,
    clock: Clock | None = None,
) -> SweepReport:
    """Delete unreferenced blobs and temporaries older than ``grace_s`` (file times are wall
    time, hence the system clock by default)."""
    clock = clock or SystemClock()
    cutoff = clock.now_ms() / 1000 - grace_s
    files = list(store.files())  # before the references: see the module's docstring
    digests = db.run_read(referenced_digests)
    referenced = digests | {store.name_of(d) for d in digests}
    deleted = temporaries = freed = kept = young = 0
    for stored in files:
        if stored.kind is not FileKind.TEMPORARY and stored.name in referenced:
            kept += 1
        elif stored.mtime_s >= cutoff or not _still_old(stored, cutoff):
            young += 1
        elif _delete(stored):
            freed += stored.size
            if stored.kind is FileKind.TEMPORARY:
                temporaries += 1
            else:
                deleted += 1
    report = SweepReport(deleted, temporaries, freed, kept, young)
    if deleted or temporaries:
        log.info(
            "blob sweep: %d orphan blob(s) and %d temporary file(s) deleted, %d bytes freed",
            deleted,
            temporaries,
            freed,
        )
    return report


def sweep_at_start(db: Database, store: BlobStore) -> SweepReport | None:
    """The sweep the app runs when it starts (in the background): a failure is logged and
    never keeps the counter from opening."""
    try:
        return sweep_orphan_blobs(db, store)
    except (OSError, SQLAlchemyError) as exc:
        log.warning("the orphan-blob sweep failed (%s); trying again at the next start", exc)
        return None


def _still_old(stored: StoredFile, cutoff: float) -> bool:
    try:
        return stored.path.stat().st_mtime < cutoff
    except FileNotFoundError:
        return False


def _delete(stored: StoredFile) -> bool:
    with contextlib.suppress(FileNotFoundError):
        stored.path.unlink()
        return True
    return False
