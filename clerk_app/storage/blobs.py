"""This PC's blob store: :class:`onewindow_base.blobs.BlobStore` in the settings' ``blob_dir``,
sealed with the hall key ring."""

from __future__ import annotations

from clerk_app.crypto.keys import hall_ring
from clerk_app.settings import Settings, blob_dir
from onewindow_base.blobs import BlobStore
from onewindow_base.crypto.keys import KeyRing, KeyStoreError


def hall_blob_store(
    settings: Settings, ring: KeyRing | None = None, *, personal_data: bool = True
) -> BlobStore:
    """This PC's blob store (``blob_dir``), sealed with the hall key ring (loaded from the
    settings when not given): :class:`KeyStoreError` before ``keys init``, like every other
    store of personal data. A PC that stores no personal data (``personal_data=False``: the
    kiosk) works without the hall key file; it then keeps only blobs without personal data."""
    if ring is not None:
        return BlobStore(blob_dir(settings), ring)
    try:
        return BlobStore(blob_dir(settings), hall_ring(settings))
    except KeyStoreError as exc:
        if personal_data:
            raise
        return BlobStore(blob_dir(settings), None, no_ring=exc)
