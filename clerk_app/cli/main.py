"""``clerk-app``: the app, the demo hall and the queue for integrations (keypads, kiosks, scripts).

Exit status: 0 success, 1 a refused operation or an operational failure (one line on stderr,
nothing changed), 2 a usage error. ``--json`` prints machine-readable output.

Operational failures (a full disk, a damaged, locked or unreachable database, an unreachable
server, a missing key file, a permission denied) are one translated line naming the file or
server and what to do, in ``ui.language`` or the system's language; ``-v`` adds the
traceback. Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from clerk_app import __version__
from clerk_app.accounts.authz import PermissionDenied
from clerk_app.bootstrap import open_database
from clerk_app.cli import (
    audit_cmds,
    calendar_cmds,
    case_cmds,
    catalog_cmds,
    check_cmds,
    config_cmds,
    credit_cmds,
    database_cmds,
    device_cmds,
    keys_cmds,
    licence_cmds,
    maintenance_cmds,
    print_cmds,
    queue_cmds,
    signin,
    signing_cmds,
    stats_cmds,
    sync_cmds,
    users_cmds,
)
from clerk_app.config_check import check_config
from clerk_app.db.filesystem import FsProbe, fs_type
from clerk_app.demo import seed_demo
from clerk_app.printjobs.types import PrintRefused
from clerk_app.queue.types import QueueRefused
from clerk_app.services import Services, build_services
from clerk_app.settings import (
    ConfigError,
    Settings,
    config_path,
    data_dir,
    load_settings,
    resolve_db_url,
)
from onewindow_base import logsafety
from onewindow_base.blobs import BlobCorruptError, BlobNotFoundError
from onewindow_base.failures import Surroundings, explain, report_failure
from onewindow_base.wording import Language, console_language

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clerk-app", description=__doc__.splitlines()[0])
    parser.add_argument("--db", metavar="URL", help="database URL (sqlite:///… or postgresql://…)")
    parser.add_argument("--hall", metavar="CODE", help="hall code when the database holds several")
    parser.add_argument("--config", metavar="FILE", help="config file (TOML)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at INFO level")
    parser.add_argument("--version", action="version", version=f"clerk-app {__version__}")
    signin.add_arguments(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="start the desktop app")
    run.add_argument(
        "--mode",
        choices=["clerk", "supervisor", "kiosk", "display", "rating"],
        default="clerk",
        help="the screen: clerk or supervisor (sign in), kiosk or display (device login)",
    )
    run.add_argument("--window", type=int, help="this PC's window number")
    run.add_argument("--seed-demo", action="store_true", help="seed the demo hall if empty")
    run.add_argument(
        "--with-server",
        action="store_true",
        help="also run the reference central server on loopback, the hall enrolled (a checkout)",
    )
    run.add_argument("--lang", choices=["zh_CN", "en"], help="user interface language")
    run.add_argument(
        "--measure-startup",
        action="store_true",
        help="print a marker once the first window is interactive, then quit (benchmarks)",
    )

    demo = sub.add_parser("demo", help="seed the demo hall (idempotent)")
    demo.add_argument("--json", action="store_true")
    demo.add_argument(
        "--cases", type=int, default=0, metavar="N", help="also N accepted cases with scans"
    )

    migrate = sub.add_parser("migrate", help="bring the database to the newest schema")
    migrate.add_argument("--json", action="store_true")

    queue_cmds.add_parser(sub, _date)
    audit_cmds.add_parser(sub, _date)
    check_cmds.add_parser(sub, _date)
    catalog_cmds.add_parser(sub)
    calendar_cmds.add_parser(sub)
    print_cmds.add_parser(sub)
    keys_cmds.add_parser(sub)
    signing_cmds.add_parser(sub)
    stats_cmds.add_parser(sub, _date)
    config_cmds.add_parser(sub)
    sync_cmds.add_parser(sub)
    maintenance_cmds.add_parser(sub)
    users_cmds.add_parser(sub)
    case_cmds.add_parser(sub)
    credit_cmds.add_parser(sub)
    licence_cmds.add_parser(sub)
    device_cmds.add_parser(sub)
    return parser


def _emit(args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print(text)


def cmd_demo(services: Services, args: argparse.Namespace) -> int:
    seed = seed_demo(services.db)
    cases = scans = 0
    if args.cases > 0:
        cases, scans = sync_cmds.demo_cases(services, args.cases)
    accounts = [asdict(a) for a in seed.accounts]
    lines = [f"demo hall {seed.hall_code} " + ("created" if seed.created else "already there")]
    lines += [f"  {a.username:<12} {a.role:<11} password: {a.password}" for a in seed.accounts]
    lines.append(f"demo catalogue {seed.catalogue_version} active")
    if cases:
        lines.append(f"{cases} accepted demo cases with {scans} scans")
    _emit(
        args,
        {
            "hall_code": seed.hall_code,
            "created": seed.created,
            "accounts": accounts,
            "catalogue_version": seed.catalogue_version,
            "cases": cases,
            "scans": scans,
        },
        "\n".join(lines),
    )
    return EXIT_OK


def _config_file(args: argparse.Namespace) -> Path:
    return Path(args.config) if args.config else config_path()


def cmd_migrate(_services: Services, args: argparse.Namespace) -> int:
    _emit(args, {"migrated": True}, "database is up to date")
    return EXIT_OK


Handler = Callable[[Services, argparse.Namespace], int]
# One entry per command group that needs the database; the queue is the default.
HANDLERS: dict[str, Handler] = {
    "demo": cmd_demo,
    "sync": sync_cmds.cmd_sync,
    "enroll": sync_cmds.cmd_enroll,
    "migrate": cmd_migrate,
    "audit": audit_cmds.run,
    "catalog": catalog_cmds.run,
    "calendar": calendar_cmds.run,
    "case": case_cmds.run,
    "credit": credit_cmds.run,
    "licence": licence_cmds.run,
    "print": print_cmds.run,
    "keys": keys_cmds.run,
    "maintenance": maintenance_cmds.run,
    "users": users_cmds.run,
    "queue": queue_cmds.run,
    "stats": stats_cmds.run,
}


def _dispatch(services: Services, args: argparse.Namespace) -> int:
    return HANDLERS[args.command](services, args)


GuiRunner = Callable[[str, Settings, argparse.Namespace], int]
GuiMessage = Callable[[Path, list[str]], None]


def _implicit_run(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``clerk-app --mode kiosk`` means ``clerk-app run --mode kiosk`` (unattended screens)."""
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    if "--mode" in argv and not commands.intersection(argv):
        at = argv.index("--mode")
        return [*argv[:at], "run", *argv[at:]]
    return argv


