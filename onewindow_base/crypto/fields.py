"""Personal data in database columns: self-describing encrypted tokens and keyed lookup hashes.

A token is ``v1:<key id>:<base64(nonce | ciphertext | tag)>``: the key id says which ring key
opens it, so a database can hold values under several keys while a rotation is under way. The
column's ``context`` (``"applicant.id_number"``) is bound as associated data together with the
version and the key id: a value copied into another column, or with its key id edited, fails
to decrypt instead of turning up in the wrong place. Equality search uses
``lookup_hash``: HMAC-SHA256 under the ring's lookup key, so the database holds no unkeyed hash
that a dictionary of all 18-digit ID numbers could reverse.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from onewindow_base.crypto.keys import Algorithm, DataKey, KeyRing

VERSION = "v1"
NONCE_BYTES = 12
TAG_BYTES = 16


class DecryptFailure(enum.StrEnum):
    MALFORMED = "malformed"  # not a token this version writes
    UNKNOWN_KEY = "unknown_key"  # encrypted under a key this ring does not have
    RETIRED_KEY = "retired_key"  # the key was retired: this value should have been re-encrypted
    TAMPERED = "tampered"  # wrong key material, edited bytes or the wrong column's context


class DecryptError(Exception):
    """A value that cannot be decrypted; the message names the key, never the value."""

    def __init__(self, failure: DecryptFailure, key_id: str | None, context: str) -> None:
        self.failure = failure
        self.key_id = key_id
        self.context = context
        texts = {
            DecryptFailure.MALFORMED: "is not an encrypted value",
            DecryptFailure.UNKNOWN_KEY: (
                f"was encrypted with key {key_id}, which this hall key ring does not hold "
                "(another hall's key file, or none copied here)"
            ),
            DecryptFailure.RETIRED_KEY: f"was encrypted with key {key_id}, which was retired",
            DecryptFailure.TAMPERED: (
                "does not decrypt: the key does not match or the stored value was altered"
            ),
        }
        super().__init__(f"{context}: the stored value {texts[failure]}")


def seal(algorithm: Algorithm, key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """``nonce | ciphertext | tag`` under a fresh random 96-bit nonce."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    if algorithm is Algorithm.AES_256_GCM:
        return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)
    encryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(aad)
    body = encryptor.update(plaintext) + encryptor.finalize()
    return nonce + body + encryptor.tag


def unseal(algorithm: Algorithm, key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """The plaintext, or ``InvalidTag`` (wrong key, altered bytes or other associated data)."""
    if len(sealed) < NONCE_BYTES + TAG_BYTES:
        raise InvalidTag
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    if algorithm is Algorithm.AES_256_GCM:
        return AESGCM(key).decrypt(nonce, body, aad)
    tag = body[-TAG_BYTES:]
    decryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(aad)
    return decryptor.update(body[:-TAG_BYTES]) + decryptor.finalize()


def token_key_id(token: str) -> str | None:
    """The key id of a token, or None when it is not one."""
    parts = token.split(":", 2)
    if len(parts) != 3 or parts[0] != VERSION or not parts[1]:
        return None
    return parts[1]


def _aad(key_id: str, context: str) -> bytes:
    return f"onewindow:{VERSION}:{key_id}:{context}".encode()


class PersonalDataCipher:
    """Encrypts and decrypts column values with a ring; thread-safe (it holds no state)."""

    def __init__(self, ring: KeyRing) -> None:
        self.ring = ring

    def encrypt(self, text: str, *, context: str) -> str:
        return self.encrypt_bytes(text.encode("utf-8"), context=context)

    def decrypt(self, token: str, *, context: str) -> str:
        return self.decrypt_bytes(token, context=context).decode("utf-8")

    def encrypt_bytes(self, data: bytes, *, context: str) -> str:
        key = self.ring.active
        assert key.material is not None
        sealed = seal(key.algorithm, key.material, data, _aad(key.key_id, context))
        return f"{VERSION}:{key.key_id}:{base64.b64encode(sealed).decode('ascii')}"

    def decrypt_bytes(self, token: str, *, context: str) -> bytes:
        key_id = token_key_id(token)
        if key_id is None:
            raise DecryptError(DecryptFailure.MALFORMED, None, context)
        key = self._key(key_id, context)
        assert key.material is not None
        try:
            sealed = base64.b64decode(token.split(":", 2)[2], validate=True)
            return unseal(key.algorithm, key.material, sealed, _aad(key_id, context))
        except (binascii.Error, InvalidTag):
            raise DecryptError(DecryptFailure.TAMPERED, key_id, context) from None

    def _key(self, key_id: str, context: str) -> DataKey:
        if not self.ring.has(key_id):
            raise DecryptError(DecryptFailure.UNKNOWN_KEY, key_id, context)
        key = self.ring.get(key_id)
        if key.retired:
            raise DecryptError(DecryptFailure.RETIRED_KEY, key_id, context)
        return key

    def is_current(self, token: str) -> bool:
        """Whether the token is under the active key (a rotation leaves it alone)."""
        return token_key_id(token) == self.ring.active_id

    def reencrypt(self, token: str, *, context: str) -> str:
        """The same value under the active key."""
        return self.encrypt_bytes(self.decrypt_bytes(token, context=context), context=context)

    def lookup_hash(self, value: str, *, context: str) -> str:
        """HMAC-SHA256 hex of a *normalised* value (``validate_resident_id(...).value``), for
        an indexed equality search; the context keeps equal values in two columns apart."""
        message = context.encode() + b"\x00" + value.encode("utf-8")
        return hmac.new(self.ring.lookup_key, message, hashlib.sha256).hexdigest()

    def matches(self, value: str, digest: str, *, context: str) -> bool:
        """Constant-time comparison of a value with a stored lookup hash."""
        return hmac.compare_digest(self.lookup_hash(value, context=context), digest)
