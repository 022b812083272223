"""``clerk-app case post-check NUMBER --outcome verified|false_commitment``: a supervisor
records what the post-check (事中事后核查) of a 告知承诺 case found (``--user`` signs in)."""

from __future__ import annotations

import argparse
import json
import sys

from clerk_app.intake.post_check import PostCheckOutcome, PostCheckRefused
from clerk_app.services import Services

EXIT_OK, EXIT_REFUSED = 0, 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    case = sub.add_parser("case", help="cases after intake")
    csub = case.add_subparsers(dest="case_command", required=True)
    check = csub.add_parser("post-check", help="record a notify-and-commit post-check")
    check.add_argument("number", help="the case number")
    check.add_argument("--outcome", required=True, choices=[o.value for o in PostCheckOutcome])
    check.add_argument("--note", default="", help="what was checked, how")
    check.add_argument("--json", action="store_true", help="print JSON")


def run(services: Services, args: argparse.Namespace) -> int:
    service = services.post_checks
    try:
        done = service.record(
            args.number, PostCheckOutcome(args.outcome), by=args.operator, note=args.note
        )
    except PostCheckRefused as exc:
        print(f"clerk-app: post-check refused ({exc}); nothing was changed", file=sys.stderr)
        return EXIT_REFUSED
    payload = {"case": done.case_number, "outcome": done.outcome.value, "at_ms": done.at_ms}
    text = f"{done.case_number}: post-check recorded ({done.outcome.value})"
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)
    return EXIT_OK
