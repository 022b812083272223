"""``clerk-app maintenance check|backup|restore``: the hall database as a file.

They run without opening the database as the app does (no migration, no start-up writes), so
they work on a damaged file too. ``check`` only reads. ``backup`` writes an online copy of an
SQLite hall next to it (``[backup]``); a hall PC runs it from cron or Task Scheduler, and the
desktop app while it is open. ``restore`` needs every OneWindow process of the PC closed; it
keeps the replaced file, migrates the restored one and records the restore in its audit trail
(the actor is the PC's user: whoever may replace the file).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from clerk_app.accounts.authz import HostOperator
from clerk_app.audit.types import AuditAction
from clerk_app.bootstrap import open_database
from clerk_app.db.backup import Restored, hall_backups
from clerk_app.db.filesystem import FsProbe, is_network
from clerk_app.db.health import HealthReport, check_postgres, check_sqlite, sqlite_revision
from clerk_app.db.migrate import head_revision
from clerk_app.db.sqlite_file import sqlite_file
from clerk_app.services import build_services
from clerk_app.settings import Settings
from onewindow_base.clock import SystemClock
from onewindow_base.failures.database import DatabaseRefused, DbProblem

EXIT_OK, EXIT_PROBLEMS = 0, 1
TASKS = ("check", "backup", "restore")


def add_tasks(tasks: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = tasks.add_parser(
        "check", help="integrity and foreign-key checks of the database (read only)"
    )
    check.add_argument("--json", action="store_true")
    backup = tasks.add_parser(
        "backup", help="an online copy of an SQLite hall, checked; old copies pruned"
    )
    backup.add_argument("--json", action="store_true")
    restore = tasks.add_parser(
        "restore", help="replace the database by the newest sound backup (the old file is kept)"
    )
    restore.add_argument("--from", dest="source", metavar="FILE", help="this backup file")
    restore.add_argument("--json", action="store_true")


def run(url: str, args: argparse.Namespace, settings: Settings, probe: FsProbe) -> int:
    path = sqlite_file(url)
    if args.task == "check":
        return _check(args, check_sqlite(path) if path is not None else check_postgres(url))
    if path is None:
        raise DatabaseRefused(DbProblem.NOT_SQLITE)
    if is_network(kind := probe(path)):
        raise DatabaseRefused(DbProblem.NETWORK_SHARE, path=path, fs=kind)
    # The file is not opened as the app opens it (it may be damaged): the hall's row cannot be
    # read, so the backups are named by the day in the settings' zone, a new hall's default.
    backups = hall_backups(path, settings.backup, ZoneInfo(settings.timezone), SystemClock())
    if args.task == "backup":
        report = backups.write()
        pruned = [str(p) for p in report.pruned]
        text = f"backed up to {report.written} ({report.size} bytes, checked)"
        if pruned:
            text += f"; {len(pruned)} older backup(s) deleted"
        payload = {"backup": str(report.written), "size": report.size, "pruned": pruned}
        return _say(args, payload, text)
    return _restore(url, path, args, backups.restore(_source(args)), settings, probe)


def _source(args: argparse.Namespace) -> Path | None:
    return Path(args.source).expanduser() if args.source else None


def _restore(
    url: str,
    path: Path,
    args: argparse.Namespace,
    restored: Restored,
    settings: Settings,
    probe: FsProbe,
) -> int:
    before = sqlite_revision(path)
    db = open_database(url, fs_probe=probe)  # migrated to head here
    try:
        detail = {
            "from": str(restored.source),
            "kept_aside": [p.name for p in restored.kept_aside],
            "skipped": [p.name for p, _ in restored.skipped],
            "revision_before": before,
            "revision": head_revision(),
        }
        build_services(settings, db).audit.record(
            AuditAction.DB_RESTORE,
            HostOperator.here().actor,
            target_kind="database",
            target=path.name,
            detail=detail,
        )
    finally:
        db.dispose()
    lines = [f"restored {path} from {restored.source}"]
    lines += [f"  kept the replaced file as {p}" for p in restored.kept_aside]
    lines += [f"  skipped {p}: {reason}" for p, reason in restored.skipped]
    if before != head_revision():
        lines.append(f"  migrated from {before} to {head_revision()}")
    return _say(args, {"database": str(path), **detail}, "\n".join(lines))


def _check(args: argparse.Namespace, report: HealthReport) -> int:
    payload = {
        "database": report.database,
        "checks": list(report.checks),
        "problems": list(report.problems),
        "sound": report.sound,
    }
    if report.sound:
        text = f"{report.database}: sound ({', '.join(report.checks)})"
    else:
        text = "\n".join(
            [f"{report.database}: {len(report.problems)} problem(s)"]
            + [f"  {p}" for p in report.problems]
        )
    _say(args, payload, text)
    return EXIT_OK if report.sound else EXIT_PROBLEMS


def _say(args: argparse.Namespace, payload: dict[str, Any], text: str) -> int:
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)
    return EXIT_OK
