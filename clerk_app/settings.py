"""Settings: each declared once, typed, with its default; paths resolved only when asked.

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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

from printing.config import (
    DEFAULT_PRINTER,
    PrinterConfig,
    PrintRoutes,
    printer_from_table,
    routes_from_table,
)
from printing.documents import HallBranding

APP_NAME = "onewindow"
ENV_DB = "ONEWINDOW_DB"
ENV_CONFIG = "ONEWINDOW_CONFIG"
ENV_DATA = "ONEWINDOW_DATA_DIR"
T = TypeVar("T")


class ConfigError(Exception):
    """The config file cannot be read or holds a value of the wrong type."""


PRINT_ROLES = ("window", "kiosk")
_BRANDING_KEYS = (
    "agency_name",
    "agency_name_en",
    "agency_short",
    "document_number_format",
    "seal_label",
    "footer",
    "status_url",
    "verify_url",
)


@dataclass(frozen=True, slots=True)
class PrintingSettings:
    """``[printing]``, ``[printing.routes]``, ``[printing.branding]`` and ``[printers.NAME]``."""

    role: str = "window"  # this PC's role in the routes: "window" or "kiosk"
    printers: tuple[PrinterConfig, ...] = (DEFAULT_PRINTER,)
    routes: PrintRoutes = field(default_factory=PrintRoutes)
    archive_dir: str | None = None  # None: <data dir>/blobs
    branding: HallBranding = field(default_factory=HallBranding)

    def printer(self, name: str) -> PrinterConfig | None:
        return next((p for p in self.printers if p.name == name), None)


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """What the papers say about who decides, seals and answers: ``[papers]`` for the hall,
    ``[papers.departments."部门"]`` for one department (named as in the catalogue), whose
    values override the hall's. An empty value is not set: the paper says so, never a guess.
    """

    licensing_body: str = ""  # the body that decides and is named on its decisions
    counter_seal: str = ""  # the seal on the counter's papers: the center's 受理专用章
    decision_seal: str = ""  # the seal on the department's own decisions
    reconsideration_body: str = ""  # 复议机关 (DOMAIN.md: the government at the same level)
    court: str = ""  # the court a lawsuit goes to
    consultation_phone: str = ""
    deferral_measure: str = ""  # the local 容缺受理 measure, as cited on the deferral notice
    pickup_wording: str = ""  # how the result is collected, as the receipt says it

    def over(self, base: OfficeSettings) -> OfficeSettings:
        """These values where set, else ``base``'s."""
        return replace(
            base, **{key: getattr(self, key) for key in OFFICE_KEYS if getattr(self, key)}
        )


OFFICE_KEYS: tuple[str, ...] = tuple(OfficeSettings.__dataclass_fields__)
# What a paper prints where a setting is missing; and what the hall must set (config check).
OFFICE_KEY_NAMES: dict[str, str] = {
    "licensing_body": "作出决定的行政机关",
    "counter_seal": "受理专用章",
    "decision_seal": "决定机关印章",
    "reconsideration_body": "行政复议机关",
    "court": "管辖法院",
    "consultation_phone": "咨询电话",
    "deferral_measure": "容缺受理办法",
    "pickup_wording": "取件方式",
}
HALL_REQUIRED_KEYS = (
    "counter_seal",
    "reconsideration_body",
    "court",
    "consultation_phone",
    "deferral_measure",
    "pickup_wording",
)
DECISION_KEYS = ("licensing_body", "decision_seal")


@dataclass(frozen=True, slots=True)
class PapersSettings:
    """``[papers]``: the hall's values and each department's overrides."""

    hall: OfficeSettings = field(default_factory=OfficeSettings)
    departments: tuple[tuple[str, OfficeSettings], ...] = ()

    @property
    def configured(self) -> bool:
        return self != PapersSettings()

    def office(self, department: str) -> OfficeSettings:
        """The department's values over the hall's."""
        own = dict(self.departments).get(department)
        return self.hall if own is None else own.over(self.hall)


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


