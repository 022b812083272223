"""``clerk-app licence lookup --holder ID_OR_CODE [--type TYPE]``: a holder's e-licences in the
central server's registry (电子证照).

Exit status: 0 found; 1 none; 3 unknown (the server unreachable, too slow, answering nonsense
or refusing, or this counter not enrolled: the reason is printed); 2 not a resident ID number or
credit code. The holder is masked in plain output unless ``--show-id``; the lookup is on the
audit trail (``licence.lookup``), masked.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from clerk_app.accounts.authz import actor_of

if TYPE_CHECKING:
    from clerk_app.licences.types import Licence, LicenceLookup
    from clerk_app.services import Services

EXIT_FOUND, EXIT_NONE, EXIT_USAGE, EXIT_UNKNOWN = 0, 1, 2, 3


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    licence = sub.add_parser("licence", help="e-licences (电子证照) in the central registry")
    lsub = licence.add_subparsers(dest="licence_command", required=True)
    lookup = lsub.add_parser("lookup", help="a holder's licences, by ID number or credit code")
    lookup.add_argument("--holder", required=True, metavar="ID_OR_CODE")
    lookup.add_argument(
        "--type", metavar="TYPE", help="an e-licence type code, e.g. CN.RESIDENT_ID"
    )
    lookup.add_argument("--show-id", action="store_true", help="print the holder unmasked")
    lookup.add_argument("--json", action="store_true", help="print JSON")


def _licence(x: Licence) -> dict[str, object]:
    return {
        "id": x.id,
        "type": x.type_code,
        "type_name": x.type_name,
        "number": x.number,
        "holder_name": x.holder_name,
        "holder": x.holder_masked,
        "issuer": x.issuer,
        "valid_from": x.valid_from.isoformat(),
        "valid_until": x.valid_until.isoformat() if x.valid_until else None,
        "status": x.status,
        "source": x.source,
        "has_copy": x.copy_sha256 is not None,
    }


def payload(found: LicenceLookup, holder: str) -> dict[str, object]:
    return {
        "status": found.state.value,
        "holder": holder,
        "reason": found.unknown_reason.value if found.unknown_reason else None,
        "licences": [_licence(x) for x in found.licences],
    }


def _text(found: LicenceLookup, holder: str) -> str:
    if found.unknown_reason is not None:
        return f"{holder}: unknown ({found.unknown_reason.value})"
    lines = [f"{holder}: {len(found.licences)} licence(s)"]
    lines += [
        f"  {x.type_name} {x.number}  {x.issuer}  {x.valid_from} – {x.valid_until or '长期'}"
        f"  [{x.status}]"
        for x in found.licences
    ]
    return "\n".join(lines)


def run(services: Services, args: argparse.Namespace) -> int:
    from clerk_app.credit.service import normalised  # noqa: PLC0415 - the HTTP client: lazily
    from clerk_app.licences.types import LookupState  # noqa: PLC0415
    from onewindow_protocol.identifiers import subject_kind  # noqa: PLC0415

    holder = normalised(args.holder)
    if subject_kind(holder) is None:
        print("clerk-app: not a resident ID number or unified social credit code", file=sys.stderr)
        return EXIT_USAGE
    if args.type is not None and not _type_ok(args.type):
        print("clerk-app: not an e-licence type code", file=sys.stderr)
        return EXIT_USAGE
    service = services.licences
    try:
        found = service.lookup(holder, args.type, by=actor_of(args.operator))
    finally:
        service.close()
    shown = holder if args.show_id else found.holder_masked
    print(
        json.dumps(payload(found, shown), ensure_ascii=False) if args.json else _text(found, shown)
    )
    return {LookupState.FOUND: EXIT_FOUND, LookupState.NONE: EXIT_NONE}.get(
        found.state, EXIT_UNKNOWN
    )


def _type_ok(value: str) -> bool:
    from onewindow_protocol.catalogue.models import LICENCE_TYPE  # noqa: PLC0415

    return LICENCE_TYPE.fullmatch(value) is not None
