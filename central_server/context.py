"""What every service needs: the database, the settings, the clock and the blob store."""

from __future__ import annotations

from dataclasses import dataclass

from central_server.settings import ServerSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import Clock
from onewindow_base.db.engine import Database


@dataclass(frozen=True, slots=True)
class ServerContext:
    db: Database
    settings: ServerSettings
    clock: Clock
    blobs: BlobStore  # sealed under the server's own key (``central_server.blob_key``)

    def now_ms(self) -> int:
        return self.clock.now_ms()
