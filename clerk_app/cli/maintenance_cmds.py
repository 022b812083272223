"""``clerk-app maintenance …``: housekeeping of this counter's files.

``sweep-blobs`` deletes blobs no row refers to (see ``clerk_app.storage.sweep``): scans of a
save that was killed before its commit, pages of a file cut short by a full disk, stray
temporary files. ``check``, ``backup`` and ``restore`` work on the database itself and run
without opening it as the app does (see :mod:`clerk_app.cli.database_cmds`).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from clerk_app.cli import database_cmds
from clerk_app.services import Services
from clerk_app.storage.sweep import DEFAULT_GRACE_S, sweep_orphan_blobs

EXIT_OK = 0
MIN_GRACE_HOURS = 1.0  # below this a save still in flight could lose its scans


def _grace_hours(value: str) -> float:
    try:
        hours = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of hours: {value!r}") from None
    if hours < MIN_GRACE_HOURS:
        raise argparse.ArgumentTypeError(f"the grace period is at least {MIN_GRACE_HOURS} hour")
    return hours


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    maintenance = sub.add_parser("maintenance", help="housekeeping of this counter's files")
    tasks = maintenance.add_subparsers(dest="task", required=True, metavar="TASK")
    sweep = tasks.add_parser("sweep-blobs", help="delete blobs that no record refers to")
    sweep.add_argument(
        "--grace-hours",
        type=_grace_hours,
        default=DEFAULT_GRACE_S / 3600,
        help="keep unreferenced blobs younger than this (default 24)",
    )
    sweep.add_argument("--json", action="store_true")
    database_cmds.add_tasks(tasks)


def on_database_file(args: argparse.Namespace) -> bool:
    """Whether the task works on the database file without opening it as the app does."""
    return args.command == "maintenance" and args.task in database_cmds.TASKS


def run(services: Services, args: argparse.Namespace) -> int:
    report = sweep_orphan_blobs(services.db, services.blobs, grace_s=args.grace_hours * 3600)
    if args.json:
        print(json.dumps(asdict(report)))
    else:
        print(
            f"{report.deleted} orphan blob(s) and {report.temporaries} temporary file(s) "
            f"deleted ({report.bytes_freed} bytes); kept {report.referenced} referenced, "
            f"{report.young} too recent to judge"
        )
    return EXIT_OK
