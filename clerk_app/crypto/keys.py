"""The hall's key ring where the settings place it (``[security] key_source``): the key file
or the OS keyring. The ring itself, its stores and its file format are
:mod:`onewindow_base.crypto.keys`, which the central server uses for its own blob key.
"""

from __future__ import annotations

from pathlib import Path

from clerk_app.settings import Settings, key_file_path
from onewindow_base.crypto.keys import (
    FileKeyStore,
    KeyRing,
    KeyringKeyStore,
    KeyStore,
    KeyStoreError,
)


def key_store_for(settings: Settings, file: Path | None = None) -> KeyStore:
    """The store ``[security] key_source`` names; ``file`` (``--file``) overrides the path."""
    if file is None and settings.security.key_source == "keyring":
        return KeyringKeyStore()
    return FileKeyStore(file or key_file_path(settings))


def hall_ring(settings: Settings) -> KeyRing:
    """The hall's key ring as the settings place it; :class:`KeyStoreError` before ``keys init``
    (or where the hall's key file was not copied to this PC)."""
    store = key_store_for(settings)
    if not store.exists():
        raise KeyStoreError(
            f"no hall key ring at {store.describe()}: personal data (ID numbers, phones, scans, "
            "archived papers) is only kept encrypted. Run `clerk-app keys init` once for the "
            "hall, or copy the hall's key file to this PC"
        )
    return store.load()
