"""``clerk-app check …``: validate an ID number, credit code or phone without a database.

Exit status 0 when valid, 1 when not (the reason on stderr, or in the JSON on stdout).
Text output shows the value masked; ``--json`` adds the normalised value for scripts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from clerk_app.validation import (
    CreditCode,
    Invalid,
    Phone,
    ResidentId,
    validate_credit_code,
    validate_phone,
    validate_resident_id,
)
from clerk_app.validation.problems import ProblemCode

EXIT_VALID, EXIT_INVALID = 0, 1
DEFAULT_TZ = ZoneInfo("Asia/Shanghai")
LABELS = {"id": "ID number", "credit-code": "credit code", "phone": "phone number"}


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    date_type: Callable[[str], object],
) -> None:
    check = sub.add_parser("check", help="validate an ID number, credit code or phone number")
    csub = check.add_subparsers(dest="kind", required=True, metavar="KIND")
    id_parser = csub.add_parser("id", help="resident ID number (GB 11643)")
    id_parser.add_argument(
        "--today", type=date_type, help="date for the birth-date check (default: today, Beijing)"
    )
    csub.add_parser("credit-code", help="unified social credit code (GB 32100)")
    csub.add_parser("phone", help="mobile or landline number")
    for p in csub.choices.values():
        p.add_argument("value", metavar="VALUE")
        p.add_argument("--json", action="store_true", help="print JSON")


def _valid_facts(result: ResidentId | CreditCode | Phone) -> tuple[dict[str, Any], str]:
    facts: dict[str, Any]
    if isinstance(result, ResidentId):
        facts = {
            "kind": result.kind.value,
            "birth_date": result.birth_date.isoformat(),
            "sex": result.sex.value,
            "region_code": result.region_code,
        }
        return facts, f"{result.masked} ({result.kind}, born {result.birth_date}, {result.sex})"
    if isinstance(result, CreditCode):
        authority = result.registering_authority
        facts = {
            "registering_authority": authority.name.lower() if authority else None,
            "category": result.category,
            "region_code": result.region_code,
            "org_code_check_ok": result.org_code_check_ok,
        }
        note = "" if result.org_code_check_ok else "; its organisation code fails GB 11714"
        return facts, f"{result.value} (region {result.region_code}{note})"
    return {"kind": result.kind.value, "area_code": result.area_code}, (
        f"{result.masked} ({result.kind})"
    )


def _invalid_payload(problem: Invalid[ProblemCode]) -> dict[str, Any]:
    return {
        "valid": False,
        "code": problem.code.value,
        "position": problem.position,
        "found": problem.found,
        "expected": problem.expected,
        "overridable": problem.code.overridable,
        "message": problem.describe(),
    }


def _validate(args: argparse.Namespace) -> ResidentId | CreditCode | Phone | Invalid[Any]:
    if args.kind == "id":
        today = args.today or dt.datetime.now(DEFAULT_TZ).date()
        return validate_resident_id(args.value, today=today)
    if args.kind == "credit-code":
        return validate_credit_code(args.value)
    return validate_phone(args.value)


def run(args: argparse.Namespace) -> int:
    result = _validate(args)
    label = LABELS[args.kind]
    if isinstance(result, Invalid):
        if args.json:
            print(json.dumps(_invalid_payload(result), ensure_ascii=False))
        else:
            print(f"clerk-app: invalid {label}: {result.describe()}", file=sys.stderr)
        return EXIT_INVALID
    facts, text = _valid_facts(result)
    if args.json:
        print(json.dumps({"valid": True, "value": result.value, **facts}, ensure_ascii=False))
    else:
        print(f"valid {label}: {text}")
    return EXIT_VALID
