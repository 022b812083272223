"""Every problem in a hall's config file at once, for the admin who has to fix it.

:func:`clerk_app.settings.load_settings` stops at the first bad value, which is right for the
app but slow going for an admin at a new counter PC: fix, restart, read the next message. This
reports every bad value and every key OneWindow does not know (the app's own validation,
:func:`clerk_app.settings_problems.validate_document`, which names them all), and the values
that are well-typed but cannot work on this PC (a printer folder that does not exist, a
plain-http server far away). Errors stop the app; warnings are worth reading.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from clerk_app.calendars import store as calendar_store
from clerk_app.calendars.warning import next_year_missing
from clerk_app.settings import (
    DECISION_KEYS,
    HALL_REQUIRED_KEYS,
    OFFICE_KEY_NAMES,
    ConfigError,
    Settings,
    read_config,
)
from clerk_app.settings_problems import validate_document
from onewindow_base.clock import Clock, SystemClock, to_datetime
from onewindow_base.db.engine import Database
from printing.config import FilePrinterConfig, SerialPrinterConfig


class Severity(StrEnum):
    ERROR = "error"  # the app refuses to start with it
    WARNING = "warning"  # the app starts, but something will not work as meant


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    severity: Severity
    message: str

    def line(self) -> str:
        return f"{self.severity.value}: {self.message}"


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def check_config(path: Path) -> list[ConfigProblem]:
    """The problems of the config file at ``path``; an empty list means it is fine."""
    try:
        raw = read_config(path)
    except ConfigError as exc:
        return [ConfigProblem(Severity.ERROR, message) for message in exc.problems]
    if raw is None:
        return [ConfigProblem(Severity.ERROR, f"{path} does not exist")]
    return check_document(raw, path.parent)


def check_document(raw: Mapping[str, Any], base: Path) -> list[ConfigProblem]:
    """The app's own validation (every bad value), then what cannot work on this PC, checked
    on the tables without an error."""
    settings, errors = validate_document(raw, base)
    problems = [ConfigProblem(Severity.ERROR, message) for message in errors]
    if settings is None:
        settings = _settings_of_clean_tables(raw, base, errors)
    if settings is not None:
        problems += _usability(settings)
    return sorted(problems, key=lambda p: p.severity is not Severity.ERROR)


def _settings_of_clean_tables(
    raw: Mapping[str, Any], base: Path, errors: list[str]
) -> Settings | None:
    def bad(table: str) -> bool:
        return any(e.startswith((f"{table}.", f"[{table}]", f"[{table}.")) for e in errors)

    clean = {table: value for table, value in raw.items() if not bad(table)}
    if "printing" in clean and "printers" not in clean:
        del clean["printing"]  # its routes name printers that are not usable
    return validate_document(clean, base)[0]


def _database(url: str) -> Iterator[ConfigProblem]:
    try:
        parsed = make_url(url)
    except ArgumentError:
        yield ConfigProblem(Severity.ERROR, f"database.url is not a database URL: {url!r}")
        return
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        yield ConfigProblem(
            Severity.ERROR,
            f"database.url must be sqlite:///FILE or postgresql://…, not a {backend} URL",
        )
    elif backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(str(parsed.database)).parent
        if not folder.is_dir():
            yield ConfigProblem(
                Severity.WARNING, f"database.url: the folder {folder} does not exist yet"
            )
    elif backend == "postgresql" and parsed.password:
        yield ConfigProblem(
            Severity.WARNING,
            "database.url holds a password: keep it in the PostgreSQL password file "
            "(pgpass) instead, so the config file can be read by anyone",
        )


def _server(url: str) -> Iterator[ConfigProblem]:
    host = url_host(url)
    if url.startswith("http://") and host not in LOCAL_HOSTS:
        yield ConfigProblem(
            Severity.WARNING,
            f"sync.server_url uses plain http to {host}: case data would travel unencrypted, "
            "so the sync client refuses it (use https://)",
        )


def url_host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].strip("[]")


def _missing_folder(where: str, folder: str | None) -> Iterator[ConfigProblem]:
    if folder and not Path(folder).is_dir():
        yield ConfigProblem(Severity.WARNING, f"{where}: the folder {folder} does not exist")


def _usability(settings: Settings) -> list[ConfigProblem]:
    problems: list[ConfigProblem] = []
    if settings.db_url is not None:
        problems += _database(settings.db_url)
    if settings.sync_server_url is not None:
        problems += _server(settings.sync_server_url)
    if settings.sync_ca_file is not None and not Path(settings.sync_ca_file).is_file():
        problems.append(
            ConfigProblem(Severity.ERROR, f"sync.ca_file: {settings.sync_ca_file} does not exist")
        )
    if settings.hall_code is not None and not settings.hall_code.strip():
        problems.append(ConfigProblem(Severity.ERROR, "hall.code is empty"))
    if bool(settings.device_user) != bool(settings.device_password):
        problems.append(
            ConfigProblem(Severity.ERROR, "[device] needs both user and password, or neither")
        )
    problems += _missing_folder("screens.voice_dir", settings.voice_dir)
    problems += _missing_folder("printing.archive_dir", settings.printing.archive_dir)
    for printer in settings.printing.printers:
        if isinstance(printer, FilePrinterConfig):
            problems += _missing_folder(f"printers.{printer.name}.directory", printer.directory)
        if isinstance(printer, SerialPrinterConfig) and not Path(printer.serial_device).exists():
            problems.append(
                ConfigProblem(
                    Severity.WARNING,
                    f"printers.{printer.name}.serial_device: {printer.serial_device} "
                    "is not on this PC (is the printer connected?)",
                )
            )
    problems += _papers(settings)
    scanner = settings.scanner
    if scanner.kind == "sane" and shutil.which("scanimage") is None:
        problems.append(
            ConfigProblem(
                Severity.WARNING,
                'scanner.kind = "sane" but scanimage is not installed (Debian: sane-utils)',
            )
        )
    if scanner.kind == "folder":
        problems += _missing_folder("scanner.folder", scanner.folder)
    card_problem = idcard_without_key(settings)
    if card_problem is not None:
        problems.append(card_problem)
    return problems


def idcard_without_key(settings: Settings) -> ConfigProblem | None:
    """A reader on a PC without the hall key: the kiosk checks bookings in by code or QR code
    only. A booking's ID number is kept as a keyed hash (HMAC under the hall key); matching a
    card to it means computing that hash, and a key that can compute it can also recover the
    booked ID numbers from the hash column by trying every possible number (docs/deployment)."""
    from clerk_app.crypto.keys import key_store_for  # noqa: PLC0415 - the keyring backend

    if not settings.idcard.configured:
        return None
    store = key_store_for(settings)
    if store.exists():
        return None
    return ConfigProblem(
        Severity.WARNING,
        f"idcard: a reader is configured but this PC has no hall key ({store.describe()}): "
        "ID-card check-in at the kiosk is off (bookings check in by code or QR code), and so "
        "is the intake form; copy the hall key file here only on a PC the hall controls "
        '(docs/deployment.en.md, "Kiosk ID-card check-in")',
    )


def _papers(settings: Settings) -> list[ConfigProblem]:
    """The settings the hall's papers need: each one missing prints as "not set" on a paper."""
    papers = settings.papers
    problems = [
        ConfigProblem(
            Severity.WARNING,
            f"papers.{key} ({OFFICE_KEY_NAMES[key]}) is not set: the papers that need it say "
            "so instead of naming one",
        )
        for key in HALL_REQUIRED_KEYS
        if not getattr(papers.hall, key)
    ]
    for key in DECISION_KEYS:
        if getattr(papers.hall, key):
            continue
        unset = [name for name, office in papers.departments if not getattr(office, key)]
        if unset or not papers.departments:
            where = "; set it in [papers] or for " + (
                ", ".join(f'papers.departments."{name}"' for name in unset)
                if unset
                else "each department"
            )
            problems.append(
                ConfigProblem(
                    Severity.WARNING,
                    f"papers.{key} ({OFFICE_KEY_NAMES[key]}) is not set: a decision of a "
                    f"department without it says so instead of naming one{where}",
                )
            )
    return problems