SCANNER_KINDS = ("none", "sane", "folder")
DEFAULT_POST_CHECK_DAYS = 20  # 告知承诺's post-check period when the catalogue sets none


MAX_BACKUP_KEEP_DAYS = 3650
MAX_BACKUP_EVERY_HOURS = 168


@dataclass(frozen=True, slots=True)
class BackupSettings:
    """``[backup]``: online copies of an SQLite hall (``clerk-app maintenance backup``, and the
    desktop app while it runs). A PostgreSQL hall is backed up on its server with pg_dump."""

    dir: str | None = None  # None: backups/ in the database file's folder
    keep_days: int = 14  # older copies are deleted once a new one has passed its check
    every_hours: int = 4  # the desktop app copies when the newest copy is older; 0: it never does


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    """``[scanner]``: where scanned pages come from besides files the clerk picks."""

    kind: str = "none"  # "sane" (a scanner through scanimage), "folder" (a watched folder)
    device: str | None = None  # SANE device name; None: the first scanner SANE finds
    folder: str | None = None  # the folder a scanner or document camera saves into


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
    kiosk_idle_s: int = 60  # the kiosk returns to its start page after this long untouched
    display_english: bool = True  # the display also announces calls in English
    voice: str = "auto"  # "auto" (TTS, else clip pack, else chime), "tts", "clips", "chime"
    voice_dir: str | None = None  # the hall's own clip pack; default resources/voice
    pause_alert_min: int = 20  # supervisor alert: a window paused this long
    crowd_alert: int = 10  # supervisor alert: more than this many waiting for one service
    alert_sound: bool = True
    rating_follow_up_days: int = 5  # a bad rating is followed up within this many working days
    # 告知承诺: the post-check is due within this many working days of acceptance, for items
    # whose catalogue entry sets no period of its own ([hall] post_check_days)
    post_check_days: int = DEFAULT_POST_CHECK_DAYS
    printing: PrintingSettings = field(default_factory=PrintingSettings)
    security: SecuritySettings = field(default_factory=SecuritySettings)
    sync_server_url: str | None = None  # the central approval server; None: this PC never syncs
    sync_ca_file: str | None = None  # the hall CA (PEM), the only one trusted for the server
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    papers: PapersSettings = field(default_factory=PapersSettings)
    backup: BackupSettings = field(default_factory=BackupSettings)


MIN_AUDIT_RETENTION_DAYS = 180
MAX_WINDOW = 999
MAX_POST_CHECK_DAYS = 3650
CONFIG_FILE = "config.toml"


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


_KIND_NAMES: dict[type, str] = {
    str: "text in quotes",
    int: "a whole number",
    bool: "true or false",
    float: "a number",
}


def _typed(table: Mapping[str, object], key: str, kind: type[T], where: str) -> T | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(f"{where}.{key} must be {_KIND_NAMES[kind]}, not {value!r}")
    return value


def read_config(path: Path) -> dict[str, Any] | None:
    """The TOML document, or None when there is no file."""
    try:
        # utf-8-sig: Windows Notepad may save the file with a byte-order mark.
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc


def load_settings(path: Path) -> Settings:
    """Read the TOML config; a missing file means all defaults."""
    raw = read_config(path)
    return Settings() if raw is None else settings_from_toml(raw, path.parent)


