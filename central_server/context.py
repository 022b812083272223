"""What every service needs: the database, the settings, the clock and the blob store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from central_server.settings import ServerSettings
from onewindow_base.clock import Clock
from onewindow_base.crypto.keys import KeyRing
from onewindow_base.db.engine import Database


class ServerBlobs(Protocol):
    """All the server asks of its blob store, so another backend (an object store) can stand
    in for the directory one (``onewindow_base.blobs.BlobStore``). A backend must hold:
    ``put_bytes`` returns only once the blob is durable and visible to every server (a database
    row committed afterwards may point at it); blobs are named by their plaintext SHA-256 and
    written whole (content-addressed: writing the same bytes twice, from two servers at once,
    is harmless); ``read_bytes`` verifies what it returns. The ring seals blobs and keys the
    server's other encrypted fields."""

    @property
    def ring(self) -> KeyRing: ...

    def exists(self, sha256: str) -> bool: ...

    def put_bytes(self, data: bytes) -> str: ...

    def read_bytes(self, sha256: str) -> bytes: ...


@dataclass(frozen=True, slots=True)
class ServerContext:
    db: Database
    settings: ServerSettings
    clock: Clock
    blobs: ServerBlobs  # sealed under the server's own key (``central_server.blob_key``)

    def now_ms(self) -> int:
        return self.clock.now_ms()
