"""The server's own blob key: the key ring that seals the blobs the counters upload.

The server keeps scans of every hall, so they are encrypted at rest like a hall's (one store,
``onewindow_base.blobs``), under a ring of the server's own in ``<data dir>/blob-key.json``
(mode 0600; back it up apart from the blobs). The ring is made on the first start of a new
server, exclusively: workers or servers starting at once on a new data directory all end up
with the one ring that won, never each with its own. If blob files are sealed but the key file
is gone, the server refuses to start instead of making a new key that opens none of them.

Partial uploads (``uploads/<id>.part``) are encrypted too: a chunk lands at any offset, so
they use a stream cipher whose keystream is addressed by the byte offset, under a key derived
from the ring and the upload's id. Their integrity is the whole file's SHA-256, checked on the
decrypted bytes before the blob is sealed into the store.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from central_server.context import ServerBlobs
from central_server.settings import ServerSettings
from onewindow_base.blobs import BlobStore, FileKind
from onewindow_base.crypto.keys import (
    Algorithm,
    FileKeyStore,
    KeyRing,
    KeyStoreError,
    new_ring,
    ring_to_json,
    write_private_file,
)

log = logging.getLogger(__name__)

KEY_FILE = "blob-key.json"
ALGORITHM = Algorithm.SM4_GCM
_BLOCK = 16


def key_file(settings: ServerSettings) -> Path:
    return settings.data_dir / KEY_FILE


def server_blob_store(settings: ServerSettings, now_ms: int) -> BlobStore:
    """The server's blob store under its key ring, the ring made on a new server's first start.

    :class:`KeyStoreError` when sealed blobs exist but the key file does not (a lost or
    misplaced key: a new one would open none of them)."""
    keys = FileKeyStore(key_file(settings))
    if not keys.exists():
        sealed = any(
            f.kind is FileKind.SEALED
            for f in BlobStore(settings.blob_dir, new_ring(ALGORITHM, now_ms)).files()
        )
        if sealed:
            raise KeyStoreError(
                f"the server's blob key {keys.path} is missing but {settings.blob_dir} holds "
                "encrypted blobs: restore the key file from the backup (a new key would open "
                "none of them)"
            )
        ring = ring_to_json(new_ring(ALGORITHM, now_ms)).encode("utf-8")
        if write_private_file(keys.path, ring, exclusive=True):
            log.info("made the server's blob key %s (back it up apart from the blobs)", keys.path)
        # else another worker or server on this data directory made it first: theirs it is
    return BlobStore(settings.blob_dir, keys.load())


def seal_plain_blobs(store: ServerBlobs) -> int:
    """Encrypt the blobs a server stored before encryption (read meanwhile as they are, checked
    against their hash). Each is sealed durably before its plain file goes: safe to interrupt
    and run again. The number sealed (none outside a directory store: no backend but that one
    ever stored plain blobs)."""
    if not isinstance(store, BlobStore):
        return 0
    sealed = 0
    for stored in store.files():
        if stored.kind is FileKind.PLAIN:
            sealed += store.seal_plain(stored)
    if sealed:
        log.info("sealed %d plain blob(s) in %s", sealed, store.root)
    return sealed


class PartCipher:
    """Encrypts a partial upload at any byte offset (AES-256-CTR, keystream by position)."""

    def __init__(self, ring: KeyRing, upload_id: str) -> None:
        message = b"onewindow:upload-part\x00" + upload_id.encode()
        self._key = hmac.new(ring.lookup_key, message, hashlib.sha256).digest()

    def apply(self, offset: int, data: bytes) -> bytes:
        """``data`` at ``offset`` encrypted, or decrypted (the same operation)."""
        counter = (offset // _BLOCK).to_bytes(_BLOCK, "big")
        cipher = Cipher(algorithms.AES(self._key), modes.CTR(counter)).encryptor()
        skip = offset % _BLOCK
        return cipher.update(bytes(skip) + data)[skip:] + cipher.finalize()

    def plaintext(self, path: Path, block: int, length: int) -> Iterator[bytes]:
        """The decrypted first ``length`` bytes of the part file, ``block`` bytes at a time
        (bytes past them are a crashed attempt's, which the committed offset does not count)."""
        offset = 0
        with path.open("rb") as fh:
            while offset < length and (chunk := fh.read(min(block, length - offset))):
                yield self.apply(offset, chunk)
                offset += len(chunk)
