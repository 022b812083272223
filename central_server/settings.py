"""Server settings: each declared once, typed, with its default; paths resolved only when asked.

The database URL and the data directory (blobs and partial uploads) come from, first match
wins: the ``--db`` / ``--data-dir`` options, the ``CENTRAL_SERVER_DB`` /
``CENTRAL_SERVER_DATA`` environment variables, else an SQLite file and a folder in the
platform data directory (``~/.local/share/onewindow-central/``).

``central-server serve --workers N`` hands its settings to the worker processes it starts
through the environment (:func:`settings_from_environment`): the same variables, and
``CENTRAL_SERVER_TOKEN_TTL`` / ``CENTRAL_SERVER_SLOW_MS`` for the two serve options.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "onewindow-central"
ENV_DB = "CENTRAL_SERVER_DB"
ENV_DATA = "CENTRAL_SERVER_DATA"
ENV_ACCESS_TTL = "CENTRAL_SERVER_TOKEN_TTL"  # seconds: access_token_ttl_s
ENV_SLOW_MS = "CENTRAL_SERVER_SLOW_MS"  # slow_ms (client timeout tests)


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
    # Text messages (短信提醒): "loopback" records them (central-server messages); "http" posts
    # them to the province's SMS platform. From CENTRAL_SERVER_SMS_* (see sms_settings).
    sms_gateway: str = "loopback"
    sms_url: str = ""
    sms_account: str = ""
    sms_secret: str = field(default="", repr=False)
    sms_template_ids: dict[str, str] = field(default_factory=dict)  # template → platform id
    sms_signature: str = "【示范市政务服务中心】"
    sms_pickup_place: str = "出件窗口"
    sms_max_attempts: int = 3
    sms_retry_s: int = 60  # the wait before retry n is n times this
    sms_timeout_s: float = 5.0
    sms_dispatch_budget_s: float = 3.0  # sending inline stops after this; the rest go later

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


SMS_ENV = {
    "sms_gateway": "CENTRAL_SERVER_SMS_GATEWAY",  # loopback | http
    "sms_url": "CENTRAL_SERVER_SMS_URL",
    "sms_account": "CENTRAL_SERVER_SMS_ACCOUNT",
    "sms_secret": "CENTRAL_SERVER_SMS_SECRET",
    "sms_template_ids": "CENTRAL_SERVER_SMS_TEMPLATES",  # turn_near=SMS_1,result_ready=SMS_2,…
    "sms_signature": "CENTRAL_SERVER_SMS_SIGNATURE",
    "sms_pickup_place": "CENTRAL_SERVER_SMS_PICKUP",
}


def template_ids(text: str) -> dict[str, str]:
    """``turn_near=SMS_1,result_ready=SMS_2`` or a JSON object."""
    text = text.strip()
    if not text:
        return {}
    if text.startswith("{"):
        return {str(k): str(v) for k, v in json.loads(text).items()}
    pairs = (part.split("=", 1) for part in text.split(",") if "=" in part)
    return {k.strip(): v.strip() for k, v in pairs}


def sms_settings(env: Mapping[str, str] | None = None) -> dict[str, object]:
    """The text-message gateway's settings given in the environment (the secret stays out of
    command lines and process listings)."""
    env = os.environ if env is None else env
    out: dict[str, object] = {}
    for name, var in SMS_ENV.items():
        if env.get(var):
            out[name] = template_ids(env[var]) if name == "sms_template_ids" else env[var]
    if out.get("sms_gateway") not in (None, "loopback", "http"):
        raise ValueError(f"{SMS_ENV['sms_gateway']}: loopback or http, not {out['sms_gateway']!r}")
    return out


def serve_options(env: Mapping[str, str] | None = None) -> dict[str, object]:
    """The serve options given in the environment (how ``serve --workers`` passes them on)."""
    env = os.environ if env is None else env
    out: dict[str, object] = {}
    for name, var in (("access_token_ttl_s", ENV_ACCESS_TTL), ("slow_ms", ENV_SLOW_MS)):
        if env.get(var):
            try:
                out[name] = int(env[var])
            except ValueError:
                raise ValueError(f"{var}: a whole number, not {env[var]!r}") from None
    return out


def settings_from_environment(env: Mapping[str, str] | None = None) -> ServerSettings:
    """The settings of a worker process: everything from the environment, as ``serve`` set it."""
    env = os.environ if env is None else env
    data = default_data_dir(env)
    extra: dict[str, Any] = serve_options(env) | sms_settings(env)
    return ServerSettings(db_url=resolve_db_url(None, data, env), data_dir=data, **extra)
