"""``clerk-app audit …``: verify the hash chain, export a period, purge past retention."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from clerk_app.audit.service import AuditService, RetentionRefused
from clerk_app.audit.types import AuditEntry
from clerk_app.export import write_csv
from clerk_app.services import Services

EXIT_OK, EXIT_REFUSED = 0, 1
HEADER = (
    "seq",
    "time",
    "actor_id",
    "actor",
    "action",
    "outcome",
    "target_kind",
    "target",
    "detail",
)


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    date_type: Callable[[str], object],
) -> None:
    audit = sub.add_parser("audit", help="the audit trail")
    asub = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    verify = asub.add_parser("verify", help="check the hash chain (exit 1 when broken)")
    verify.add_argument("--json", action="store_true")
    export = asub.add_parser("export", help="write the records of a period as CSV or JSON lines")
    export.add_argument("--from", dest="date_from", type=date_type, required=True)
    export.add_argument("--to", dest="date_to", type=date_type, required=True)
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    purge = asub.add_parser("purge", help="delete records older than N days (never under 180)")
    purge.add_argument("--older-than-days", type=int, required=True)
    purge.add_argument("--json", action="store_true")


def run(services: Services, args: argparse.Namespace) -> int:
    audit = services.audit
    retention_days = services.settings.audit_retention_days
    if args.action == "verify":
        report = audit.verify()
        if args.json:
            payload = {
                "intact": report.intact,
                "checked": report.checked,
                "first": report.first_seq,
                "last": report.last_seq,
                "problems": [
                    {"kind": p.kind.value, "seq": p.seq, "detail": p.detail}
                    for p in report.problems
                ],
            }
            print(json.dumps(payload, ensure_ascii=False))
        else:
            print(f"{report.checked} records checked, {len(report.problems)} problems")
            for problem in report.problems:
                print(f"  {problem}")
        return EXIT_OK if report.intact else EXIT_REFUSED
    if args.action == "export":
        return _export(audit, args, services.tz)
    try:
        purged = audit.purge(args.older_than_days, args.operator, retention_days=retention_days)
    except RetentionRefused as exc:
        print(f"clerk-app: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    print(json.dumps({"purged": purged}) if args.json else f"{purged} records purged")
    return EXIT_OK


def _export(audit: AuditService, args: argparse.Namespace, zone: ZoneInfo) -> int:
    start = dt.datetime.combine(args.date_from, dt.time(), zone)
    end = dt.datetime.combine(args.date_to + dt.timedelta(days=1), dt.time(), zone)
    entries = audit.export(
        int(start.timestamp() * 1000), int(end.timestamp() * 1000), args.operator
    )
    with contextlib.ExitStack() as stack:
        stream: TextIO = sys.stdout
        if args.output:
            stream = stack.enter_context(
                Path(args.output).open("w", encoding="utf-8-sig", newline="")
            )
        if args.format == "jsonl":
            for e in entries:
                stream.write(json.dumps(_row(e, zone), ensure_ascii=False) + "\n")
        else:
            write_csv(stream, HEADER, ([_row(e, zone)[k] for k in HEADER] for e in entries))
    return EXIT_OK


def _row(e: AuditEntry, zone: ZoneInfo) -> dict[str, str | int | None]:
    return {
        "seq": e.seq,
        "time": dt.datetime.fromtimestamp(e.at_ms / 1000, zone).isoformat(timespec="seconds"),
        "actor_id": e.actor_id,
        "actor": e.actor,
        "action": e.action,
        "outcome": e.outcome,
        "target_kind": e.target_kind,
        "target": e.target,
        "detail": e.detail,
    }
