"""An SQLite hall file before it is opened, and its checks.

Before the engine touches the file: a file on a network share is refused, an existing 0-byte
file is reported rather than started afresh as an empty hall, a file that is not SQLite at all
is reported as damaged (and left exactly as it is). A new file is created while holding the
writer queue's lock, so a process that finds a 0-byte file has only to queue behind the lock to
tell "being created right now" from "empty".
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from clerk_app.db.filesystem import FsProbe, fs_type, is_network
from onewindow_base.failures.database import DatabaseRefused, DbProblem

log = logging.getLogger(__name__)

HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm")
# Every open connection to a WAL database holds a shared lock on this byte of its -shm file
# (the "DMS" lock of SQLite's unix VFS, after the 8 lock bytes from offset 120:
# https://www.sqlite.org/walformat.html#the_wal_index_file_format).
_SHM_DMS_BYTE = 128


def sqlite_file(url: str | URL) -> Path | None:
    """The file of an SQLite URL; None for PostgreSQL and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(str(parsed.database))


@contextmanager
def file_lock(database: Path) -> Iterator[None]:
    """Exclusive work on the database file outside SQLite, creating it or putting a backup in
    its place, one process at a time (the ``.writelock`` file next to it; POSIX only). SQLite's
    own lock orders every write transaction."""
    if sys.platform == "win32":
        yield
        return
    import fcntl  # noqa: PLC0415 - POSIX only

    fd = os.open(f"{database}.writelock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def prepare(path: Path, probe: FsProbe = fs_type) -> None:
    """Refuse a file on a network share, an empty file, a file that is not SQLite; create a
    missing one (header written under the writer lock)."""
    kind = probe(path)
    if is_network(kind):
        raise DatabaseRefused(DbProblem.NETWORK_SHARE, path=path, fs=kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.stat().st_size == 0:
        with file_lock(path):
            if not path.exists():
                _create(path)
                return
            if path.stat().st_size == 0:
                raise DatabaseRefused(DbProblem.EMPTY, path=path)
    if not has_header(path):
        raise DatabaseRefused(DbProblem.DAMAGED, path=path)


def _create(path: Path) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")  # writes the header: never a 0-byte file
    log.info("new database file %s", path)


def has_header(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(HEADER)) == HEADER


@contextmanager
def connect_existing(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that never creates the file (a missing one raises)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 15000")
        yield conn
    finally:
        conn.close()


def file_problems(path: Path, *, foreign_keys: bool = True) -> list[str]:
    """What SQLite finds wrong with the file: ``integrity_check`` (every page, index and
    constraint) and ``foreign_key_check``; an empty list means sound. A backup is judged by
    the first alone: it copies the hall as it stood, a dangling reference included."""
    if not path.exists():
        return ["the file does not exist"]
    if path.stat().st_size == 0:
        return ["the file is empty (0 bytes)"]
    if not has_header(path):
        return ["not an SQLite database file"]
    try:
        with connect_existing(path) as conn:
            found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
            problems = [] if found == ["ok"] else found
            if foreign_keys:
                problems += [
                    f"foreign key: {table} row {rowid} names a missing {parent}"
                    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
                ]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return problems


def in_use(path: Path) -> bool:
    """Whether another process has the database open (POSIX; on Windows an open file cannot
    be renamed, which the restore reports the same way). Call it with no connection of this
    process open to the file: closing the probe's descriptor drops this process's own POSIX
    locks on it."""
    shm = Path(f"{path}-shm")
    if sys.platform == "win32" or not shm.exists():
        return False
    import fcntl  # noqa: PLC0415 - POSIX only

    fd = os.open(shm, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)