def problems_json(path: Path, problems: list[ConfigProblem]) -> str:
    return json.dumps(
        {
            "file": str(path),
            "ok": not any(p.severity is Severity.ERROR for p in problems),
            "problems": [{"severity": p.severity.value, "message": p.message} for p in problems],
        },
        ensure_ascii=False,
    )


def calendar_problems(url: str, timezone: str, clock: Clock | None = None) -> list[ConfigProblem]:
    """From 1 November (hall time): a warning while next year's holiday arrangement is not in
    the hall database. Nothing when the database cannot be read (or is not migrated yet): the
    config check is about this PC's file and does not change the database."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
            return []  # no hall database on this PC yet (connecting would create one)
        db = Database(url)
    except (SQLAlchemyError, ValueError):
        return []
    try:
        with db.engine.connect() as conn:
            if not inspect(conn).has_table("calendar_year"):
                return []
        calendar = db.run_read(calendar_store.load)
    except SQLAlchemyError:
        return []
    finally:
        db.dispose()
    now = (clock or SystemClock()).now_ms()
    today = to_datetime(now, ZoneInfo(timezone)).date()
    missing = next_year_missing(calendar, today)
    if missing is None:
        return []
    return [
        ConfigProblem(
            Severity.WARNING,
            f"the hall calendar has no {missing} holiday arrangement: promised dates and "
            f"follow-ups running into {missing} wait until it is loaded (clerk-app calendar "
            "import FILE, or sync from the central server)",
        )
    ]
