"""Server settings: each declared once, typed, with its default; paths resolved only when asked.

The database URL and the data directory (blobs and partial uploads) come from, first match
wins: the ``--db`` / ``--data-dir`` options, the ``CENTRAL_SERVER_DB`` /
``CENTRAL_SERVER_DATA`` environment variables, else an SQLite file and a folder in the
platform data directory (``~/.local/share/onewindow-central/``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "onewindow-central"
ENV_DB = "CENTRAL_SERVER_DB"
ENV_DATA = "CENTRAL_SERVER_DATA"


@dataclass(frozen=True, slots=True)
class ServerSettings:
    db_url: str
    data_dir: Path
    access_token_ttl_s: int = 15 * 60
    enrolment_code_ttl_s: int = 7 * 24 * 3600
    backoffice_token_ttl_s: int = 30 * 24 * 3600
    upload_ttl_s: int = 24 * 3600  # an upload untouched this long expires and must restart
    max_batch: int = 50
    max_chunk_bytes: int = 8 * 1024 * 1024
    max_blob_bytes: int = 512 * 1024 * 1024
    max_changes_page: int = 500
    # Milliseconds each operations batch waits inside its transaction before committing: a
    # knob for client timeout tests (a retry arriving while the first attempt still works).
    slow_ms: int = 0
    certificate_prefix: str = "证字"
    timezone: str = "Asia/Shanghai"
    booking_per_slot: int = 4  # places per slot of a service without its own capacity
    booking_horizon_days: int = 30  # bookings open for today and this many days ahead
    no_show_limit: int = 3  # no-shows within the window that stop online booking
    no_show_window_days: int = 90

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(ENV_DATA):
        return Path(env[ENV_DATA])
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_db_url(cli: str | None, data: Path, env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    if cli:
        return cli
    if env.get(ENV_DB):
        return env[ENV_DB]
    return f"sqlite:///{data / 'central.sqlite3'}"
