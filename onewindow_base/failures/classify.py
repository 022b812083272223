"""Which exceptions are operational failures, and the message each one gets.

The libraries say what went wrong in their own types: ``OSError`` with an errno, SQLite's
result codes, PostgreSQL's SQLSTATE, httpx's transport errors, the key store's own error. Each
is mapped here, once, to a :class:`FailureKind` with the file, database or server it concerns.
An exception that is none of these is a programming error and is left alone (``None``): its
traceback is what a bug report needs. The chain of explicit causes (``raise … from exc``) is
followed, so a service's refusal that wraps a full disk reads as a full disk.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from onewindow_base.crypto.keys import KeyStoreError
from onewindow_base.failures.base import FailureKind, OperationalFailure
from onewindow_base.failures.database import DatabaseRefused, DbProblem, is_damage

# SQLite primary result codes (the low byte of an extended code); a damaged file
# (SQLITE_CORRUPT, SQLITE_NOTADB) is onewindow_base.failures.database's is_damage.
_SQLITE_KINDS = {
    3: FailureKind.DATABASE_READ_ONLY,  # SQLITE_PERM
    5: FailureKind.DATABASE_BUSY,  # SQLITE_BUSY
    6: FailureKind.DATABASE_BUSY,  # SQLITE_LOCKED
    8: FailureKind.DATABASE_READ_ONLY,  # SQLITE_READONLY
    10: FailureKind.DATABASE_DISK_ERROR,  # SQLITE_IOERR
    13: FailureKind.DISK_FULL,  # SQLITE_FULL
    14: FailureKind.DATABASE_CANNOT_OPEN,  # SQLITE_CANTOPEN
}
# PostgreSQL SQLSTATEs (exact codes first, then their class).
_PG_CODES = {
    "53100": FailureKind.DATABASE_SERVER_DISK_FULL,  # disk_full
    "55P03": FailureKind.DATABASE_BUSY,  # lock_not_available
    "57014": FailureKind.DATABASE_BUSY,  # query_canceled (a statement or lock timeout)
    "57P01": FailureKind.DATABASE_UNREACHABLE,  # admin_shutdown
    "57P02": FailureKind.DATABASE_UNREACHABLE,  # crash_shutdown
    "57P03": FailureKind.DATABASE_UNREACHABLE,  # cannot_connect_now (starting up)
    "3D000": FailureKind.DATABASE_REFUSED,  # invalid_catalog_name: no such database
    "42501": FailureKind.DATABASE_REFUSED,  # insufficient_privilege
    "XX001": FailureKind.DATABASE_DAMAGED,  # data_corrupted
    "XX002": FailureKind.DATABASE_DAMAGED,  # index_corrupted
}
_PG_CLASSES = {
    "08": FailureKind.DATABASE_UNREACHABLE,  # connection_exception
    "28": FailureKind.DATABASE_REFUSED,  # invalid_authorization_specification
    "53": FailureKind.DATABASE_REFUSED,  # insufficient_resources (too many connections …)
    "58": FailureKind.DATABASE_DISK_ERROR,  # system_error (an I/O error on the server)
}
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_FILE_KINDS = {
    errno.EACCES: FailureKind.PERMISSION_DENIED,
    errno.EPERM: FailureKind.PERMISSION_DENIED,
    errno.EROFS: FailureKind.READ_ONLY_DISK,
    errno.ENOENT: FailureKind.FILE_MISSING,
    errno.ENOTDIR: FailureKind.FILE_MISSING,
}
_NETWORK_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ETIMEDOUT,
    }
)
# A full disk shows in SQLite as an I/O error (the WAL index cannot grow) or a file it cannot
# open as often as SQLITE_FULL; with less room than this left, the disk is the cause.
_MAYBE_FULL = frozenset({FailureKind.DATABASE_DISK_ERROR, FailureKind.DATABASE_CANNOT_OPEN})
FULL_BELOW_BYTES = 64 * 1024
MAX_CHAIN = 16


@dataclass(frozen=True, slots=True)
class Surroundings:
    """What a failure may concern: the database (its URL) and the data folder."""

    database: str | None = None
    data_dir: Path | None = None

    def database_name(self) -> str:
        """The SQLite file, or ``host:port/database`` (never the user or the password)."""
        url = self._url()
        if url is None:
            return "?"
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:"
        return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"

    def database_disk_full(self) -> bool:
        """Whether an SQLite database's disk has (almost) no room left."""
        url = self._url()
        if url is None or url.get_backend_name() != "sqlite" or not url.database:
            return False
        try:
            return shutil.disk_usage(Path(url.database).parent).free < FULL_BELOW_BYTES
        except OSError:  # the folder is gone or unreadable: something else is wrong
            return False

    def _url(self) -> URL | None:
        if not self.database:
            return None
        try:
            return make_url(self.database)
        except ArgumentError:
            return None


