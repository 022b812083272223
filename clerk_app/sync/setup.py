"""The hall CA certificate sync pins (``[sync] ca_file``); the engine itself is built by the
composition root (``Services.sync`` in clerk_app.services)."""

from __future__ import annotations

from pathlib import Path

from clerk_app.settings import Settings


def ca_file(settings: Settings) -> Path | None:
    return Path(settings.sync_ca_file).expanduser() if settings.sync_ca_file else None
