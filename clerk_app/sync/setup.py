"""The sync engine as the settings describe it: the hall key ring (it keeps the device
credential encrypted), the blob store and the transport with the pinned hall CA. One place for
the command line and the app."""

from __future__ import annotations

from pathlib import Path

from clerk_app.crypto.keys import hall_ring
from clerk_app.settings import Settings
from clerk_app.storage.blobs import hall_blob_store
from clerk_app.sync.client import Credentials, Transport
from clerk_app.sync.engine import SyncEngine
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database


def hall_cipher(settings: Settings) -> PersonalDataCipher:
    """The hall key ring's cipher; :class:`KeyStoreError` when the hall has none yet."""
    return PersonalDataCipher(hall_ring(settings))


def ca_file(settings: Settings) -> Path | None:
    return Path(settings.sync_ca_file).expanduser() if settings.sync_ca_file else None


def engine_for(db: Database, settings: Settings) -> SyncEngine:
    pinned = ca_file(settings)

    def transport(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, ca_file=pinned)

    cipher = hall_cipher(settings)
    return SyncEngine(db, cipher, hall_blob_store(settings, cipher.ring), transport=transport)
