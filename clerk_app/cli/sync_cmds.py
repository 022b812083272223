"""``clerk-app sync``, ``clerk-app enroll`` and the demo cases of ``clerk-app demo --cases N``.

``sync`` exit status: 0 nothing pending and nothing needing attention; 4 operations need
attention (the server rejected them, or their scans are missing on this PC: retrying will not
help, a person must look in the sync panel), also when others wait too; 3 work remains because
the server is unreachable (or answers errors worth retrying); 1 refused (not enrolled, revoked,
upgrade needed, a bug).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clerk_app.services import (
        Services,  # the HTTP client and the protocol models load with the first sync, not
    )

    # with every start of the app (this module is part of the command line the app starts from)
    from clerk_app.sync.engine import CycleReport

EXIT_OK, EXIT_REFUSED, EXIT_PENDING, EXIT_ATTENTION = 0, 1, 3, 4
MAX_CYCLES = 20  # without --once: cycles until nothing is left (or it stops moving)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="push the outbox and pull changes from the central server")
    sync.add_argument("--once", action="store_true", help="one cycle, even inside the backoff")
    sync.add_argument("--json", action="store_true")
    enroll = sub.add_parser("enroll", help="enrol this hall database with the central server")
    enroll.add_argument("--server", required=True, metavar="URL")
    enroll.add_argument("--code", required=True, metavar="CODE", help="the one-time code")
    enroll.add_argument("--name", default="counter", help="this device's name")
    enroll.add_argument("--window", metavar="CODE", help="window code, e.g. W03")
    enroll.add_argument("--json", action="store_true")


def _payload(report: CycleReport) -> dict[str, Any]:
    return {
        "pushed": report.pushed,
        "pulled": report.pulled,
        "pending": report.pending,
        "failed": report.failed,
        "ok": report.ok,
        "needs_attention": report.failed > 0,
        "busy": report.busy,
        "error": report.error,
        "error_kind": report.error_kind,
        "skew_ms": report.skew_ms,
        "skew_warning": report.skew_warning,
        "catalogue": report.catalogue,
        "calendars": list(report.calendars),
        "calendars_kept": list(report.calendars_kept),
    }


def _exit_code(report: CycleReport) -> int:
    if report.error_kind in ("permanent", "revoked", "upgrade", "disk_full"):
        return EXIT_REFUSED
    if report.failed:
        return EXIT_ATTENTION
    return EXIT_OK if report.pending == 0 else EXIT_PENDING


def cmd_sync(services: Services, args: argparse.Namespace) -> int:
    engine = services.sync  # no key ring: an operational failure (cli.main)
    try:
        report = engine.run_cycle(force=True)
        pushed, pulled = report.pushed, report.pulled
        cycles = 1
        while not args.once and report.ok and report.pending and cycles < MAX_CYCLES:
            before = report.pending
            report = engine.run_cycle(force=True)
            pushed, pulled, cycles = pushed + report.pushed, pulled + report.pulled, cycles + 1
            if report.pending >= before:
                break
        while report.busy and not args.once and cycles < MAX_CYCLES:
            time.sleep(0.5)  # the app's background sync holds the lock: wait for its turn
            report = engine.run_cycle(force=True)
            cycles += 1
    finally:
        engine.close()  # its kept connection: the server need not wait for it
    payload = _payload(report) | {"pushed": pushed, "pulled": pulled}
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        status = "ok" if report.ok else ("busy" if report.busy else f"failed: {report.error}")
        print(
            f"pushed {pushed}, pulled {pulled}, pending {report.pending}, "
            f"needs attention {report.failed} ({status})"
        )
        if report.skew_warning and report.skew_ms is not None:
            print(f"warning: this PC's clock is {report.skew_ms / 1000:+.0f} s off the server's")
    return _exit_code(report)


def cmd_enroll(services: Services, args: argparse.Namespace) -> int:
    from clerk_app.sync.client import SyncError  # noqa: PLC0415 - see TYPE_CHECKING above
    from clerk_app.sync.enrolment import enrol  # noqa: PLC0415
    from clerk_app.sync.setup import ca_file  # noqa: PLC0415

    try:
        done = enrol(
            services.db,
            services.cipher,
            args.server,
            args.code,
            device_name=args.name,
            window_code=args.window,
            ca_file=ca_file(services.settings),
        )
    except SyncError as exc:
        print(f"clerk-app: enrolment failed: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    payload = {"device_id": done.device_id, "hall_code": done.hall_code, "server": done.server_url}
    text = f"enrolled as device {done.device_id} of hall {done.hall_code} at {done.server_url}"
    print(json.dumps(payload) if args.json else text)
    return EXIT_OK


def demo_cases(services: Services, count: int) -> tuple[int, int]:
    """``count`` accepted demo cases with four synthetic scans each; (cases, scans)."""
    from clerk_app.demo_cases import create_demo_cases  # noqa: PLC0415 - demos only

    made = create_demo_cases(
        services.db,
        services.cipher,
        services.blobs,
        count,
        branding=services.printing.branding,
    )
    return len(made.case_numbers), made.scans
