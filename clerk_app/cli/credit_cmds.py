"""``clerk-app credit check ID_OR_CODE``: the applicant's status on the joint-punishment list.

Exit status: 0 clear; 1 listed; 3 unknown (the server unreachable, too slow, answering
nonsense or refusing, or this counter not enrolled: the reason is printed); 2 not a resident
ID number or credit code. The check is on the audit trail (``credit.check``), the identifier
masked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING

from clerk_app.accounts.authz import actor_of

if TYPE_CHECKING:
    from clerk_app.credit.types import CreditCheck
    from clerk_app.services import Services

EXIT_CLEAR, EXIT_LISTED, EXIT_USAGE, EXIT_UNKNOWN = 0, 1, 2, 3


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    credit = sub.add_parser("credit", help="the credit check (joint-punishment list)")
    csub = credit.add_subparsers(dest="credit_command", required=True)
    check = csub.add_parser("check", help="ask the central server about an ID or credit code")
    check.add_argument("identifier", metavar="ID_OR_CODE")
    check.add_argument("--json", action="store_true", help="print JSON")


def _iso(ms: int | None) -> str | None:
    return None if ms is None else dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat()


def payload(found: CreditCheck) -> dict[str, object]:
    return {
        "status": found.state.value,
        "identifier": found.identifier_masked,
        "reason": found.unknown_reason.value if found.unknown_reason else None,
        "checked_at": _iso(found.checked_ms),
        "server_as_of": _iso(found.server_as_of_ms),
        "listings": [
            {
                "reason": x.reason,
                "measure": x.measure,
                "source": x.source,
                "listed_since": x.listed_since.isoformat(),
                "until": x.until.isoformat() if x.until else None,
            }
            for x in found.listings
        ],
    }


def _text(found: CreditCheck) -> str:
    if found.unknown_reason is not None:
        return f"{found.identifier_masked}: unknown ({found.unknown_reason.value})"
    lines = [f"{found.identifier_masked}: {found.state.value}"]
    lines += [
        f"  {x.reason}; {x.measure} ({x.source}, since {x.listed_since})" for x in found.listings
    ]
    return "\n".join(lines)


def run(services: Services, args: argparse.Namespace) -> int:
    from clerk_app.credit.service import normalised  # noqa: PLC0415 - the HTTP client: lazily
    from clerk_app.credit.types import CreditState  # noqa: PLC0415
    from onewindow_protocol.identifiers import subject_kind  # noqa: PLC0415

    identifier = normalised(args.identifier)
    if subject_kind(identifier) is None:
        print("clerk-app: not a resident ID number or unified social credit code", file=sys.stderr)
        return EXIT_USAGE
    service = services.credit
    try:
        found = service.check(identifier, by=actor_of(args.operator))
    finally:
        service.close()
    print(json.dumps(payload(found), ensure_ascii=False) if args.json else _text(found))
    return {CreditState.CLEAR: EXIT_CLEAR, CreditState.LISTED: EXIT_LISTED}.get(
        found.state, EXIT_UNKNOWN
    )
