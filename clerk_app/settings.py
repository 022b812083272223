"""Settings: each declared once, typed, with its default; paths resolved only when asked.

Where the database URL comes from, first match wins: ``--db URL`` on the command line, the
``ONEWINDOW_DB`` environment variable, ``database.url`` in the config file (TOML in the platform
config directory, or the file named by ``ONEWINDOW_CONFIG``), else an SQLite file in the
platform data directory.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import platformdirs

APP_NAME = "onewindow"
ENV_DB = "ONEWINDOW_DB"
ENV_CONFIG = "ONEWINDOW_CONFIG"
ENV_DATA = "ONEWINDOW_DATA_DIR"
T = TypeVar("T")


class ConfigError(Exception):
    """The config file cannot be read or holds a value of the wrong type."""


PASSWORD_POLICIES = ("mlps", "modern")
MAX_IDLE_LOCK_MINUTES = 60
DEFAULT_IDLE_LOCK_MINUTES = 5
CIPHERS = ("sm4-gcm", "aes-256-gcm")
KEY_SOURCES = ("file", "keyring")


@dataclass(frozen=True, slots=True)
class SecuritySettings:
    """``[security]``: the password policy, the idle lock and where the hall key lives.

    ``password_policy`` picks the defaults (``mlps``: 8 characters of 3 classes, 90-day expiry,
    last 5 not reused; ``modern``: NIST SP 800-63B, 12 characters, no composition rules, no
    expiry, common passwords refused); the ``password_*`` keys override single values.
    """

    password_policy: str = "mlps"  # noqa: S105 - a policy name
    password_min_length: int | None = None
    password_expiry_days: int | None = None  # 0: never expires
    password_history: int | None = None  # 0: no history kept
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    key_source: str = "file"  # "file" (the hall key file) or "keyring" (the OS keyring)
    key_file: str | None = None  # default: hall-key.json in the data directory
    cipher: str = "sm4-gcm"  # algorithm of new keys: "sm4-gcm" or "aes-256-gcm"


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str | None = None
    hall_code: str | None = None
    window: int | None = None
    language: str | None = None  # "zh_CN" or "en"; None follows the system locale
    device_user: str | None = None  # unattended screens sign in as this user
    device_password: str | None = field(default=None, repr=False)
    timezone: str = "Asia/Shanghai"  # for dates typed on the command line
    audit_retention_days: int = 180  # audit records are kept at least this long (MLPS: >= 180)
    security: SecuritySettings = field(default_factory=SecuritySettings)


MIN_AUDIT_RETENTION_DAYS = 180


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(ENV_DATA):
        return Path(env[ENV_DATA])
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _typed(table: Mapping[str, object], key: str, kind: type[T], where: str) -> T | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, kind):
        raise ConfigError(f"{where}.{key} must be a {kind.__name__}, not {value!r}")
    return value


def load_settings(path: Path) -> Settings:
    """Read the TOML config; a missing file means all defaults."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    database = raw.get("database", {})
    hall = raw.get("hall", {})
    ui = raw.get("ui", {})
    device = raw.get("device", {})
    audit = raw.get("audit", {})
    security = raw.get("security", {})
    tables = {
        "database": database,
        "hall": hall,
        "ui": ui,
        "device": device,
        "audit": audit,
        "security": security,
    }
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ConfigError(f"[{name}] must be a table")
    language = _typed(ui, "language", str, "ui")
    if language not in (None, "zh_CN", "en"):
        raise ConfigError(f"ui.language must be 'zh_CN' or 'en', not {language!r}")
    retention = _typed(audit, "retention_days", int, "audit")
    if retention is not None and retention < MIN_AUDIT_RETENTION_DAYS:
        raise ConfigError(f"audit.retention_days must be at least {MIN_AUDIT_RETENTION_DAYS}")
    return Settings(
        timezone=_typed(hall, "timezone", str, "hall") or "Asia/Shanghai",
        audit_retention_days=retention or MIN_AUDIT_RETENTION_DAYS,
        db_url=_typed(database, "url", str, "database"),
        hall_code=_typed(hall, "code", str, "hall"),
        window=_typed(hall, "window", int, "hall"),
        language=language,
        device_user=_typed(device, "user", str, "device"),
        device_password=_typed(device, "password", str, "device"),
        security=_security(security),
    )


def _choice(table: Mapping[str, object], key: str, choices: tuple[str, ...], default: str) -> str:
    value = _typed(table, key, str, "security")
    if value is None:
        return default
    if value not in choices:
        allowed = " or ".join(repr(c) for c in choices)
        raise ConfigError(f"security.{key} must be {allowed}, not {value!r}")
    return value


def _non_negative(table: Mapping[str, object], key: str) -> int | None:
    value = _typed(table, key, int, "security")
    if value is not None and value < 0:
        raise ConfigError(f"security.{key} must not be negative")
    return value


def _security(table: Mapping[str, object]) -> SecuritySettings:
    minutes = _typed(table, "idle_lock_minutes", int, "security")
    if minutes is not None and not 1 <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise ConfigError(f"security.idle_lock_minutes must be 1 to {MAX_IDLE_LOCK_MINUTES}")
    min_length = _non_negative(table, "password_min_length")
    if min_length is not None and min_length < 8:
        raise ConfigError("security.password_min_length must be at least 8")
    return SecuritySettings(
        password_policy=_choice(table, "password_policy", PASSWORD_POLICIES, "mlps"),
        password_min_length=min_length,
        password_expiry_days=_non_negative(table, "password_expiry_days"),
        password_history=_non_negative(table, "password_history"),
        idle_lock_minutes=minutes or DEFAULT_IDLE_LOCK_MINUTES,
        key_source=_choice(table, "key_source", KEY_SOURCES, "file"),
        key_file=_typed(table, "key_file", str, "security"),
        cipher=_choice(table, "cipher", CIPHERS, "sm4-gcm"),
    )


def key_file_path(settings: Settings, env: Mapping[str, str] | None = None) -> Path:
    """The hall key file: ``security.key_file``, else ``hall-key.json`` in the data directory."""
    if settings.security.key_file:
        return Path(settings.security.key_file).expanduser()
    return data_dir(env) / "hall-key.json"


def default_sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory / 'onewindow.sqlite3'}"


def resolve_db_url(
    cli_db: str | None,
    settings: Settings,
    env: Mapping[str, str] | None = None,
    data: Path | None = None,
) -> str:
    env = os.environ if env is None else env
    if cli_db:
        return cli_db
    if env.get(ENV_DB):
        return env[ENV_DB]
    if settings.db_url:
        return settings.db_url
    directory = data or data_dir(env)
    directory.mkdir(parents=True, exist_ok=True)
    return default_sqlite_url(directory)
