"""The blob store: scans, thumbnails, archived papers and print payloads, encrypted at rest.

The app names a blob by the SHA-256 of its plaintext; on disk each blob is one file sealed
under the key ring (``onewindow_base.crypto.blobs``) and named by a keyed hash of that digest,
``root/ab/cd/<name>.owb``. So equal files are stored once, the names say nothing about the
content to someone without the key, and every read is verified: a damaged or altered file is
:class:`BlobCorruptError`, never wrong bytes.

A blob is written to a temporary file inside the store, flushed and fsynced, renamed into place
atomically and its directories fsynced, so after ``put`` returns the blob survives a power cut,
and a database row committed afterwards never points at a blob that can be lost. A crash
part-way leaves at most a stray temporary file. Writing the same bytes twice stores them once
(and refreshes the stored file's time, so the orphan sweep's grace period also covers a save
that found its blob already there). A full disk is :class:`StorageFullError`, nothing left
behind.

A PC without the hall key file (a kiosk: it prints queue tickets and nothing else) has a store
without a ring: it keeps blobs that carry no personal data (``personal=False``: tickets, test
pages) as plain files named by their digest and refuses every other blob with the key store's
own :class:`KeyStoreError`, so no personal data is ever written unsealed.

Stores written before encryption hold plain files named by the digest itself
(``root/ab/cd/<sha256>``). They are still read (verified against their name) until
:meth:`BlobStore.seal_plain` (``keys reencrypt``) has sealed them, and a ``put`` of the same
bytes seals that blob at once.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import hashlib
import io
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from onewindow_base.crashpoint import crashpoint
from onewindow_base.crypto.blobs import HEADER_MAX, BlobSealer, OpenFailure, SealedBlobError
from onewindow_base.crypto.blobs import sealed_key_id as _sealed_key_id
from onewindow_base.crypto.keys import KeyRing, KeyStoreError

log = logging.getLogger(__name__)

_SHA256 = re.compile(r"[0-9a-f]{64}")
_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
SEALED_SUFFIX = ".owb"


class BlobError(Exception):
    """A blob that is missing, corrupt, or named by something that is not a sha256."""


class BadDigestError(BlobError, ValueError):
    """Not a SHA-256 hex digest."""


class BlobNotFoundError(BlobError, KeyError):
    """No blob with this digest is stored."""

    def __str__(self) -> str:  # KeyError would show the message quoted, like a key
        return str(self.args[0])


class BlobCorruptError(BlobError):
    """A stored blob that does not open or no longer matches its name: restore it."""


class StorageFullError(BlobError, OSError):
    """The disk (or the user's quota, or the file-size limit) is full: nothing was stored."""


def is_storage_full(error: BaseException) -> bool:
    """Whether an OS error means "no space left" (ENOSPC, EDQUOT, EFBIG)."""
    return isinstance(error, OSError) and error.errno in _FULL


class FileKind(enum.StrEnum):
    SEALED = "sealed"  # an encrypted blob, named by its keyed hash
    PLAIN = "plain"  # a blob from before encryption, named by its sha256
    TEMPORARY = "temporary"  # a write that never finished


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file found in the store; ``name`` is what the store calls it (see :class:`FileKind`)."""

    path: Path
    name: str
    kind: FileKind
    size: int
    mtime_s: float


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check(sha256: str) -> str:
    if not _SHA256.fullmatch(sha256):
        raise BadDigestError(f"not a sha256 digest: {sha256!r}")
    return sha256


_FAILURES = {
    OpenFailure.NOT_SEALED: "is not an encrypted blob (damaged, or written by something else)",
    OpenFailure.UNKNOWN_KEY: "was encrypted with key {key}, which this key ring does not hold",
    OpenFailure.RETIRED_KEY: "was encrypted with key {key}, which was retired",
    OpenFailure.TAMPERED: "does not decrypt: the file was damaged or altered, or the key differs",
}


class BlobStore:
    """Blobs under ``root/ab/cd/…``, sealed with ``ring``: two levels of fan-out keep
    directories small. Without a ring (``no_ring`` says why) only blobs without personal data
    are stored, plain."""

    def __init__(
        self, root: Path, ring: KeyRing | None, *, no_ring: KeyStoreError | None = None
    ) -> None:
        self._root = root
        self._tmp = root / "tmp"
        self._maybe_sealer = BlobSealer(ring) if ring is not None else None
        self._no_ring = no_ring or KeyStoreError("this blob store has no key ring")

    @property
    def _sealer(self) -> BlobSealer:
        if self._maybe_sealer is None:
            raise self._no_ring
        return self._maybe_sealer

    @property
    def sealed(self) -> bool:
        """Whether blobs are sealed here (False: a store of this PC without the hall key)."""
        return self._maybe_sealer is not None

    @property
    def root(self) -> Path:
        return self._root

    @property
    def ring(self) -> KeyRing:
        return self._sealer.ring

    @property
    def active_key(self) -> str:
        return self._sealer.active_id

    def name_of(self, sha256: str) -> str:
        """The keyed name the blob with this plaintext digest is stored under."""
        return self._sealer.name_of(_check(sha256))

    def path_of(self, sha256: str) -> Path:
        """Where the sealed blob with this plaintext digest is (or would be) stored."""
        return self._sealed_path(self.name_of(sha256))

    def _sealed_path(self, name: str) -> Path:
        return self._root / name[:2] / name[2:4] / f"{name}{SEALED_SUFFIX}"

    def _plain_path(self, sha256: str) -> Path:
        return self._root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        sealed = self.sealed and self.path_of(sha256).is_file()
        return sealed or self._plain_path(_check(sha256)).is_file()

    def put_bytes(self, data: bytes, *, personal: bool = True) -> str:
        """Store ``data`` sealed and durably; returns the SHA-256 hex of the plaintext. A store
        without a ring keeps a blob without personal data plain and refuses any other."""
        digest = sha256_of(data)
        if not self.sealed and not personal:
            return self._put_plain(digest, data)
        name = self._sealer.name_of(digest)
        target = self._sealed_path(name)
        if target.is_file():
            os.utime(target)  # a save in flight refers to it now: young again for the sweep
        else:
            self._write(target, self._sealer.seal(name, data))
            log.debug("stored blob %s… (%d bytes)", name[:12], len(data))
        crashpoint("blobs.sealed_before_plain_removed")
        with contextlib.suppress(FileNotFoundError):
            self._plain_path(digest).unlink()  # sealed now: the plain copy from before goes
        return digest

    put = put_bytes

    def _put_plain(self, digest: str, data: bytes) -> str:
        target = self._plain_path(digest)
        if target.is_file():
            os.utime(target)
        else:
            self._write(target, data)
        return digest

    def _write(self, target: Path, sealed: bytes) -> None:
        """``sealed`` at ``target``, atomically and durably (also replacing a file there)."""
        new_dirs = [d for d in (target.parent.parent, target.parent) if not d.is_dir()]
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._tmp.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._full(exc) if is_storage_full(exc) else exc from None
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix="blob-", suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(sealed)
                out.flush()
                os.fsync(out.fileno())
            tmp.replace(target)
        except BaseException as exc:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            if isinstance(exc, OSError) and is_storage_full(exc):
                raise self._full(exc) from exc
            raise
        # The rename lives in the blob's directory; a directory made just now lives in its parent.
        for directory in (target.parent, *(made.parent for made in reversed(new_dirs))):
            _fsync_dir(directory)

    def _full(self, exc: OSError) -> StorageFullError:
        return StorageFullError(exc.errno, f"No space left in {self._root}")

    def read_bytes(self, sha256: str) -> bytes:
        """The blob's plaintext, verified: :class:`BlobCorruptError` when it does not open or
        does not match ``sha256``, :class:`BlobNotFoundError` when there is none."""
        if not self.sealed:
            try:
                return self._read_plain(_check(sha256))
            except BlobNotFoundError:  # it may well be here, sealed under a key this PC lacks
                raise self._no_ring from None
        name = self.name_of(sha256)
        try:
            sealed = self._sealed_path(name).read_bytes()
        except FileNotFoundError:
            return self._read_plain(sha256)
        try:
            data = self._sealer.open(name, sealed)
        except SealedBlobError as exc:
            raise self._corrupt(sha256, exc) from None
        if sha256_of(data) != sha256:  # only a bug could get here: the name is authenticated
            raise BlobCorruptError(f"blob {sha256[:12]}… does not match its hash")
        return data

    get = read_bytes

    def _read_plain(self, sha256: str) -> bytes:
        try:
            data = self._plain_path(sha256).read_bytes()
        except FileNotFoundError:
            raise BlobNotFoundError(f"blob {sha256[:12]}… is missing from {self._root}") from None
        if sha256_of(data) != sha256:
            raise BlobCorruptError(
                f"blob {sha256[:12]}… in {self._root} is corrupt (its content no longer matches "
                "its hash): restore the blob folder from the backup"
            )
        return data

    def _corrupt(self, sha256: str, exc: SealedBlobError) -> BlobCorruptError:
        reason = _FAILURES[exc.failure].format(key=exc.key_id)
        return BlobCorruptError(
            f"blob {sha256[:12]}… in {self._root} is corrupt: it {reason}. Restore the blob "
            "folder from the backup, or copy here the key file that opens it"
        )

    def open(self, sha256: str) -> BinaryIO:
        """The verified plaintext as a file object (blobs are read whole: scans and papers are
        a few MB at most)."""
        return io.BytesIO(self.read_bytes(sha256))

    # ------------------------------------------------------------ the whole store
    def files(self) -> Iterator[StoredFile]:
        """Every blob and stray temporary file in the store (for the sweep and rotation)."""
        if not self._root.is_dir():
            return
        for path in self._root.glob("[0-9a-f][0-9a-f]/[0-9a-f][0-9a-f]/*"):
            name, sealed = path.name.removesuffix(SEALED_SUFFIX), path.name.endswith(SEALED_SUFFIX)
            if _SHA256.fullmatch(name) and name[:2] == path.parent.parent.name:
                yield from _stored(path, name, FileKind.SEALED if sealed else FileKind.PLAIN)
        if self._tmp.is_dir():
            for path in self._tmp.glob("*.part"):
                yield from _stored(path, path.name, FileKind.TEMPORARY)

    def key_of(self, stored: StoredFile) -> str | None:
        """The ring key a sealed file needs (None: not a sealed file, or unreadable header)."""
        if stored.kind is not FileKind.SEALED:
            return None
        try:
            with stored.path.open("rb") as handle:
                return _sealed_key_id(handle.read(HEADER_MAX))
        except FileNotFoundError:
            return None

    def reseal(self, stored: StoredFile) -> bool:
        """Seal a sealed file again under the active key, in place; False when it already is
        (or went meanwhile). A file that does not open is :class:`BlobCorruptError`."""
        try:
            sealed = stored.path.read_bytes()
        except FileNotFoundError:
            return False
        if _sealed_key_id(sealed[:HEADER_MAX]) == self._sealer.active_id:
            return False
        try:
            _, data = self._sealer.open_verified(stored.name, sealed)
        except SealedBlobError as exc:
            raise self._corrupt(stored.name, exc) from None
        self._write(stored.path, self._sealer.seal(stored.name, data))
        return True

    def seal_plain(self, stored: StoredFile) -> bool:
        """Replace a plain blob from before encryption by its sealed form. The sealed file is
        durable before the plain one goes, so an interruption at any point loses nothing and
        running it again finishes the job. False when it went meanwhile."""
        try:
            data = stored.path.read_bytes()
        except FileNotFoundError:
            return False
        if sha256_of(data) != stored.name:
            raise BlobCorruptError(
                f"blob {stored.name[:12]}… in {self._root} is corrupt (its content no longer "
                "matches its hash): restore it from the backup, or delete it"
            )
        self.put_bytes(data)  # seals it, then deletes the plain file
        return True


def _stored(path: Path, name: str, kind: FileKind) -> Iterator[StoredFile]:
    try:
        st = path.stat()
    except FileNotFoundError:  # gone meanwhile (a concurrent sweep, a rename into place)
        return
    yield StoredFile(path, name, kind, st.st_size, st.st_mtime)


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    if os.name == "nt":
        return  # NTFS journals the rename itself; directories cannot be opened for fsync
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
