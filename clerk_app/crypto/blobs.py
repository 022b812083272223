"""Scans and other files encrypted at rest, still addressed by the SHA-256 of their plaintext.

Each blob gets its own random data key (envelope encryption). The underlying content-addressed
store keeps only ``header | nonce | ciphertext | tag`` under that data key; the data key,
wrapped by the hall ring's active key, sits in the ``encrypted_blob`` row with the plaintext's
digest and the ciphertext's name in the store. So:

- the rest of the app, deduplication and the central server keep using the plaintext digest;
- a key rotation re-wraps the small data keys in the database (the registered column
  ``encrypted_blob.data_key_enc``) and never rewrites a scan;
- the plaintext digest is associated data of the blob's encryption, and every read checks the
  decrypted bytes against it, so a row pointing at another blob fails loudly.

What rotation does not do: a data key unwrapped with an old, compromised ring key together with
an old copy of the database still opens the blob file. After such a compromise, export and
re-import the scans (new data keys), then retire the old key.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk_app.clock import Clock, SystemClock
from clerk_app.crypto.fields import DecryptError, DecryptFailure, PersonalDataCipher, seal, unseal
from clerk_app.crypto.keys import Algorithm
from clerk_app.crypto.registry import BLOB_DATA_KEY_CONTEXT
from clerk_app.db.engine import Database
from clerk_app.db.security_models import EncryptedBlob

MAGIC = b"OWE1"
_ALGORITHM_BYTES = {Algorithm.SM4_GCM: b"\x01", Algorithm.AES_256_GCM: b"\x02"}
_BYTE_ALGORITHMS = {v: k for k, v in _ALGORITHM_BYTES.items()}


class BlobBackend(Protocol):
    """The content-addressed store underneath (``clerk_app.storage.blobs.BlobStore``)."""

    def put_bytes(self, data: bytes) -> str: ...

    def open(self, sha256: str) -> BinaryIO: ...


class EncryptedBlobMissing(KeyError):  # noqa: N818 - named like the store's own "not found"
    """No encrypted blob is recorded under this digest."""


class EncryptedBlobStore:
    """``put_bytes`` / ``open`` like the plain store, with the bytes encrypted underneath."""

    def __init__(
        self,
        inner: BlobBackend,
        cipher: PersonalDataCipher,
        db: Database,
        clock: Clock | None = None,
    ) -> None:
        self._inner = inner
        self._cipher = cipher
        self._db = db
        self._clock = clock or SystemClock()

    def put_bytes(self, data: bytes, *, session: Session | None = None) -> str:
        """Store ``data`` encrypted; returns the SHA-256 hex of the plaintext.

        The ciphertext is durable in the inner store before the row is written. With
        ``session`` the row joins the caller's transaction (the case and its scans commit
        together; a rollback leaves only an unreadable orphan file behind).
        """
        digest = hashlib.sha256(data).hexdigest()
        known = select(EncryptedBlob.sha256).where(EncryptedBlob.sha256 == digest)
        if session is not None and session.execute(known).first() is not None:
            return digest
        if session is None and self.exists(digest):
            return digest
        active = self._cipher.ring.active
        data_key = secrets.token_bytes(active.algorithm.key_bytes)
        header = MAGIC + _ALGORITHM_BYTES[active.algorithm]
        body = seal(active.algorithm, data_key, data, header + digest.encode("ascii"))
        stored = self._inner.put_bytes(header + body)
        values = {
            "sha256": digest,
            "stored_sha256": stored,
            "data_key_enc": self._cipher.encrypt_bytes(data_key, context=BLOB_DATA_KEY_CONTEXT),
            "size": len(data),
            "created_ms": self._clock.now_ms(),
        }
        insert = postgresql.insert if self._db.is_postgres else sqlite.insert
        statement = insert(EncryptedBlob).values(**values).on_conflict_do_nothing()
        if session is not None:
            session.execute(statement)
        else:
            self._db.run_write(lambda s: s.execute(statement))
        return digest

    def exists(self, sha256: str) -> bool:
        return self._row(sha256) is not None

    def _row(self, sha256: str) -> tuple[str, str] | None:
        query = select(EncryptedBlob.stored_sha256, EncryptedBlob.data_key_enc).where(
            EncryptedBlob.sha256 == sha256
        )
        row = self._db.run_read(lambda s: s.execute(query).first())
        return None if row is None else (row[0], row[1])

    def read_bytes(self, sha256: str) -> bytes:
        row = self._row(sha256)
        if row is None:
            raise EncryptedBlobMissing(sha256)
        stored, wrapped = row
        with self._inner.open(stored) as handle:
            raw = handle.read()
        context = f"blob {sha256[:12]}"
        algorithm = _BYTE_ALGORITHMS.get(raw[4:5]) if raw[:4] == MAGIC else None
        if algorithm is None:
            raise DecryptError(DecryptFailure.MALFORMED, None, context)
        data_key = self._cipher.decrypt_bytes(wrapped, context=BLOB_DATA_KEY_CONTEXT)
        try:
            data = unseal(algorithm, data_key, raw[5:], raw[:5] + sha256.encode("ascii"))
        except InvalidTag:
            raise DecryptError(DecryptFailure.TAMPERED, None, context) from None
        if hashlib.sha256(data).hexdigest() != sha256:  # cannot happen short of a bug: say so
            raise DecryptError(DecryptFailure.TAMPERED, None, context)
        return data

    def open(self, sha256: str) -> BinaryIO:
        """The decrypted blob as a file object (scans are read whole: a few MB at most)."""
        return io.BytesIO(self.read_bytes(sha256))
