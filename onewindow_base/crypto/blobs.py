"""How a blob is kept at rest: sealed under a ring key, named by a keyed hash of its content.

The rest of the app (case pages, archived papers, print payloads, the sync protocol) names a
blob by the SHA-256 of its plaintext. On disk that digest never appears:

- the file is named ``HMAC-SHA256(lookup key, "blob.name" | sha256)`` (the ring's lookup key,
  which a rotation keeps), so equal files are still stored once, and someone holding the disk
  but not the key cannot test whether a known picture is in the store;
- its bytes are ``MAGIC | algorithm | key id length | key id | nonce | ciphertext | tag``
  (SM4-GCM or AES-256-GCM under the ring key named in the header). The header and the file's
  name are bound as associated data, so a file renamed onto another blob's name, or with its
  key id edited, fails to open instead of being served as that blob.

A key rotation re-seals the files under the new key in place (same name, atomic replace); the
header says which key each file needs, so ``keys status`` counts them and ``keys retire`` can
refuse a key that still opens one.
"""

from __future__ import annotations

import enum
import hashlib

from cryptography.exceptions import InvalidTag

from onewindow_base.crypto.fields import PersonalDataCipher, seal, unseal
from onewindow_base.crypto.keys import Algorithm, KeyRing

MAGIC = b"OWB1"
NAME_CONTEXT = "blob.name"
_ALGORITHM_BYTES = {Algorithm.SM4_GCM: b"\x01", Algorithm.AES_256_GCM: b"\x02"}
_BYTE_ALGORITHMS = {v[0]: k for k, v in _ALGORITHM_BYTES.items()}
_MAX_KEY_ID = 64
HEADER_MAX = len(MAGIC) + 2 + _MAX_KEY_ID  # enough bytes of a file to read its key id


class OpenFailure(enum.StrEnum):
    NOT_SEALED = "not_sealed"  # no header this version writes: damaged, or not ours
    UNKNOWN_KEY = "unknown_key"  # sealed under a key this ring does not hold
    RETIRED_KEY = "retired_key"  # sealed under a key that was retired (should never happen)
    TAMPERED = "tampered"  # altered bytes, another file's name, or the wrong key material


class SealedBlobError(Exception):
    """A sealed file that does not open; carries the reason and the key it names."""

    def __init__(self, failure: OpenFailure, key_id: str | None) -> None:
        self.failure = failure
        self.key_id = key_id
        super().__init__(failure.value)


def sealed_key_id(head: bytes) -> str | None:
    """The key id in a sealed file's first bytes (:data:`HEADER_MAX` suffice); None if not one."""
    if head[: len(MAGIC)] != MAGIC or len(head) < len(MAGIC) + 2:
        return None
    if head[len(MAGIC)] not in _BYTE_ALGORITHMS:
        return None
    size = head[len(MAGIC) + 1]
    start = len(MAGIC) + 2
    raw = head[start : start + size]
    if not 0 < size <= _MAX_KEY_ID or len(raw) != size:
        return None
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        return None


class BlobSealer:
    """Seals and opens blob files with a hall (or server) key ring; holds no other state."""

    def __init__(self, ring: KeyRing) -> None:
        self.ring = ring
        self._names = PersonalDataCipher(ring)

    @property
    def active_id(self) -> str:
        return self.ring.active_id

    def name_of(self, sha256: str) -> str:
        """The file name of the blob whose plaintext has this SHA-256 (64 hex digits)."""
        return self._names.lookup_hash(sha256, context=NAME_CONTEXT)

    def seal(self, name: str, data: bytes) -> bytes:
        key = self.ring.active
        assert key.material is not None  # a loaded ring's active key is never retired
        key_id = key.key_id.encode("ascii")
        header = MAGIC + _ALGORITHM_BYTES[key.algorithm] + bytes([len(key_id)]) + key_id
        return header + seal(key.algorithm, key.material, data, header + name.encode("ascii"))

    def open(self, name: str, sealed: bytes) -> bytes:
        """The plaintext of the file called ``name``, or :class:`SealedBlobError`."""
        key_id = sealed_key_id(sealed[:HEADER_MAX])
        if key_id is None:
            raise SealedBlobError(OpenFailure.NOT_SEALED, None)
        if not self.ring.has(key_id):
            raise SealedBlobError(OpenFailure.UNKNOWN_KEY, key_id)
        key = self.ring.get(key_id)
        if key.material is None:
            raise SealedBlobError(OpenFailure.RETIRED_KEY, key_id)
        split = len(MAGIC) + 2 + len(key_id)
        header = sealed[:split]
        if _BYTE_ALGORITHMS[header[len(MAGIC)]] is not key.algorithm:
            raise SealedBlobError(OpenFailure.TAMPERED, key_id)
        try:
            return unseal(key.algorithm, key.material, sealed[split:], header + name.encode())
        except InvalidTag:
            raise SealedBlobError(OpenFailure.TAMPERED, key_id) from None

    def open_verified(self, name: str, sealed: bytes) -> tuple[str, bytes]:
        """Open a file found by name alone: (its plaintext SHA-256, the plaintext), checked
        against the name, so a file sealed by this ring under another name fails."""
        data = self.open(name, sealed)
        digest = hashlib.sha256(data).hexdigest()
        if self.name_of(digest) != name:
            raise SealedBlobError(OpenFailure.TAMPERED, sealed_key_id(sealed[:HEADER_MAX]))
        return digest, data