def explain(exc: BaseException, where: Surroundings | None = None) -> OperationalFailure | None:
    """The operational failure ``exc`` is (or was caused by), or None for anything else."""
    where = where or Surroundings()
    seen: BaseException | None = exc
    for _ in range(MAX_CHAIN):
        if seen is None:
            return None
        found = _one(seen, where)
        if found is not None:
            return found
        seen = seen.__cause__
    return None


def _one(exc: BaseException, where: Surroundings) -> OperationalFailure | None:
    if isinstance(exc, OperationalFailure):
        return exc
    if isinstance(exc, KeyStoreError):
        return OperationalFailure.of(FailureKind.KEY_RING, detail=_first_line(exc))
    if isinstance(exc, PoolTimeout):
        return OperationalFailure.of(
            FailureKind.DATABASE_BUSY, target=where.database_name(), detail=_first_line(exc)
        )
    if isinstance(exc, DBAPIError | sqlite3.Error):
        return _database(exc.orig if isinstance(exc, DBAPIError) else exc, where)
    if isinstance(exc, OSError):
        return _os_error(exc, where)
    return _http_transport(exc)  # not OSErrors: httpx wraps the socket's


def _database(orig: BaseException | None, where: Surroundings) -> OperationalFailure | None:
    if orig is None:
        return None
    if isinstance(orig, sqlite3.Error):
        if is_damage(orig):  # the restore from the hall's own backups
            return DatabaseRefused(DbProblem.DAMAGED, path=where.database_name())
        kind = _sqlite_kind(orig)
    elif type(orig).__module__.split(".")[0] == "psycopg":
        kind = _postgres_kind(orig)
    else:
        return None
    if kind is None:
        return None
    if kind in _MAYBE_FULL and where.database_disk_full():  # SQLite names the symptom only
        kind = FailureKind.DISK_FULL
    return OperationalFailure.of(kind, target=where.database_name(), detail=_first_line(orig))


def _sqlite_kind(orig: sqlite3.Error) -> FailureKind | None:
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_KINDS.get(code & 0xFF)
    return FailureKind.DATABASE_BUSY if "database is locked" in str(orig) else None


def _postgres_kind(orig: BaseException) -> FailureKind | None:
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate is None:  # no reply from a server at all: refused, unknown host, timed out
        is_connection = type(orig).__name__ == "OperationalError"
        return FailureKind.DATABASE_UNREACHABLE if is_connection else None
    return _PG_CODES.get(sqlstate) or _PG_CLASSES.get(sqlstate[:2])


def _http_transport(exc: BaseException) -> OperationalFailure | None:
    """httpx's network errors; httpx is only looked at when something has loaded it."""
    httpx = sys.modules.get("httpx")
    if httpx is None or not isinstance(exc, httpx.TransportError):
        return None
    try:
        url = exc.request.url
        target = f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}"
    except RuntimeError:  # raised outside a request
        target = "?"
    detail = _first_line(exc) or type(exc).__name__
    return OperationalFailure.of(FailureKind.SERVER_UNREACHABLE, target=target, detail=detail)


def _os_error(exc: OSError, where: Surroundings) -> OperationalFailure | None:
    code = exc.errno
    detail = exc.strerror or _first_line(exc)
    if code in _DISK_FULL_ERRNOS:  # a write() names no file: the data folder is the best guess
        target = exc.filename or where.data_dir or where.database_name()
        return OperationalFailure.of(FailureKind.DISK_FULL, target=target)
    if exc.filename is None:  # no file named: a network error, or none the person can act on
        if code in _NETWORK_ERRNOS:
            return OperationalFailure.of(FailureKind.SERVER_UNREACHABLE, target="?", detail=detail)
        return None
    kind = _FILE_KINDS.get(code or 0, FailureKind.FILE_ERROR)
    return OperationalFailure.of(kind, target=exc.filename, detail=detail)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else ""