def settings_from_toml(raw: Mapping[str, Any], base: Path) -> Settings:
    """Typed settings from a parsed config; ``base`` resolves relative file names."""
    database = raw.get("database", {})
    hall = raw.get("hall", {})
    ui = raw.get("ui", {})
    device = raw.get("device", {})
    audit = raw.get("audit", {})
    screens = raw.get("screens", {})
    security = raw.get("security", {})
    tables = {
        "database": database,
        "hall": hall,
        "ui": ui,
        "device": device,
        "audit": audit,
        "screens": screens,
        "security": security,
    }
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ConfigError(f"[{name}] must be a table")
    voice = _typed(screens, "voice", str, "screens")
    if voice not in (None, "auto", "tts", "clips", "chime"):
        raise ConfigError(f"screens.voice must be auto, tts, clips or chime, not {voice!r}")
    language = _typed(ui, "language", str, "ui")
    if language not in (None, "zh_CN", "en"):
        raise ConfigError(f"ui.language must be 'zh_CN' or 'en', not {language!r}")
    window = _typed(hall, "window", int, "hall")
    if window is not None and not 1 <= window <= MAX_WINDOW:
        raise ConfigError(
            f"hall.window must be a window number from 1 to {MAX_WINDOW}, not {window}"
        )
    post_check_days = _typed(hall, "post_check_days", int, "hall")
    if post_check_days is not None and not 1 <= post_check_days <= MAX_POST_CHECK_DAYS:
        raise ConfigError(
            f"hall.post_check_days must be 1 to {MAX_POST_CHECK_DAYS} working days, "
            f"not {post_check_days}"
        )
    retention = _typed(audit, "retention_days", int, "audit")
    if retention is not None and retention < MIN_AUDIT_RETENTION_DAYS:
        raise ConfigError(f"audit.retention_days must be at least {MIN_AUDIT_RETENTION_DAYS}")
    settings = Settings(
        timezone=_typed(hall, "timezone", str, "hall") or "Asia/Shanghai",
        audit_retention_days=retention or MIN_AUDIT_RETENTION_DAYS,
        printing=_printing(raw, base),
        db_url=_typed(database, "url", str, "database"),
        hall_code=_typed(hall, "code", str, "hall"),
        window=window,
        language=language,
        device_user=_typed(device, "user", str, "device"),
        device_password=_typed(device, "password", str, "device"),
        voice=voice or "auto",
        security=_security(security),
        sync_server_url=_server_url(_table(raw, "sync", "sync")),
        sync_ca_file=_typed(_table(raw, "sync", "sync"), "ca_file", str, "sync"),
        scanner=_scanner(_table(raw, "scanner", "scanner")),
        papers=_papers(_table(raw, "papers", "papers")),
        post_check_days=post_check_days or DEFAULT_POST_CHECK_DAYS,
        backup=_backup(_table(raw, "backup", "backup")),
    )
    return replace(settings, **_screens(screens))


def _backup(table: Mapping[str, object]) -> BackupSettings:
    keep_days = _typed(table, "keep_days", int, "backup")
    if keep_days is not None and not 1 <= keep_days <= MAX_BACKUP_KEEP_DAYS:
        raise ConfigError(f"backup.keep_days must be 1 to {MAX_BACKUP_KEEP_DAYS} days")
    every_hours = _typed(table, "every_hours", int, "backup")
    if every_hours is not None and not 0 <= every_hours <= MAX_BACKUP_EVERY_HOURS:
        raise ConfigError(f"backup.every_hours must be 0 (never) to {MAX_BACKUP_EVERY_HOURS}")
    defaults = BackupSettings()
    return BackupSettings(
        dir=_typed(table, "dir", str, "backup"),
        keep_days=defaults.keep_days if keep_days is None else keep_days,
        every_hours=defaults.every_hours if every_hours is None else every_hours,
    )


def _office(table: Mapping[str, object], where: str) -> OfficeSettings:
    values = {key: (_typed(table, key, str, where) or "").strip() for key in OFFICE_KEYS}
    return OfficeSettings(**values)


def _papers(table: Mapping[str, object]) -> PapersSettings:
    departments = _table(table, "departments", "papers.departments")
    return PapersSettings(
        hall=_office(table, "papers"),
        departments=tuple(
            (
                name,
                _office(
                    _table(departments, name, f'papers.departments."{name}"'),
                    f'papers.departments."{name}"',
                ),
            )
            for name in departments
        ),
    )


