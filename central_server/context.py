"""What every service needs: the database, the settings and the clock."""

from __future__ import annotations

from dataclasses import dataclass

from central_server.settings import ServerSettings
from clerk_app.clock import Clock
from clerk_app.db.engine import Database


@dataclass(frozen=True, slots=True)
class ServerContext:
    db: Database
    settings: ServerSettings
    clock: Clock

    def now_ms(self) -> int:
        return self.clock.now_ms()
