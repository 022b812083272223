"""``clerk-app calendar import FILE | show YEAR | export YEAR``: the hall's holiday calendar.

``import`` installs every year of a calendar file (docs/calendar.md), each the State
Council's whole arrangement, replacing a year the hall held; administrators only, audited.
``export`` writes a year's canonical text (to stdout, or ``-o FILE`` written whole or not at
all): importing it gives the same year, exporting again the same bytes. A refusal exits 1
with one line on stderr and changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from clerk_app.calendars.service import CalendarService
from clerk_app.calendars.types import InstalledYear
from clerk_app.services import Services
from onewindow_base.clock import to_datetime
from onewindow_protocol.calendar.format import ranges
from onewindow_protocol.calendar.types import CalendarRefusal, CalendarRefused

EXIT_OK, EXIT_REFUSED = 0, 1


def _year(value: str) -> int:
    if not value.isdigit() or not 1900 <= int(value) <= 2200:
        raise argparse.ArgumentTypeError(f"not a year: {value!r}")
    return int(value)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    calendar = sub.add_parser("calendar", help="the hall's holiday calendar (working days)")
    csub = calendar.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = csub.add_parser("import", help="install the whole years of a calendar file")
    imp.add_argument("file", type=Path)
    show = csub.add_parser("show", help="a year's holidays and make-up working days")
    show.add_argument("year", type=_year)
    exp = csub.add_parser("export", help="write a year as a calendar file")
    exp.add_argument("year", type=_year)
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    for p in csub.choices.values():
        p.add_argument("--json", action="store_true", help="print JSON")


def _print(args: argparse.Namespace, payload: Any, text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)


def _installed_at(found: InstalledYear, tz: ZoneInfo) -> str:
    return to_datetime(found.installed_ms, tz).isoformat(timespec="seconds")


def _import(service: CalendarService, args: argparse.Namespace, _tz: ZoneInfo) -> None:
    result = service.import_file(args.file, by=args.operator)
    years = ", ".join(str(y) for y in result.years)
    replaced = f"; replaced {', '.join(map(str, result.replaced))}" if result.replaced else ""
    text = (
        f"calendar {years} installed{replaced}; "
        f"{result.deadlines_filled} waiting deadline(s) computed"
    )
    payload = {
        "years": list(result.years),
        "replaced": list(result.replaced),
        "deadlines_filled": result.deadlines_filled,
    }
    _print(args, payload, text)


def _show(service: CalendarService, args: argparse.Namespace, tz: ZoneInfo) -> None:
    found = service.year(args.year)
    a = found.arrangement
    payload = {
        "year": a.year,
        "complete": found.complete,
        "source": found.source.value,
        "release": found.release,
        "installed_at": _installed_at(found, tz),
        "installed_by": found.installed_by,
        "checksum": found.checksum,
        "holidays": [d.isoformat() for d in sorted(a.holidays)],
        "workdays": [d.isoformat() for d in sorted(a.workdays)],
    }
    release = f" (release {found.release})" if found.release else ""
    lines = [
        (
            f"calendar {a.year}: {'whole arrangement' if found.complete else 'partial'}, "
            f"{found.source.value}{release}, installed {payload['installed_at']} "
            f"by {found.installed_by}"
        ),
        "  holidays: " + (", ".join(ranges(a.holidays)) or "none"),
        "  working weekend days: " + (", ".join(ranges(a.workdays)) or "none"),
        f"  sha256: {found.checksum}",
    ]
    _print(args, payload, "\n".join(lines))


def _write_whole(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8", newline="\n")
    partial.replace(path)


def _export(service: CalendarService, args: argparse.Namespace, _tz: ZoneInfo) -> None:
    text = service.export_text(args.year)
    if args.output is None:
        sys.stdout.write(text)
        return
    try:
        _write_whole(args.output, text)
    except OSError as exc:
        raise CalendarRefused(
            CalendarRefusal.BAD_FILE, f"cannot write {args.output}: {exc.strerror}"
        ) from None
    payload = {"year": args.year, "file": str(args.output)}
    _print(args, payload, f"calendar {args.year} written to {args.output}")


HANDLERS = {"import": _import, "show": _show, "export": _export}


def run(services: Services, args: argparse.Namespace) -> int:
    try:
        HANDLERS[args.action](services.calendars, args, services.tz)
    except CalendarRefused as exc:
        changed = "; nothing was changed" if args.action == "import" else ""
        print(f"clerk-app: {exc}{changed}", file=sys.stderr)
        if args.json:
            print(json.dumps({"refused": exc.code.value, "message": str(exc)}))
        return EXIT_REFUSED
    return EXIT_OK
