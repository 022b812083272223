"""``clerk-app config check|init``: the hall's config file, for admins and installers.

``config check [FILE]`` lists every problem (exit 1 when one is an error, 0 with warnings
only). ``config init FILE --db … --hall … --window …`` writes a new config file, the way the
Windows installer and the .deb do on a new PC; it refuses to overwrite one (a reinstall keeps
the hall's settings) and writes nothing when a value is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from clerk_app.config_check import (
    ConfigProblem,
    Severity,
    calendar_problems,
    check_config,
    problems_json,
)
from clerk_app.settings import config_path, load_settings, resolve_db_url
from clerk_app.settings_template import config_template

EXIT_OK, EXIT_PROBLEMS = 0, 1
HEADER = """\
# OneWindow（一窗通）hall configuration, written by `clerk-app config init` on {date}.
# 本机配置文件。每一项都附中英文说明；以 # 开头的项取其默认值，去掉 # 并修改即可生效。
# Every setting, explained in English and Chinese; a key behind # has its default: remove
# the # to change it. Check this file after editing it: clerk-app config check
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = sub.add_parser("config", help="check or write the config file")
    csub = config.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = csub.add_parser("check", help="list every problem in a config file")
    check.add_argument("file", nargs="?", type=Path, help="default: the file the app reads")
    check.add_argument("--json", action="store_true")
    init = csub.add_parser("init", help="write a new config file (never overwrites one)")
    init.add_argument("file", type=Path)
    init.add_argument("--db", dest="db_url", metavar="URL", help="database.url")
    init.add_argument("--server", metavar="URL", help="sync.server_url")
    init.add_argument("--hall-code", metavar="CODE", help="hall.code")
    init.add_argument("--window", type=int, metavar="N", help="hall.window")
    init.add_argument("--lang", choices=["zh_CN", "en"], help="ui.language")
    init.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, config_option: str | None) -> int:
    if args.action == "init":
        return _init(args)
    path = args.file or (Path(config_option) if config_option else config_path())
    problems = check_config(path)
    if not has_errors(problems):
        settings = load_settings(path)
        url = resolve_db_url(None, settings)
        problems += calendar_problems(url, settings.timezone)
    report(path, problems, as_json=args.json)
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def has_errors(problems: list[ConfigProblem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def report(path: Path, problems: list[ConfigProblem], *, as_json: bool) -> None:
    if as_json:
        print(problems_json(path, problems))
        return
    if not problems:
        print(f"{path}: no problems")
        return
    errors = sum(p.severity is Severity.ERROR for p in problems)
    print(f"{path}: {errors} error(s), {len(problems) - errors} warning(s)")
    for problem in problems:
        print(f"  {problem.line()}")


def config_text(args: argparse.Namespace, today: dt.date) -> str:
    given = (
        ("database", "url", args.db_url),
        ("sync", "server_url", args.server),
        ("hall", "code", args.hall_code),
        ("hall", "window", args.window),
        ("ui", "language", args.lang),
    )
    values: dict[str, dict[str, object]] = {}
    for table, key, value in given:
        if value is not None:
            values.setdefault(table, {})[key] = value
    return HEADER.format(date=today.isoformat()) + config_template(values)


def _init(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.exists():
        print(f"clerk-app: {path} exists and is kept as it is", file=sys.stderr)
        return EXIT_PROBLEMS
    text = config_text(args, dt.datetime.now().astimezone().date())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8")
    problems = [p for p in check_config(partial) if p.severity is Severity.ERROR]
    if problems:
        partial.unlink()
        report(path, problems, as_json=args.json)
        return EXIT_PROBLEMS
    partial.replace(path)
    if args.json:
        print(json.dumps({"file": str(path), "written": True}))
    else:
        print(f"{path} written")
    return EXIT_OK
