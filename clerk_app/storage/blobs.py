"""A content-addressed blob store: each blob lives at ``<root>/<sha256[:2]>/<sha256>``.

``put`` is durable before it returns: the bytes go to a temporary file in the target folder,
the file is fsynced, renamed over the final name, and the folder is fsynced, so a database
row committed after ``put`` never points at a blob a power cut can lose. Writing the same
bytes twice is harmless (same name, same content). ``get`` checks the hash on every read.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BlobError(Exception):
    """A blob that is missing, corrupt, or named by something that is not a sha256."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        if not _SHA256.match(digest):
            raise BlobError(f"not a sha256 digest: {digest!r}")
        return self.root / digest[:2] / digest

    def put(self, data: bytes) -> str:
        """Store ``data`` durably; returns its sha256 (hex)."""
        digest = sha256_of(data)
        target = self.path(digest)
        if target.is_file() and target.stat().st_size == len(data):
            return digest
        folder = target.parent
        new_folder = not folder.is_dir()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            Path(tmp).replace(target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(folder)
        if new_folder:
            _fsync_dir(self.root)
        return digest

    def get(self, digest: str) -> bytes:
        """The blob's bytes, verified against its name."""
        try:
            data = self.path(digest).read_bytes()
        except FileNotFoundError:
            raise BlobError(f"blob {digest} is missing from {self.root}") from None
        if sha256_of(data) != digest:
            raise BlobError(f"blob {digest} is corrupt (its content no longer matches its hash)")
        return data

    def exists(self, digest: str) -> bool:
        return self.path(digest).is_file()
