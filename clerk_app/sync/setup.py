"""The sync engine as the settings describe it: the hall key ring (it keeps the device
credential encrypted), the blob store and the transport with the pinned hall CA. Read as
``Services.sync`` (the composition root, clerk_app.services) by the command line and the app."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerk_app.settings import Settings
from clerk_app.sync.client import Credentials, Transport
from clerk_app.sync.engine import SyncEngine

if TYPE_CHECKING:
    from clerk_app.services import Services


def ca_file(settings: Settings) -> Path | None:
    return Path(settings.sync_ca_file).expanduser() if settings.sync_ca_file else None


def sync_engine(services: Services) -> SyncEngine:
    pinned = ca_file(services.settings)

    def transport(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, ca_file=pinned)

    return SyncEngine(
        services.db, services.cipher, services.blobs, clock=services.clock, transport=transport
    )
