"""Personal data encrypted at rest: the hall key ring, column values, blobs, key rotation.

Key rotation lives in ``clerk_app.crypto.rotation`` (not imported here: it writes audit
records, and the audit models import this package's registry).

How the intake stores an applicant's ID number and phone::

    cipher = PersonalDataCipher(key_store_for(settings).load())
    row.id_number_enc = cipher.encrypt(resident_id.value, context="applicant.id_number")
    row.id_number_lookup = cipher.lookup_hash(resident_id.value, context="applicant.id_number")
    ...
    select(Applicant).where(Applicant.id_number_lookup == cipher.lookup_hash(typed, context=...))

and registers the columns once, beside the model, in ``ENCRYPTED_COLUMNS``.
"""

from clerk_app.crypto.blobs import BlobSealer, SealedBlobError
from clerk_app.crypto.fields import DecryptError, DecryptFailure, PersonalDataCipher
from clerk_app.crypto.keys import (
    Algorithm,
    FileKeyStore,
    KeyRing,
    KeyringKeyStore,
    KeyStore,
    KeyStoreError,
    key_store_for,
)
from clerk_app.crypto.registry import ENCRYPTED_COLUMNS, EncryptedColumn, EncryptedColumns

__all__ = [
    "ENCRYPTED_COLUMNS",
    "Algorithm",
    "BlobSealer",
    "DecryptError",
    "DecryptFailure",
    "EncryptedColumn",
    "EncryptedColumns",
    "FileKeyStore",
    "KeyRing",
    "KeyStore",
    "KeyStoreError",
    "KeyringKeyStore",
    "PersonalDataCipher",
    "SealedBlobError",
    "key_store_for",
]