def _server_url(table: Mapping[str, object]) -> str | None:
    url = _typed(table, "server_url", str, "sync")
    if url is not None and not url.startswith(("https://", "http://")):
        raise ConfigError(f"sync.server_url must be an https:// address, not {url!r}")
    return url.rstrip("/") if url else None


def _scanner(table: Mapping[str, object]) -> ScannerSettings:
    kind = _typed(table, "kind", str, "scanner") or "none"
    if kind not in SCANNER_KINDS:
        raise ConfigError(f"scanner.kind must be one of {', '.join(SCANNER_KINDS)}, not {kind!r}")
    folder = _typed(table, "folder", str, "scanner")
    if kind == "folder" and not folder:
        raise ConfigError('scanner.kind = "folder" needs scanner.folder, the folder to watch')
    return ScannerSettings(kind, _typed(table, "device", str, "scanner"), folder)


def _screens(table: Mapping[str, object]) -> dict[str, Any]:
    """The [screens] table: kiosk, display and supervisor settings; absent keys keep defaults."""
    defaults = Settings()
    typed: dict[str, Any] = {}
    for key, kind in (
        ("kiosk_idle_s", int),
        ("display_english", bool),
        ("voice_dir", str),
        ("pause_alert_min", int),
        ("crowd_alert", int),
        ("alert_sound", bool),
        ("rating_follow_up_days", int),
    ):
        value = _typed(table, key, kind, "screens")
        if kind is int and isinstance(value, bool):
            raise ConfigError(f"screens.{key} must be a whole number, not {value!r}")
        typed[key] = getattr(defaults, key) if value is None else value
    return typed


def _table(raw: Mapping[str, object], key: str, where: str) -> dict[str, object]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{where}] must be a table")
    return value


def _branding(table: Mapping[str, object], base: Path) -> HallBranding:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "logo":
            continue
        if key not in _BRANDING_KEYS:
            raise ConfigError(f"printing.branding.{key} is not a branding setting")
        if not isinstance(value, str):
            raise ConfigError(f"printing.branding.{key} must be a str, not {value!r}")
        values[key] = value
    logo = _typed(table, "logo", str, "printing.branding")
    logo_png = None
    if logo:
        try:
            logo_png = (base / logo).read_bytes()
        except OSError as exc:
            raise ConfigError(f"printing.branding.logo: cannot read {logo}: {exc}") from exc
    try:
        return replace(HallBranding(logo_png=logo_png), **values)
    except ValueError as exc:
        raise ConfigError(f"printing.branding: {exc}") from exc


def _printing(raw: Mapping[str, object], base: Path) -> PrintingSettings:
    section = _table(raw, "printing", "printing")
    tables = _table(raw, "printers", "printers")
    try:
        printers = tuple(
            printer_from_table(name, _table(tables, name, f"printers.{name}")) for name in tables
        )
        if not any(p.name == DEFAULT_PRINTER.name for p in printers):
            printers = (*printers, DEFAULT_PRINTER)
        names = {p.name for p in printers}
        routes = routes_from_table(_table(section, "routes", "printing.routes"), names)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    role = _typed(section, "role", str, "printing") or "window"
    if role not in PRINT_ROLES:
        raise ConfigError(f"printing.role must be one of {PRINT_ROLES}, not {role!r}")
    return PrintingSettings(
        role=role,
        printers=printers,
        routes=routes,
        archive_dir=_typed(section, "archive_dir", str, "printing"),
        branding=_branding(_table(section, "branding", "printing.branding"), base),
    )


def blob_dir(settings: Settings, env: Mapping[str, str] | None = None) -> Path:
    """Where archived documents (and other blobs) are kept."""
    if settings.printing.archive_dir:
        return Path(settings.printing.archive_dir)
    return data_dir(env) / "blobs"


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
