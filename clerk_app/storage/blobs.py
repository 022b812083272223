"""A content-addressed blob store: each blob is a file named by the SHA-256 of its bytes.

Archived PDFs, scanned pages and their thumbnails, and sync blobs live here. A blob is written
to a temporary file inside the store, flushed and fsynced, renamed into place atomically and
its directories fsynced, so after ``put`` returns the blob survives a power cut, and a database
row committed afterwards never points at a blob that can be lost. A crash part-way leaves at
most a stray temporary file, never a blob with the wrong content under a valid name. Writing the
same bytes twice stores them once (and refreshes the stored file's time, so the orphan sweep's
grace period also covers a save that found its blob already there). Whole reads (``get``) check
the hash. A full disk is reported as :class:`StorageFullError`, with nothing left behind.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

_SHA256 = re.compile(r"[0-9a-f]{64}")
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


class BlobError(Exception):
    """A blob that is missing, corrupt, or named by something that is not a sha256."""


class BadDigestError(BlobError, ValueError):
    """Not a SHA-256 hex digest."""


class BlobNotFoundError(BlobError, KeyError):
    """No blob with this digest is stored."""

    def __str__(self) -> str:  # KeyError would show the message quoted, like a key
        return str(self.args[0])


class StorageFullError(BlobError, OSError):
    """The disk (or the user's quota, or the file-size limit) is full: nothing was stored."""


def is_storage_full(error: BaseException) -> bool:
    """Whether an OS error means "no space left" (ENOSPC, EDQUOT, EFBIG)."""
    return isinstance(error, OSError) and error.errno in _FULL


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file found in the store: a blob (``sha256`` set) or a stray temporary (``None``)."""

    path: Path
    sha256: str | None
    size: int
    mtime_s: float


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Blobs under ``root/ab/cd/abcd…``: two levels of fan-out keep directories small."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._tmp = root / "tmp"

    @property
    def root(self) -> Path:
        return self._root

    def path_of(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise BadDigestError(f"not a sha256 digest: {sha256!r}")
        return self._root / sha256[:2] / sha256[2:4] / sha256

    path = path_of

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put_bytes(self, data: bytes) -> str:
        """Store ``data`` durably; returns its SHA-256 hex digest."""
        digest = sha256_of(data)
        target = self.path_of(digest)
        if target.is_file() and target.stat().st_size == len(data):
            os.utime(target)  # a save in flight refers to it now: young again for the sweep
            return digest
        new_dirs = [d for d in (target.parent.parent, target.parent) if not d.is_dir()]
        target.parent.mkdir(parents=True, exist_ok=True)
        self._tmp.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix=digest[:8], suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            tmp.replace(target)
        except BaseException as exc:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            if isinstance(exc, OSError) and is_storage_full(exc):
                raise StorageFullError(exc.errno, f"No space left in {self._root}") from exc
            raise
        # The rename lives in the blob's directory; a directory made just now lives in its parent.
        for directory in (target.parent, *(made.parent for made in reversed(new_dirs))):
            _fsync_dir(directory)
        log.debug("stored blob %s (%d bytes)", digest, len(data))
        return digest

    put = put_bytes

    def open(self, sha256: str) -> BinaryIO:
        """The stored blob for streaming; :class:`BlobNotFoundError` when there is none."""
        try:
            return self.path_of(sha256).open("rb")
        except FileNotFoundError as exc:
            raise BlobNotFoundError(f"blob {sha256} is missing from {self._root}") from exc

    def read_bytes(self, sha256: str) -> bytes:
        """The blob's bytes, verified against its name."""
        with self.open(sha256) as blob:
            data = blob.read()
        if sha256_of(data) != sha256:
            raise BlobError(f"blob {sha256} is corrupt (its content no longer matches its hash)")
        return data

    get = read_bytes

    def files(self) -> Iterator[StoredFile]:
        """Every blob and stray temporary file in the store (for the orphan sweep)."""
        if not self._root.is_dir():
            return
        for path in self._root.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*"):
            name = path.name
            if _SHA256.fullmatch(name) and name[:2] == path.parent.parent.name:
                yield from _stored(path, name)
        if self._tmp.is_dir():
            for path in self._tmp.glob("*.part"):
                yield from _stored(path, None)


def _stored(path: Path, sha256: str | None) -> Iterator[StoredFile]:
    try:
        st = path.stat()
    except FileNotFoundError:  # gone meanwhile (a concurrent sweep, a rename into place)
        return
    yield StoredFile(path, sha256, st.st_size, st.st_mtime)


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    if os.name == "nt":
        return  # NTFS journals the rename itself; directories cannot be opened for fsync
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
