"""A content-addressed blob store: each blob is a file named by the SHA-256 of its bytes.

Archived PDFs, scanned pages and their thumbnails, and sync blobs live here. A blob is written
to a temporary file inside the store, flushed and fsynced, renamed into place atomically and
its directories fsynced, so after ``put`` returns the blob survives a power cut, and a database
row committed afterwards never points at a blob that can be lost. A crash part-way leaves at
most a stray temporary file, never a blob with the wrong content under a valid name. Writing the
same bytes twice stores them once. Whole reads (``get``) check the hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

_SHA256 = re.compile(r"[0-9a-f]{64}")


class BlobError(Exception):
    """A blob that is missing, corrupt, or named by something that is not a sha256."""


class BadDigestError(BlobError, ValueError):
    """Not a SHA-256 hex digest."""


class BlobNotFoundError(BlobError, KeyError):
    """No blob with this digest is stored."""

    def __str__(self) -> str:  # KeyError would show the message quoted, like a key
        return str(self.args[0])


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
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
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


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    if os.name == "nt":
        return  # NTFS journals the rename itself; directories cannot be opened for fsync
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
