"""A full disk for the tests (docs/sync-rules.md fault 9), as real as the machine allows.

Where the test process may mount (root, or a container with CAP_SYS_ADMIN), a small tmpfs is
mounted and filled with ballast: writes on it fail with the kernel's own ENOSPC, and a SQLite
database on it fails with SQLITE_FULL. Elsewhere the same interfaces are made to fail in the
kernel or in SQLite without a mount: a file-size limit (``RLIMIT_FSIZE``, EFBIG) for plain
files, and ``PRAGMA max_page_count`` (SQLITE_FULL, the code a full disk gives) for SQLite.
A PostgreSQL server's disk cannot be filled from here: a trigger raises SQLSTATE 53100
(``disk_full``), the error PostgreSQL itself sends when its disk is full.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import event, text

from onewindow_base.blobs import BlobStore
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING

TMPFS_BYTES = 8 << 20
GROWING_TABLES = (
    "catalogue_version",
    "catalogue_item",
    "catalogue_version_item",
    "intake_case",
    "case_page",
    "sync_outbox",
)


@contextlib.contextmanager
def small_filesystem(where: Path) -> Iterator[bool]:
    """Mount a small tmpfs on ``where`` (made empty); yields whether that worked."""
    where.mkdir(parents=True, exist_ok=True)
    try:
        mounted = (
            subprocess.run(
                [
                    "mount",
                    "-t",
                    "tmpfs",
                    "-o",
                    f"size={TMPFS_BYTES},mode=0700",
                    "tmpfs",
                    str(where),
                ],
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )
    except OSError:  # no mount(8) at all
        mounted = False
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(where: Path, leave_bytes: int) -> None:
    """Take all the free space on ``where``'s filesystem but ``leave_bytes``."""
    stat = os.statvfs(where)
    free = stat.f_bavail * stat.f_frsize
    with (where / "ballast").open("wb") as ballast:
        chunk = b"\0" * (1 << 20)
        remaining = max(0, free - leave_bytes)
        while remaining > 0:
            remaining -= ballast.write(chunk[: min(remaining, len(chunk))])


@contextlib.contextmanager
def file_size_limit(max_bytes: int) -> Iterator[None]:
    """No file of this process may grow past ``max_bytes`` (EFBIG instead of SIGXFSZ)."""
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, old_limit[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)


def database_without_room(db: Database) -> Callable[[], None]:
    """Let ``db`` grow no more: SQLite stops at its current page count; on PostgreSQL a new
    catalogue or case row fails with SQLSTATE 53100, as if the server's disk were full.
    Returns the function that makes room again."""
    if db.is_postgres:
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    "BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' "
                    "USING ERRCODE = 'disk_full'; END $$"
                )
            )
            for table in GROWING_TABLES:
                conn.execute(
                    text(
                        f"CREATE TRIGGER test_disk_full BEFORE INSERT ON {table} "
                        "FOR EACH ROW EXECUTE FUNCTION test_disk_full()"
                    )
                )

        def drop_trigger() -> None:
            with db.engine.begin() as conn:
                conn.execute(text("DROP FUNCTION test_disk_full() CASCADE"))

        return drop_trigger

    def no_growth(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", no_growth)
    db.engine.dispose()  # every connection from now on has the limit

    def lift_limit() -> None:
        event.remove(db.engine, "connect", no_growth)
        db.engine.dispose()

    return lift_limit


@contextlib.contextmanager
def full_blob_store(where: Path) -> Iterator[BlobStore]:
    """A blob store whose disk has no room left (or, without a mount, no room for a file
    over 4 KB)."""
    with small_filesystem(where) as mounted:
        store = BlobStore(where / "blobs", TEST_RING)
        if mounted:
            fill(where, leave_bytes=0)
            yield store
        else:
            with file_size_limit(4096):
                yield store
