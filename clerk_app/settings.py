"""Settings: each declared once, typed, with its default; paths resolved only when asked.

Every table of the config file is a pydantic model below (unknown keys are errors, values are
never coerced, each field has its default and an English and a Chinese description). The app
(:func:`load_settings`) and ``config check`` (:mod:`clerk_app.config_check`) use the one
validation, :func:`validate_document`, which names every problem of a file with its path; the
settings reference in ``docs/deployment.*.md`` is generated from the same models
(``python -m clerk_app.settings_doc``).

Where the database URL comes from, first match wins: ``--db URL`` on the command line, the
``ONEWINDOW_DB`` environment variable, ``database.url`` in the config file, else an SQLite file
in the platform data directory.

The config file is the one named by ``ONEWINDOW_CONFIG``, else the user's own (TOML in the
platform config directory) when there is one, else the machine's (``/etc/onewindow/config.toml``,
``%PROGRAMDATA%\\onewindow\\config.toml``), which the installers write for every user of a hall PC.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

from clerk_app.settings_problems import validate_document
from clerk_app.settings_schema import (
    DEFAULT_POST_CHECK_DAYS,
    AuditSettings,
    BackupSettings,
    DatabaseSettings,
    DeviceSettings,
    HallSettings,
    OfficeSettings,
    PapersSettings,
    PrintingSettings,
    ScannerSettings,
    ScreensSettings,
    SecuritySettings,
    Settings,
    SyncSettings,
    UiSettings,
)
from printing.schema import zh_description

__all__ = [
    "DECISION_KEYS",
    "DEFAULT_POST_CHECK_DAYS",
    "HALL_REQUIRED_KEYS",
    "OFFICE_KEYS",
    "OFFICE_KEY_NAMES",
    "AuditSettings",
    "BackupSettings",
    "ConfigError",
    "DatabaseSettings",
    "DeviceSettings",
    "HallSettings",
    "OfficeSettings",
    "PapersSettings",
    "PrintingSettings",
    "ScannerSettings",
    "ScreensSettings",
    "SecuritySettings",
    "Settings",
    "SyncSettings",
    "UiSettings",
]

APP_NAME = "onewindow"
ENV_DB = "ONEWINDOW_DB"
ENV_CONFIG = "ONEWINDOW_CONFIG"
ENV_DATA = "ONEWINDOW_DATA_DIR"
CONFIG_FILE = "config.toml"


class ConfigError(Exception):
    """The config file cannot be read or holds bad values; ``problems`` names each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


OFFICE_KEYS: tuple[str, ...] = tuple(OfficeSettings.model_fields)
# What a paper prints where a setting is missing: the field's Chinese description.
OFFICE_KEY_NAMES: dict[str, str] = {
    key: zh_description(field) for key, field in OfficeSettings.model_fields.items()
}
# What the hall must set (config check warns while one is missing).
HALL_REQUIRED_KEYS = (
    "counter_seal",
    "reconsideration_body",
    "court",
    "consultation_phone",
    "deferral_measure",
    "pickup_wording",
)
DECISION_KEYS = ("licensing_body", "decision_seal")


def site_config_path(env: Mapping[str, str] | None = None) -> Path:
    """The machine-wide config file the installers write (kept when the app is removed)."""
    env = os.environ if env is None else env
    if sys.platform == "win32":
        return Path(env.get("PROGRAMDATA", r"C:\ProgramData")) / APP_NAME / CONFIG_FILE
    return Path("/etc") / APP_NAME / CONFIG_FILE


def config_path(env: Mapping[str, str] | None = None, site: Path | None = None) -> Path:
    """``ONEWINDOW_CONFIG``, else the user's file if it exists, else the machine's if it
    exists, else where the user's would be (a missing file means all defaults)."""
    env = os.environ if env is None else env
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    user = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_FILE
    machine = site_config_path(env) if site is None else site
    return machine if not user.exists() and machine.exists() else user


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get(ENV_DATA):
        return Path(env[ENV_DATA])
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def read_config(path: Path) -> dict[str, Any] | None:
    """The TOML document, or None when there is no file."""
    try:
        # utf-8-sig: Windows Notepad may save the file with a byte-order mark.
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError([f"cannot read {path}: {exc}"]) from exc


def load_settings(path: Path) -> Settings:
    """Read the TOML config; a missing file means all defaults."""
    raw = read_config(path)
    return Settings() if raw is None else settings_from_toml(raw, path.parent)


def settings_from_toml(raw: Mapping[str, Any], base: Path) -> Settings:
    """Typed settings from a parsed config; ``base`` resolves relative file names."""
    settings, problems = validate_document(raw, base)
    if settings is None:
        raise ConfigError(problems)
    return settings


def blob_dir(settings: Settings, env: Mapping[str, str] | None = None) -> Path:
    """Where archived documents (and other blobs) are kept."""
    if settings.printing.archive_dir:
        return Path(settings.printing.archive_dir)
    return data_dir(env) / "blobs"


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