def _config_refused(
    args: argparse.Namespace, error: ConfigError, gui_message: GuiMessage | None
) -> int:
    """Every problem of the file, not only the first; in a window too when the desktop app
    was started (a counter PC has no console anybody reads)."""
    path = _config_file(args)
    lines = [p.line() for p in check_config(path)] or [str(error)]
    print(f"clerk-app: the config file {path} has problems:", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    if args.command == "run" and gui_message is not None:
        gui_message(path, lines)
    return EXIT_USAGE


@dataclass
class _Context:
    """What a failure's message needs, filled in as the command gets further."""

    configured_language: str | None = None
    surroundings: Surroundings = field(default_factory=Surroundings)

    def language(self) -> Language:
        return console_language(self.configured_language)


def main(
    argv: Sequence[str] | None = None,
    gui: GuiRunner | None = None,
    gui_message: GuiMessage | None = None,
    fs_probe: FsProbe = fs_type,
) -> int:
    """Run a command; ``gui`` starts the desktop app and ``gui_message`` shows a config
    file's problems in a window (the ``ui`` package passes both in); ``fs_probe`` names the
    file system an SQLite file is on (see :mod:`clerk_app.db.filesystem`)."""
    parser = build_parser()
    args = parser.parse_args(_implicit_run(parser, list(sys.argv[1:] if argv is None else argv)))
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logsafety.install()
    context = _Context(surroundings=Surroundings(data_dir=data_dir()))
    try:
        return _main(args, gui, gui_message, context, fs_probe)
    except Exception as exc:
        failure = explain(exc, context.surroundings)
        if failure is None:
            raise  # a bug: its traceback is what the report needs
        report_failure("clerk-app", failure, exc, context.language())
        return EXIT_REFUSED


def _main(
    args: argparse.Namespace,
    gui: GuiRunner | None,
    gui_message: GuiMessage | None,
    context: _Context,
    fs_probe: FsProbe,
) -> int:
    if args.command == "check":  # needs neither the settings nor a database
        return check_cmds.run(args)
    if args.command == "config":
        return config_cmds.run(args, args.config)
    try:
        settings = load_settings(_config_file(args))
    except ConfigError as exc:
        return _config_refused(args, exc, gui_message)
    context.configured_language = getattr(args, "lang", None) or settings.language
    if args.command == "device":  # talks to a device only, no database
        return device_cmds.run(args, ZoneInfo(settings.timezone), settings.idcard)
    if args.command == "print" and not print_cmds.needs_database(args):
        return print_cmds.run_sample(args)
    return _run(args, settings, gui, context, fs_probe)


def _run(
    args: argparse.Namespace,
    settings: Settings,
    gui: GuiRunner | None,
    context: _Context,
    fs_probe: FsProbe,
) -> int:
    if args.command == "signing":  # the certificate and the hall key ring, no database
        return signing_cmds.run(args, settings)
    url = resolve_db_url(args.db, settings)
    context.surroundings = replace(context.surroundings, database=url)
    if args.command == "run":
        if gui is None:
            print("clerk-app: the desktop app is not installed", file=sys.stderr)
            return EXIT_USAGE
        return gui(url, settings, args)
    if maintenance_cmds.on_database_file(args):
        return database_cmds.run(url, args, settings, fs_probe)
    return _with_database(url, args, settings, fs_probe)


def _with_database(
    url: str, args: argparse.Namespace, settings: Settings, fs_probe: FsProbe
) -> int:
    db = open_database(url, fs_probe=fs_probe)
    try:
        services = build_services(settings, db, hall_code=getattr(args, "hall", None))
        args.operator = signin.operator(services, args)
        return _dispatch(services, args)
    # A refusal, or the blob store naming the blob and what to do: its own line.
    except (
        QueueRefused,
        PrintRefused,
        signin.SignInFailed,
        BlobCorruptError,
        BlobNotFoundError,
    ) as exc:
        print(f"clerk-app: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except PermissionDenied as exc:
        print(f"clerk-app: not permitted: {exc}; nothing was changed", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
