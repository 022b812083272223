"""A content-addressed blob store: each blob is a file named by the SHA-256 of its bytes.

A blob is written to a temporary file in the same directory tree, flushed and fsynced, renamed
into place atomically and the directory fsynced, so after ``put_bytes`` returns the blob
survives a power cut, and a crash part-way leaves at most a stray temporary file, never a blob
with the wrong content under a valid name. Writing the same bytes twice stores them once.
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


class BlobNotFoundError(KeyError):
    """No blob with this digest is stored."""


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
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self._root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def put_bytes(self, data: bytes) -> str:
        """Store ``data`` durably; returns its SHA-256 hex digest."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_of(digest)
        if target.is_file():
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

    def open(self, sha256: str) -> BinaryIO:
        """The stored blob for reading; :class:`BlobNotFoundError` when there is none."""
        try:
            return self.path_of(sha256).open("rb")
        except FileNotFoundError as exc:
            raise BlobNotFoundError(sha256) from exc

    def read_bytes(self, sha256: str) -> bytes:
        with self.open(sha256) as blob:
            return blob.read()


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    if os.name == "nt":
        return  # NTFS journals the rename itself; directories cannot be opened for fsync
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
